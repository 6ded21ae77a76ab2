import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import { Cron } from 'croner';
import { authenticateActivity } from './auth/authenticateActivity.js';
import { GuidanceIntents } from './guidance/GuidanceIntents.js';
import { SendBudget } from './notifications/SendBudget.js';
import { DEFAULT_ATTACHMENT_HOSTS } from './onboarding/routes.js';
import { ProactiveSender } from './notifications/ProactiveSender.js';
import { ReminderResponses } from './reminders/ReminderResponses.js';
import { type ReminderSchedule } from './reminders/ReminderSchedule.js';
import { ReminderSweep } from './reminders/ReminderSweep.js';
import { OSLO } from './time/oslo.js';
import { DataCare } from './privacy/DataCare.js';
import { accessRoute } from './privacy/routes.js';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Server } from 'restify';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { ConfigError } from './config.js';
import { loadExamples } from './onboarding/examples.js';
import { createServices, type Services } from './services.js';
import type { Verb } from './conversation/verbs.js';
import { templatesRoute } from './onboarding/templatesRoute.js';
import { randomBytes } from 'node:crypto';
import { ExportLinks } from './links/ExportLinks.js';
import { overviewExportRoute } from './overview/routes.js';
import { tabRoutes } from './overview/tab.js';
import { tabCaller, tabIdentifier } from './auth/tabIdentity.js';
import { exportRoute } from './directory/exportRoute.js';
import { workNoticeFor } from './coordination/cards.js';
import { referatRoute } from './coordination/referatRoute.js';
import type { Translate } from './i18n/translate.js';
import type { CardAttachment } from './cards/expandCard.js';
import { UnansweredDigest } from './unanswered/UnansweredDigest.js';
import { unansweredData } from './unanswered/routes.js';
import { ProactiveNotifier } from './notifications/ProactiveNotifier.js';
import { createLogger, type Logger } from './logger.js';
import { createServer } from './server.js';
import { createStore } from './store/createStore.js';
import type { Store } from './store/Store.js';
import { StoreStorage } from './store/StoreStorage.js';

