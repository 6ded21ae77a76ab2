import { loadConfig } from '../src/config.js';
import { InputError, userMessageOf } from '../src/errors.js';
import { translator, type Translate } from '../src/i18n/translate.js';
import { loadExamples } from '../src/onboarding/examples.js';
import { createStore } from '../src/store/createStore.js';
import { createServices, type Services } from '../src/services.js';
import type { Store } from '../src/store/Store.js';

/** The services over a store, as the bot builds them; optionally with the example municipalities (Rana, Ålesund) loaded. */
export async function cliServices(store: Store, options: { examples?: boolean } = {}): Promise<Services> {
  const services = createServices(store);
  if (options.examples) await loadExamples(services.municipalities, services.directory);
  return services;
}

/**
 * A command-line tool's work against the store the bot uses (the same environment as `npm start`):
 * an `InputError` is printed in words from the catalogue (bokmål) and ends the process with
 * `inputErrorCode`; the store is closed either way.
 */
export async function withServices(work: (services: Services, t: Translate) => Promise<void>, inputErrorCode = 1): Promise<void> {
  const t = translator('nb');
  const store = await createStore(loadConfig());
  try {
    await work(createServices(store), t);
  } catch (error) {
    const message = userMessageOf(error);
    if (!(error instanceof InputError) || !message) throw error;
    console.error(t(message.key, message.params));
    process.exitCode = inputErrorCode;
  } finally {
    await store.close();
  }
}
