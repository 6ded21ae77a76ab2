import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import { Cron } from 'croner';
import { refuseUnverifiableTokens } from './auth/refuseUnverifiableTokens.js';
import { GuidanceIntents } from './guidance/GuidanceIntents.js';
import { ProactiveSender } from './notifications/ProactiveSender.js';
import { ReminderResponses } from './reminders/ReminderResponses.js';
import { ReminderSchedule } from './reminders/ReminderSchedule.js';
import { ReminderSweep } from './reminders/ReminderSweep.js';
import { OSLO } from './time/oslo.js';
import { DataCare } from './privacy/DataCare.js';
import { accessRoute } from './privacy/routes.js';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Server } from 'restify';
import { createApp } from './app.js';
import { AuditLog } from './audit/AuditLog.js';
import { municipalities, type Config } from './config.js';
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
  reminders: { schedule: ReminderSchedule; sweep: ReminderSweep };
  dataCare: DataCare;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Naming one endpoint makes botbuilder take every endpoint from configuration, so the others are
 * the public cloud's own values.
 */
function publicCloudWithSigningKeysFrom(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
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
    ...(config.bot.openIdMetadataUrl ? publicCloudWithSigningKeysFrom(config.bot.openIdMetadataUrl) : {}),
  });
  refuseUnverifiableTokens(adapter);
  if (!config.linkSecret) logger.warn('LINK_SECRET is not set: export links work only on this instance until it restarts');
  const exportLinks = new ExportLinks(config.linkSecret ?? randomBytes(32).toString('hex'), config.publicUrl);
  const references = new ConversationReferences(store);
  const sender = new ProactiveSender({ adapter, botAppId: config.bot.appId ?? '', references, logger });
  const schedule = new ReminderSchedule({ store, roles });
  const cases = new CaseService({ store, audit, events: [schedule, new ProactiveNotifier({ sender, roles })] });
  const sweep = new ReminderSweep({ schedule, roles, sender, references, municipalities, logger });
  const responses = new ReminderResponses({ schedule, cases, roles });
  const dataCare = new DataCare({ store, audit, reminders: schedule, retentionDays: config.closedCaseRetentionDays });
  const app = createApp({
    adapter,
    storage: new StoreStorage(store),
    botAppId: config.bot.appId,
    tenants,
    directory,
    roles,
    exportLinks,
    cases,
    references,
    audit,
    guidanceIntents: new GuidanceIntents(),
    reminders: responses,
    reminderSchedule: schedule,
    dataCare,
    logger,
  });
  // Every instance sweeps; claims make sure each reminder goes out once. `protect` skips a tick while the last one runs.
  const sweeper = config.reminderSweep
    ? new Cron(config.reminderSweep, { timezone: OSLO, protect: true, catch: (error) => logger.error({ err: error }, 'reminder sweep failed') }, async () => {
        await sweep.run();
      })
    : undefined;
  // The retention rule runs nightly in every instance; each case is anonymised once (conditional write).
  const retention = config.retentionRun
    ? new Cron(config.retentionRun, { timezone: OSLO, protect: true, catch: (error) => logger.error({ err: error }, 'retention run failed') }, async () => {
        for (const municipality of municipalities) {
          const anonymised = await dataCare.anonymiseExpired(municipality);
          if (anonymised) logger.info({ municipality, anonymised }, 'closed cases anonymised after the retention period');
        }
      })
    : undefined;
  const server = createServer({
    app,
    adapter,
    store,
    logger,
    routes: [
      { path: '/api/directory/export', handler: exportRoute({ links: exportLinks, directory, audit }) },
      { path: '/api/privacy/access', handler: accessRoute({ links: exportLinks, dataCare }) },
    ],
  });

  return {
    server,
    store,
    directory,
    roles,
    cases,
    references,
    reminders: { schedule, sweep },
    dataCare,
    logger,
    async close() {
      sweeper?.stop();
      retention?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
