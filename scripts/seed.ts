/** `npm run seed`: adds the example municipalities (Rana, Ålesund) and their directories where missing, in the configured store. */
import { loadConfig } from '../src/config.js';
import { translator } from '../src/i18n/translate.js';
import { loadExamples } from '../src/onboarding/examples.js';
import { createServices } from '../src/services.js';
import { createStore } from '../src/store/createStore.js';

const store = await createStore(loadConfig());
const t = translator('nb');
try {
  const { municipalities, directory } = createServices(store);
  for (const { municipality, added, entries } of await loadExamples(municipalities, directory)) {
    console.log(
      t('cli.seed.line', {
        municipality,
        added: t(added ? 'cli.seed.added' : 'cli.seed.existed'),
        directory: entries ? t('cli.seed.entries', { entries }) : t('cli.seed.untouched'),
      }),
    );
  }
} finally {
  await store.close();
}
