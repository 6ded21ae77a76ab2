import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inert } from '../cards/inert.js';
import { actorScope, type ActorScope } from '../roles/actorScope.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import type { ConversationReferences } from '../conversation/ConversationReferences.js';
import { livingCard } from '../conversation/errorReply.js';
import { turnScope } from '../conversation/turnScope.js';
import type { Router } from '../conversation/router.js';
import { STATIC_SERVICE_CHOICES } from '../directory/cards.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { ConflictError, InputError, NotFoundError } from '../errors.js';
import { pickablePeople } from '../roles/people.js';
import type { Roles } from '../roles/Roles.js';
import { caseActions, caseRef, type CaseActionVerb, type ChooseCoordinator } from './actions.js';
import {
  ALL_STATES,
  approvalCard,
  caseListCard,
  caseNotificationCard,
  reportFormCard,
  reportReceiptCard,
  welcomeCoordinatorCard,
  type CaseListView,
} from './cards.js';
import { caseStates, type Case, type CaseState } from './Case.js';
import { CaseViews, type CaseFormVerb, type CaseWorkWords } from './caseViews.js';
import type { CaseService } from './CaseService.js';
import type { NotificationKind } from './transitions.js';

export type { CaseWorkWords } from './caseViews.js';

const PAGE = 10;
const LEADING = /^\s*(mine ansatte sine saker|mine ansattes saker|dei tilsette sine saker|my employees.? cases)\s*$/i;
const ALL = /^\s*(alle saker|all cases)\s*$/i;
/** A case reference as the bot writes it: the municipality id in capitals, the year and a number. */
const REFERENCE = /^\s*(?:(?:sak|saka|saken|case)\s+)?([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d{4}-\d{4,6})\s*[.?!]?\s*$/i;
const listData = z.object({
  list: z.enum(['mine', 'leading', 'all']),
  before: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
  state: z
    .enum(['', ALL_STATES, ...caseStates])
    .optional()
    .transform((v) => (v && v !== ALL_STATES ? (v as CaseState) : undefined)),
});
const approvalData = caseRef.extend({
  proposalId: z.string().uuid(),
  decision: z.enum(['approve', 'decline']).optional(),
  reason: z.string().max(500).optional(),
});
const noticeData = caseRef.extend({ kind: z.string().max(40), reference: z.string().max(40).optional() });

/** The proposal an approval card is about: the open one, or the one that was approved. */
const latestProposalId = (c: Case) => c.proposal?.id ?? c.coordinator?.proposalId ?? '';

export interface CaseRouteDeps {
  cases: CaseService;
  /** The case's work (partners, meetings, tasks), in words: what the case card shows of it, and whom the close form says to call. */
  work: CaseWorkWords;
  roles: Roles;
  directory: DirectoryService;
  references: ConversationReferences;
}

/** Reporting a need (meldeskjema), the case card and every command on it, the lists, and the leader's approval. */
export function caseRoutes(router: Router, deps: CaseRouteDeps) {
  const views = new CaseViews(deps);
  const scopeOf = (context: TurnContext, state: AppTurnState) => actorScope(context, state, deps.roles);
  caseCardRoutes(router, deps, views, scopeOf);
  approvalRoutes(router, deps, scopeOf);
  const showList = caseListRoutes(router, deps, views, scopeOf);
  return {
    /** The menu's «Mine saker». */
    showMyCases: async (context: TurnContext, state: AppTurnState) => showList(context, state, { list: 'mine' }),
    /** The menu's «Meld behov»: the form, with the municipality's services and units to choose from. */
    showReportForm: async (context: TurnContext, state: AppTurnState) => {
      const { t, municipality, userId } = turnScope(context, state);
      const [{ services, searchable }, units, reporterUnit] = await Promise.all([
        deps.directory.formChoices(municipality, STATIC_SERVICE_CHOICES),
        deps.roles.units(municipality),
        userId ? deps.roles.unitOf(municipality, userId) : undefined,
      ]);
      await context.sendActivity({ attachments: [reportFormCard(t, { services, searchable, submissionId: randomUUID(), units, reporterUnit })] });
    },
  };
}

type ScopeOf = (context: TurnContext, state: AppTurnState) => Promise<ActorScope>;

/** The case card's commands, the forms it opens, its refresh, and the notices and welcome that become it. */
function caseCardRoutes(router: Router, { cases, roles, references }: CaseRouteDeps, views: CaseViews, scopeOf: ScopeOf): void {
  /**
   * The coordinator a form chose (KE's proposal, a transfer), once the actor may give the command:
   * a person the municipality knows, in `unit` or else the unit they are registered in, a unit with a leader to approve.
   */
  const chosenCoordinator: ChooseCoordinator = async (scope, caseId, command, userId, unit) => {
    await cases.authorize(scope.actor, caseId, command);
    const chosen = (await pickablePeople(roles, references, scope.municipality)).find((p) => p.userId === userId);
    if (!chosen) throw new InputError(`no such person ${userId}`, { key: 'error.unknownAction' });
    const theirUnit = unit ?? (await roles.unitOf(scope.municipality, chosen.userId));
    if (!theirUnit) throw new InputError('no unit', { key: 'transfer.noUnit', params: { name: inert(chosen.name) } });
    if ((await roles.leadersOf(scope.municipality, theirUnit)).length === 0)
      throw new InputError(`no leader for ${theirUnit}`, { key: 'case.noLeader', params: { unit: inert(theirUnit) } });
    return { userId: chosen.userId, name: chosen.name, unit: theirUnit };
  };
  const actions = caseActions(chosenCoordinator);
  for (const verb of Object.keys(actions) as CaseActionVerb[]) {
    const spec = actions[verb];
    router.execute(verb, async (context, state, data) => {
      const scope = await scopeOf(context, state);
      return views.living(scope, data, async () => {
        const form = cardData(spec.schema, data, spec.required);
        const doc = await cases.act(scope.actor, form.caseId, await spec.command(form, scope), form.step);
        return views.card(scope, doc, { text: spec.done(scope.t, doc.data, form), tone: 'good' });
      });
    });
  }
  for (const verb of Object.keys(views.forms) as CaseFormVerb[]) {
    router.execute(verb, async (context, state, data) => {
      const scope = await scopeOf(context, state);
      return views.living(scope, data, async () =>
        views.forms[verb](scope, await cases.get(scope.actor, cardData(caseRef, data, 'error.unknownAction').caseId)),
      );
    });
  }
  // The case card's own refresh, and «Tilbake» from a form.
  router.execute('caseRefresh', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return views.living(scope, data, async () => views.card(scope, await cases.get(scope.actor, cardData(caseRef, data, 'error.unknownAction').caseId)));
  });
  // A notice says where its case stands now, for those who still see it.
  router.execute('caseNotice', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    const { caseId, kind, reference } = cardData(noticeData, data, 'error.unknownAction');
    const doc = await views.visible(scope.actor, caseId);
    const view = { kind: kind as NotificationKind, caseId, reference: doc?.data.reference ?? reference ?? '' };
    return caseNotificationCard(scope.t, doc ? { ...view, state: doc.data.state } : { ...view, visible: false }).content;
  });
  // The welcome card stays a welcome while the start is to be recorded; then it becomes the case card.
  router.execute('caseWelcome', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return views.living(scope, data, async () => {
      const doc = await cases.get(scope.actor, cardData(caseRef, data, 'error.unknownAction').caseId);
      return doc.data.coordinator?.userId === scope.actor.userId && doc.data.state === 'coordinatorAppointed'
        ? welcomeCoordinatorCard(scope.t, doc.data)
        : views.card(scope, doc);
    });
  });
}

