import { loadExamples } from '../src/municipalities/examples.js';
import { createServices, type Services } from '../src/services.js';
import type { Store } from '../src/store/Store.js';

/** The services over a store, as the bot builds them; optionally with the example municipalities (Rana, Ålesund) loaded. */
export async function cliServices(store: Store, options: { examples?: boolean } = {}): Promise<Services> {
  const services = createServices(store);
  if (options.examples) await loadExamples(services.municipalities, services.directory);
  return services;
}
