/** `npm run seed`: adds the example municipalities (Rana, Ålesund) and their directories where missing, in the configured store. */
import { loadConfig } from '../src/config.js';
import { loadExamples } from '../src/onboarding/examples.js';
import { createServices } from '../src/services.js';
import { createStore } from '../src/store/createStore.js';

const store = await createStore(loadConfig());
try {
  const { municipalities, directory } = createServices(store);
  for (const { municipality, added, entries } of await loadExamples(municipalities, directory)) {
    console.log(
      `${municipality}: ${added ? 'lagt til' : 'fantes fra før'}; ${entries ? `${entries} oppføringer i tjenesteoversikten lastet inn` : 'tjenesteoversikten er urørt'}.`,
    );
  }
} finally {
  await store.close();
}
