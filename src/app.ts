import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Logger } from './logger.js';
import { AppTurnState } from './conversation/AppTurnState.js';
import { describeError } from './conversation/errorReply.js';
import { registerConversationRoutes } from './conversation/routes.js';
import { teamsAiRouter } from './conversation/router.js';
import { translator } from './i18n/translate.js';
import type { Municipalities } from './municipalities/Municipalities.js';
import { municipalityGate } from './onboarding/municipalityGate.js';
import type { ImportService } from './onboarding/ImportService.js';
import { importRoutes } from './onboarding/routes.js';
import type { DirectoryService } from './directory/DirectoryService.js';
import { directoryRoutes } from './directory/routes.js';
import type { Roles } from './roles/Roles.js';
import type { ExportLinks } from './directory/exportLinks.js';
import type { CaseService } from './cases/CaseService.js';
import { caseRoutes } from './cases/routes.js';
import { registerRoleRoutes } from './roles/routes.js';
import type { GuidanceIntents } from './guidance/GuidanceIntents.js';
import { guidanceRoutes } from './guidance/routes.js';
import type { ReminderResponses } from './reminders/ReminderResponses.js';
import type { ReminderSchedule } from './reminders/ReminderSchedule.js';
import { reminderRoutes } from './reminders/routes.js';
import type { DataCare } from './privacy/DataCare.js';
import { privacyRoutes } from './privacy/routes.js';
import type { OverviewService } from './overview/OverviewService.js';
import { overviewRoutes } from './overview/routes.js';
import type { TrainingService } from './training/TrainingService.js';
import { trainingRoutes, type TrainingRouteDeps } from './training/routes.js';
import type { AuditLog } from './audit/AuditLog.js';
import type { ConversationReferences } from './conversation/ConversationReferences.js';
import { TurnContext } from 'botbuilder';
import type { CoordinationService } from './coordination/CoordinationService.js';
import { coordinationRoutes } from './coordination/routes.js';
import { caseWorkWords } from './coordination/cards.js';
import { pickablePeople } from './roles/people.js';
import type { UnansweredQuestions } from './unanswered/UnansweredQuestions.js';
import type { AnswerLog } from './directory/answerLog.js';
import { unansweredRoutes } from './unanswered/routes.js';

const LOCALE = Symbol('locale');
/** Activities that tell where a person can be reached: install, conversation update, every message. */
const REACHABLE_BY = new Set<string>([ActivityTypes.Message, ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate]);

export interface AppDeps {
  adapter: TeamsAdapter;
  storage: Storage;
  botAppId?: string;
  municipalities: Municipalities;
  imports: ImportService;
  /** Where the import templates are served (`/templates`). */
  templatesUrl: string;
  /** Domains import attachments may be downloaded from. */
  attachmentHosts: readonly string[];
  directory: DirectoryService;
  roles: Roles;
  exportLinks: ExportLinks;
  cases: CaseService;
  references: ConversationReferences;
  audit: AuditLog;
  guidanceIntents: GuidanceIntents;
  reminders: ReminderResponses;
  reminderSchedule: ReminderSchedule;
  dataCare: DataCare;
  overview: OverviewService;
  training: TrainingService;
  coordination: CoordinationService;
  unanswered: UnansweredQuestions;
  answers: AnswerLog;
  /** Sends a person a card proactively. */
  tell: TrainingRouteDeps['tell'];
  /** Teams' deep link to the «Oversikt» tab, when known. */
  tabUrl?: string;
  /** Resident-data links open the tab, which fetches the file with the requester's token. */
  residentLinksBound?: boolean;
  logger: Logger;
}

/** Builds the teams-ai Application and registers every route. Feature routes go before the conversation routes. */
export function createApp({
  adapter,
  storage,
  botAppId,
  municipalities,
  imports,
  templatesUrl,
  attachmentHosts,
  directory,
  roles,
  exportLinks,
  cases,
  references,
  audit,
  guidanceIntents,
  reminders,
  reminderSchedule,
  dataCare,
  overview,
  training,
  coordination,
  unanswered,
  answers,
  tell,
  tabUrl,
  residentLinksBound,
  logger,
}: AppDeps): Application<AppTurnState> {
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
  reminderRoutes(router, { responses: reminders, roles, schedule: reminderSchedule });
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

  return app;
}