/** The lists of cases, a case opened from one or by its reference, and the meldeskjema's submission; returns how a list is shown. */
function caseListRoutes(router: Router, { cases }: CaseRouteDeps, views: CaseViews, scopeOf: ScopeOf) {
  async function showList(context: TurnContext, state: AppTurnState, request: z.infer<typeof listData>): Promise<void> {
    const { t, actor } = await scopeOf(context, state);
    const page = await cases.list(actor, request.list, { state: request.state, before: request.before, limit: PAGE + 1 });
    const shown = page.slice(0, PAGE);
    const card = caseListCard(t, {
      list: request.list as CaseListView,
      cases: shown,
      more: page.length > PAGE ? shown.at(-1)!.updatedAt : undefined,
      showFilter: request.list === 'all',
      selectedState: request.state,
      states: caseStates,
    });
    await context.sendActivity({ attachments: [card] });
  }
  /** A case from a list, or its reference typed in chat, opens as a new living card. */
  async function sendCase(context: TurnContext, state: AppTurnState, caseId: string): Promise<void> {
    const scope = await scopeOf(context, state);
    await context.sendActivity({ attachments: [await views.card(scope, await cases.get(scope.actor, caseId))] });
  }

  router.message(LEADING, async (context, state) => showList(context, state, { list: 'leading' }));
  router.message(ALL, async (context, state) => showList(context, state, { list: 'all' }));
  router.submit('caseList', async (context, state, data) => showList(context, state, cardData(listData, data, 'error.unknownAction')));
  router.submit('caseOpen', async (context, state, data) => sendCase(context, state, cardData(caseRef, data, 'error.unknownAction').caseId));
  // A case reference typed in chat («RANA-2026-0006», «sak rana-2026-0006») opens the case, for those who may see it.
  router.message(REFERENCE, async (context, state) => {
    const scope = await scopeOf(context, state);
    const reference = REFERENCE.exec(context.activity.text ?? '')?.[1] ?? '';
    const caseId = await cases.idOf(scope.actor, reference.toUpperCase());
    if (!caseId) throw new NotFoundError('no case with that reference');
    await sendCase(context, state, caseId);
  });
  router.submit('reportSubmit', async (context, state, data) => {
    const { t, actor } = await scopeOf(context, state);
    await context.sendActivity({ attachments: [reportReceiptCard(t, await cases.report(actor, data))] });
  });
  return showList;
}

