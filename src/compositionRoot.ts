import { GuidanceIntents } from './guidance/GuidanceIntents.js';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Server } from 'restify';
import { createApp } from './app.js';
import { AuditLog } from './audit/AuditLog.js';
import type { Config } from './config.js';
import { DirectoryService } from './directory/DirectoryService.js';
import { synonymGroups } from './directory/seedData.js';
import { seedDirectories } from './directory/seedDirectories.js';
import { Roles } from './roles/Roles.js';
import { randomBytes } from 'node:crypto';
import { ExportLinks } from './directory/exportLinks.js';
import { exportRoute } from './directory/exportRoute.js';
import { CaseService } from './cases/CaseService.js';
import { ConversationReferences } from './notifications/ConversationReferences.js';
import { ProactiveNotifier } from './notifications/ProactiveNotifier.js';
import { createLogger, type Logger } from './logger.js';
import { TenantMunicipalities } from './municipalities/TenantMunicipalities.js';
import { createServer } from './server.js';
import { createStore } from './store/createStore.js';
import type { Store } from './store/Store.js';
import { StoreStorage } from './store/StoreStorage.js';

export interface Bot {
  server: Server;
  store: Store;
  directory: DirectoryService;
  roles: Roles;
  cases: CaseService;
  references: ConversationReferences;
  logger: Logger;
  close(): Promise<void>;
}

/** The one place dependencies are built and wired. Tests pass a store or logger of their own. */
export async function createBot(config: Config, overrides: { store?: Store; logger?: Logger } = {}): Promise<Bot> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const store = overrides.store ?? (await createStore(config));
  const tenants = new TenantMunicipalities(store, config.defaultMunicipality);
  await tenants.seed(config.tenantMunicipalities);
  const roles = new Roles(store);
  for (const { municipality, userId } of config.keAdmins) await roles.grant(municipality, userId, 'keAdmin');
  const audit = new AuditLog(store);
  const directory = new DirectoryService({ store, roles, audit, synonyms: synonymGroups(), refreshMs: config.directoryRefreshMs });
  for (const { municipality, loaded } of await seedDirectories(directory)) {
    if (loaded) logger.info({ municipality, entries: loaded }, 'service directory seeded');
  }

  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.password ?? '',
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  if (!config.linkSecret) logger.warn('LINK_SECRET is not set: export links work only on this instance until it restarts');
  const exportLinks = new ExportLinks(config.linkSecret ?? randomBytes(32).toString('hex'), config.publicUrl);
  const references = new ConversationReferences(store);
  const notifier = new ProactiveNotifier({ adapter, botAppId: config.bot.appId ?? '', references, roles, logger });
  const cases = new CaseService({ store, audit, events: notifier });
  const app = createApp({ adapter, storage: new StoreStorage(store), botAppId: config.bot.appId, tenants, directory, roles, exportLinks, cases, references, audit, guidanceIntents: new GuidanceIntents(), logger });
  const server = createServer({
    app,
    adapter,
    store,
    logger,
    routes: [{ path: '/api/directory/export', handler: exportRoute({ links: exportLinks, directory, audit }) }],
  });

  return {
    server,
    store,
    directory,
    roles,
    cases,
    references,
    logger,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
