import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Server } from 'restify';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { TenantMunicipalities } from './municipalities/TenantMunicipalities.js';
import { createServer } from './server.js';
import { createStore } from './store/createStore.js';
import type { Store } from './store/Store.js';
import { StoreStorage } from './store/StoreStorage.js';

export interface Bot {
  server: Server;
  store: Store;
  logger: Logger;
  close(): Promise<void>;
}

/** The one place dependencies are built and wired. Tests pass a store or logger of their own. */
export async function createBot(config: Config, overrides: { store?: Store; logger?: Logger } = {}): Promise<Bot> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const store = overrides.store ?? (await createStore(config));
  const tenants = new TenantMunicipalities(store, config.defaultMunicipality);
  await tenants.seed(config.tenantMunicipalities);

  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.password ?? '',
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  const app = createApp({ adapter, storage: new StoreStorage(store), botAppId: config.bot.appId, tenants, logger });
  const server = createServer({ app, adapter, store, logger });

  return {
    server,
    store,
    logger,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