/** The leader's approval card: decided in place for everyone, refreshed, and shown again from a reminder. */
function approvalRoutes(router: Router, { cases }: CaseRouteDeps, scopeOf: ScopeOf): void {
  router.execute('approvalDecide', async (context, state, data) => {
    const { t, actor } = await scopeOf(context, state);
    return livingCard(t, async () => {
      const form = cardData(approvalData, data, 'error.unknownAction');
      if (form.decision === 'decline' && !form.reason?.trim()) return t('approval.reasonRequired');
      try {
        const command =
          form.decision === 'decline'
            ? { type: 'declineAppointment' as const, proposalId: form.proposalId, reason: form.reason! }
            : { type: 'approveAppointment' as const, proposalId: form.proposalId };
        return approvalCard(t, (await cases.act(actor, form.caseId, command)).data, form.proposalId);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error; // decided already, or replaced: the card shows the truth
        return approvalCard(t, (await cases.get(actor, form.caseId)).data, form.proposalId);
      }
    });
  });
  router.execute('approvalRefresh', async (context, state, data) => {
    const { t, actor } = await scopeOf(context, state);
    return livingCard(t, async () => {
      const form = cardData(approvalData.partial({ proposalId: true }), data, 'error.unknownAction');
      const doc = await cases.get(actor, form.caseId);
      return approvalCard(t, doc.data, form.proposalId ?? latestProposalId(doc.data));
    });
  });
  // From a reminder: the approval card again, as it stands now.
  router.submit('approvalShow', async (context, state, data) => {
    const { t, actor } = await scopeOf(context, state);
    const doc = await cases.get(actor, cardData(caseRef, data, 'error.unknownAction').caseId);
    await context.sendActivity({ attachments: [approvalCard(t, doc.data, latestProposalId(doc.data))] });
  });
}