/** The running bot: the domain services (as `createServices` builds them), the server, and what delivers proactively. */
export interface Bot extends Services {
  server: Server;
  reminders: { schedule: ReminderSchedule; sweep: ReminderSweep };
  /** The verbs the routes answer. */
  verbs: ReadonlySet<Verb>;
  /** Delivers the notices in cases' outboxes. */
  notices: ProactiveNotifier;
  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  noticesSettled(): Promise<void>;
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
  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.password ?? '',
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    ...(config.bot.openIdMetadataUrl ? publicCloudWithSigningKeysFrom(config.bot.openIdMetadataUrl) : {}),
  });
  if (!config.linkSecret) logger.warn('LINK_SECRET is not set: export links work only on this instance until it restarts');
  const exportLinks = new ExportLinks(config.linkSecret ?? randomBytes(32).toString('hex'), config.publicUrl, store);
  // The notifier delivers a change's notices from the case's outbox right after the change; the reply to the user does not wait for it.
  // Deliveries under way, so a shutdown lets them finish (what it cuts off stays in the outbox anyway).
  const delivering = new Set<Promise<unknown>>();
  const services = createServices(store, {
    defaultMunicipality: config.defaultMunicipality,
    directoryRefreshMs: config.directoryRefreshMs,
    onNotices: (municipality, caseId) => deliverSoon(municipality, caseId),
    // The work's notices go out as cards once the sender below exists (services are built first: the sender reads their references).
    // Sent in the background like the outbox's notices: the reply to the person acting never waits for another person's chat.
    workNotices: async (municipality, userId, notice) => {
      const delivery: Promise<unknown> = tell(municipality, userId, (t) => workNoticeFor(t, userId, notice, new Date()))
        .catch((error: unknown) => logger.warn({ err: error, municipality }, 'a work notice was not delivered'))
        .finally(() => delivering.delete(delivery));
      delivering.add(delivery);
    },
  });
  const { municipalities, roles, audit, directory, schedule, cases, overview, references, coordination, unanswered } = services;
  const sender = new ProactiveSender({
    adapter,
    botAppId: config.bot.appId ?? '',
    references,
    budget: new SendBudget(store),
    logger,
    defaultLocale: async (m) => (await municipalities.get(m))?.defaultLanguage ?? 'nb',
  });
  const tell = async (municipality: string, userId: string, render: (t: Translate) => CardAttachment): Promise<void> => {
    const outcome = await sender.send(municipality, userId, render);
    if (outcome !== 'sent') logger.warn({ municipality, outcome }, 'a proactive message was not delivered');
  };
  const notifier = new ProactiveNotifier({ sender, roles, cases, municipalities: () => municipalities.ids(), logger });
  function deliverSoon(municipality: string, caseId: string): void {
    const delivery: Promise<unknown> = notifier
      .deliver(municipality, caseId)
      .catch((error: unknown) => logger.warn({ err: error, municipality }, 'notice delivery failed; the outbox sweep tries again'))
      .finally(() => delivering.delete(delivery));
    delivering.add(delivery);
  }
  if (config.exampleMunicipalities) {
    for (const { municipality, added, entries } of await loadExamples(municipalities, directory)) {
      if (added || entries) logger.info({ municipality, entries }, 'example municipality loaded');
    }
  }
  if (config.defaultMunicipality && !(await municipalities.get(config.defaultMunicipality))) {
    throw new ConfigError(
      `Invalid configuration:\n  DEFAULT_MUNICIPALITY: no municipality "${config.defaultMunicipality}" (add it with "npm run municipality -- add", or set EXAMPLE_MUNICIPALITIES=on)`,
    );
  }
  for (const { municipality, userId } of config.keAdmins) {
    if (!(await municipalities.get(municipality)))
      throw new ConfigError(`Invalid configuration:\n  KE_ADMINS: no municipality "${municipality}" (add it with "npm run municipality -- add")`);
    await roles.grant(municipality, userId, 'keAdmin');
  }

  const sweep = new ReminderSweep({ schedule, roles, sender, references, municipalities: () => municipalities.ids(), logger });
  const responses = new ReminderResponses({ schedule, cases, roles });
  const digest = new UnansweredDigest({
    questions: unanswered,
    roles,
    view: (municipality, userId) => unansweredData({ questions: unanswered, directory }, municipality, userId),
    hours: (municipality) => schedule.settings(municipality),
    municipalities: () => municipalities.ids(),
    tell,
    logger,
  });
  const dataCare = new DataCare({ cases, work: coordination, audit, reminders: schedule, retentionDays: config.closedCaseRetentionDays });
  // With Teams SSO and the tab's deep link, a resident's data is fetched in the tab with the requester's own token.
  const residentLinksBound = config.tabAuth.kind === 'sso' && config.tabUrl !== undefined;
  const { app, verbs } = createApp({
    adapter,
    storage: new StoreStorage(store),
    services,
    bot: {
      ...(config.bot.appId ? { botAppId: config.bot.appId } : {}),
      exportLinks,
      guidanceIntents: new GuidanceIntents(),
      reminders: responses,
      dataCare,
      tell,
      templatesUrl: `${config.publicUrl.replace(/\/$/, '')}/templates`,
      attachmentHosts: [...DEFAULT_ATTACHMENT_HOSTS, ...config.attachmentHosts],
      ...(config.tabUrl ? { tabUrl: config.tabUrl } : {}),
      residentLinksBound,
      logger,
    },
  });
  // Every instance sweeps; claims make sure each reminder goes out once. `protect` skips a tick while the last one runs.
  const sweeper = config.reminderSweep
    ? new Cron(config.reminderSweep, { timezone: OSLO, protect: true, catch: (error) => logger.error({ err: error }, 'reminder sweep failed') }, async () => {
        await sweep.run();
        await digest.run();
      })
    : undefined;
  // Whatever a crash or a failed send left in an outbox goes out from here; a claim makes one instance send each notice.
  const noticeSweeper = config.noticeSweep
    ? new Cron(
        config.noticeSweep,
        { protect: true, catch: (error) => logger.warn({ err: error }, 'outbox sweep failed; the next one tries again') },
        async () => {
          await notifier.sweep();
        },
      )
    : undefined;
  // The retention rule runs nightly in every instance; each case is anonymised once (conditional write).
  const retention = config.retentionRun
    ? new Cron(config.retentionRun, { timezone: OSLO, protect: true, catch: (error) => logger.error({ err: error }, 'retention run failed') }, async () => {
        for (const municipality of await municipalities.ids()) {
          const anonymised = await dataCare.anonymiseExpired(municipality);
          if (anonymised) logger.info({ municipality, anonymised }, 'closed cases anonymised after the retention period');
          const purged = await unanswered.purgeExpired(municipality);
          if (purged) logger.info({ municipality, purged }, 'unanswered questions deleted after 30 days');
        }
      })
    : undefined;
  // Answers are counted in memory and written once a minute, so a question writes nothing.
  const askedFlush = new Cron(
    '* * * * *',
    { protect: true, catch: (error) => logger.warn({ err: error }, 'directory answer counts not written; the next minute tries again') },
    async () => {
      await directory.flushAsked();
    },
  );
  // Who calls the tab's API and the resident-data download: the Teams SSO token's user, in their municipality.
  const caller = tabCaller(tabIdentifier(config.tabAuth, logger), municipalities);
  const server = createServer({
    app,
    adapter,
    authenticate: authenticateActivity(adapter, logger),
    store,
    logger,
    routes: [
      { path: '/api/directory/export', handler: exportRoute({ links: exportLinks, directory, audit }) },
      { path: '/api/privacy/access', handler: accessRoute({ links: exportLinks, dataCare, ...(residentLinksBound ? { caller } : {}) }) },
      { path: '/api/overview/export', handler: overviewExportRoute({ links: exportLinks, overview, roles, directory, audit }) },
      { path: '/api/referat', handler: referatRoute({ links: exportLinks, coordination, roles, audit }) },
      ...tabRoutes({
        overview,
        roles,
        municipalities,
        caller,
        sso: config.tabAuth.kind !== 'dev',
        ...(config.bot.appId ? { botId: config.bot.appId } : {}),
      }),
      { path: '/templates/:name', handler: templatesRoute() },
    ],
  });

  return {
    ...services,
    server,
    verbs,
    reminders: { schedule, sweep },
    notices: notifier,
    async noticesSettled() {
      while (delivering.size > 0) await Promise.allSettled([...delivering]);
    },
    dataCare,
    logger,
    async close() {
      sweeper?.stop();
      noticeSweeper?.stop();
      retention?.stop();
      askedFlush.stop();
      await directory.flushAsked().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...delivering]);
      await store.close();
    },
  };
}
