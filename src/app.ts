import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Logger } from './logger.js';
import type { Services } from './services.js';
import type { Verb } from './conversation/verbs.js';
import { AppTurnState } from './conversation/AppTurnState.js';
import { describeError } from './conversation/errorReply.js';
import { registerConversationRoutes } from './conversation/routes.js';
import { teamsAiRouter } from './conversation/router.js';
import { translator } from './i18n/translate.js';
import { municipalityGate } from './onboarding/municipalityGate.js';
import { importRoutes } from './onboarding/routes.js';
import { directoryRoutes } from './directory/routes.js';
import type { ExportLinks } from './links/ExportLinks.js';
import { caseRoutes } from './cases/routes.js';
import { registerRoleRoutes } from './roles/routes.js';
import type { GuidanceIntents } from './guidance/GuidanceIntents.js';
import { guidanceRoutes } from './guidance/routes.js';
import type { ReminderResponses } from './reminders/ReminderResponses.js';
import { reminderRoutes } from './reminders/routes.js';
import type { DataCare } from './privacy/DataCare.js';
import { privacyRoutes } from './privacy/routes.js';
import { overviewRoutes } from './overview/routes.js';
import { trainingRoutes, type TrainingRouteDeps } from './training/routes.js';
import { TurnContext } from 'botbuilder';
import { coordinationRoutes } from './coordination/routes.js';
import { caseWorkWords } from './coordination/cards.js';
import { pickablePeople } from './roles/people.js';
import { unansweredRoutes } from './unanswered/routes.js';

const LOCALE = Symbol('locale');
/** Activities that tell where a person can be reached: install, conversation update, every message. */
const REACHABLE_BY = new Set<string>([ActivityTypes.Message, ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate]);

/** What the bot adds to the domain services: links, the guidance classifier, reminder answers, data care, proactive sends. */
export interface BotParts {
  botAppId?: string;
  exportLinks: ExportLinks;
  guidanceIntents: GuidanceIntents;
  reminders: ReminderResponses;
  dataCare: DataCare;
  /** Sends a person a card proactively. */
  tell: TrainingRouteDeps['tell'];
  /** Where the import templates are served (`/templates`). */
  templatesUrl: string;
  /** Domains import attachments may be downloaded from. */
  attachmentHosts: readonly string[];
  /** Teams' deep link to the «Oversikt» tab, when known. */
  tabUrl?: string;
  /** Resident-data links open the tab, which fetches the file with the requester's token. */
  residentLinksBound?: boolean;
  logger: Logger;
}

export interface AppDeps {
  adapter: TeamsAdapter;
  storage: Storage;
  services: Services;
  bot: BotParts;
}

/** The app and the verbs its routes answer (a test holds them against the cards). */
export interface BotApp {
  app: Application<AppTurnState>;
  verbs: ReadonlySet<Verb>;
}

/** Builds the teams-ai Application and registers every route. Feature routes go before the conversation routes. */
export function createApp({ adapter, storage, services, bot }: AppDeps): BotApp {
  const { municipalities, imports, directory, roles, cases, references, audit, schedule, overview, training, coordination, unanswered, answers } = services;
  const { botAppId, exportLinks, guidanceIntents, reminders, dataCare, tell, templatesUrl, attachmentHosts, tabUrl, residentLinksBound, logger } = bot;
  const app = new Application<AppTurnState>({
    adapter,
    storage,
    botAppId,
    startTypingTimer: false,
    removeRecipientMention: true,
    turnStateFactory: () => new AppTurnState(),
  });

  const gate = municipalityGate({ municipalities });
  app.turn('beforeTurn', async (context, state) => {
    // The error handler has no turn state; it finds the user's language here.
    context.turnState.set(LOCALE, state.user.locale);
    const municipality = await gate.resolve(context, state);
    if (!municipality) return false;
    state.temp.municipality = municipality;
    context.turnState.set(LOCALE, state.user.locale ?? municipality.defaultLanguage);
    if (REACHABLE_BY.has(context.activity.type)) await rememberWhereToReach(context, state);
    return true;
  });

  /** Where the person can be reached proactively, and in which language; forgotten when they remove the bot. */
  async function rememberWhereToReach(context: TurnContext, state: AppTurnState): Promise<void> {
    const userId = context.activity.from?.aadObjectId;
    const municipality = state.temp.municipality?.id;
    if (!userId || !municipality) return;
    if (context.activity.type === ActivityTypes.InstallationUpdate && context.activity.action?.startsWith('remove'))
      await references.forget(municipality, userId);
    else await references.remember(municipality, userId, TurnContext.getConversationReference(context.activity), state.user.locale);
  }

  // Features register their routes through the router, the one module that knows teams-ai's route API.
  const router = teamsAiRouter(app);
  const directoryFeature = directoryRoutes(router, {
    directory,
    roles,
    exportLinks,
    answers,
    solved: async (scope, group) => void (await unanswered.close(scope.municipality, scope.userId, group, 'solved')),
    logger,
  });
  unansweredRoutes(router, { questions: unanswered, directory });
  registerRoleRoutes(router, { roles, references, audit, municipalities });
  importRoutes(router, { imports, roles, templatesUrl, attachmentHosts });
  const caseFeature = caseRoutes(router, { cases, roles, directory, references, work: caseWorkWords((m, caseId) => coordination.summary(m, caseId)) });
  coordinationRoutes(router, {
    coordination,
    roles,
    people: (municipality) => pickablePeople(roles, references, municipality),
    coordinating: async (scope) => (await cases.list(scope.actor, 'coordinating', { limit: 100 })).map((c) => c.id),
    referatLink: (scope, meetingId) =>
      exportLinks.create({ municipality: scope.municipality, format: 'referatDocx', meetingId, actor: scope.actor.userId, locale: scope.locale }),
  });
  const guidanceFeature = guidanceRoutes(router, { intents: guidanceIntents });
  reminderRoutes(router, { responses: reminders, roles, schedule });
  privacyRoutes(router, { dataCare, roles, links: exportLinks, ...(residentLinksBound && tabUrl ? { tabUrl } : {}) });
  overviewRoutes(router, { overview, roles, links: exportLinks, ...(tabUrl ? { tabUrl } : {}) });
  trainingRoutes(router, { training, roles, tell });
  registerConversationRoutes(router, {
    capabilities: {
      directory: directoryFeature.showSearch,
      report: caseFeature.showReportForm,
      cases: caseFeature.showMyCases,
      guidance: guidanceFeature.showMenu,
    },
    // A question about the coordinator role gets guidance; anything else is looked up in the service directory.
    onFreeText: async (context, state, text) => {
      if (!(await guidanceFeature.answer(context, state, text))) await directoryFeature.answer(context, state, text);
    },
    // Proactive messages speak the new language from now on.
    onLanguageChosen: rememberWhereToReach,
  });

  app.error(async (context, error) => {
    const reference = randomUUID().slice(0, 8);
    const reply = describeError(error, translator(context.turnState.get(LOCALE)), reference);
    const log = { correlationId: reference, activityId: context.activity.id, activityType: context.activity.type, err: error };
    if (reply.expected) logger.warn(log, 'turn failed with an expected error');
    else logger.error(log, 'turn failed');
    try {
      // A card's Universal Action is answered in place (HTTP 200), so Teams shows the words, not a card error.
      if (context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action') {
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.text } },
        });
      } else await context.sendActivity(reply.text);
    } catch (sendError) {
      logger.error({ correlationId: reference, err: sendError }, 'could not tell the user about a failed turn');
    }
  });

  return { app, verbs: router.verbs };
}
