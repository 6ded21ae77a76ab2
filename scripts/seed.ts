/** `npm run seed`: loads the seed directory of each municipality that has none yet, into the configured store. */
import { loadConfig } from '../src/config.js';
import { seedDirectories } from '../src/directory/seedDirectories.js';
import { createStore } from '../src/store/createStore.js';
import { createDirectory } from './createDirectory.js';

const store = await createStore(loadConfig());
const { directory } = await createDirectory(store);
for (const { municipality, loaded } of await seedDirectories(directory)) {
  console.log(loaded ? `${municipality}: ${loaded} oppføringer lastet inn.` : `${municipality}: har allerede en tjenesteoversikt – ingenting endret.`);
}
await store.close();
