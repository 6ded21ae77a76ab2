import { pickablePeople } from '../roles/people.js';
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inert } from '../cards/inert.js';
import {
  approvalCard,
  caseDetailsCard,
  caseHistoryCard,
  caseListCard,
  changeFormCard,
  closeFormCard,
  reportFormCard,
  reportReceiptCard,
  startChecklistItems,
  startPlanCard,
  transferFormCard,
  type CaseListView,
} from './cards.js';
import { CASE_ID, caseStates, changeReasons, closeReasons, closingChecklistItems, leaveKinds, type Case, type CaseState, type ClosingChecklist, type LeaveKind } from './Case.js';
import { availableCommands, type Command } from './transitions.js';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import { refusalInWords } from '../conversation/errorReply.js';
import { turnScope } from '../conversation/turnScope.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { ConflictError, InputError, NotFoundError } from '../errors.js';
import { describeError } from '../conversation/errorReply.js';
import type { ConversationReferences } from '../notifications/ConversationReferences.js';
import type { Roles } from '../roles/Roles.js';
import type { CaseService } from './CaseService.js';
import type { Attachment } from 'botbuilder';
import type { Municipality, MunicipalityId } from '../municipalities/Municipality.js';
import type { Translate } from '../i18n/translate.js';
import type { Versioned } from '../store/Store.js';
import type { Actor } from './Actor.js';

const caseRef = z.object({ caseId: z.string().regex(CASE_ID) });
/** A case as the card showed it: a stale etag makes the command a conflict. */
const versioned = caseRef.extend({ etag: z.string().min(1).max(100) });
const decisionData = versioned.extend({ reason: z.string().max(500).optional() });
const proposeData = versioned.extend({ coordinator: z.string().min(1).max(100), unit: z.string().trim().min(2).max(120) });
const PAGE = 10;
const LEADING = /^\s*(mine ansatte sine saker|mine ansattes saker|dei tilsette sine saker|my employees.? cases)\s*$/i;
const ALL = /^\s*(alle saker|all cases)\s*$/i;
/** A case reference as the bot writes it: the municipality id in capitals, the year and a number. */
const REFERENCE = /^\s*(?:(?:sak|saka|saken|case)\s+)?([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d{4}-\d{4,6})\s*[.?!]?\s*$/i;
const listData = z.object({
  list: z.enum(['mine', 'leading', 'all']),
  before: z.string().max(40).optional().transform((v) => v || undefined),
  state: z.enum(['', ...caseStates]).optional().transform((v) => (v ? (v as CaseState) : undefined)),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Input.Toggle values ("true" / "false", or missing) for a checklist, as booleans. */
function toggles<K extends string>(items: readonly K[]): z.ZodType<Record<K, boolean>, z.ZodTypeDef, unknown> {
  const toggle = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');
  return z.object(Object.fromEntries(items.map((item) => [item, toggle]))) as unknown as z.ZodType<Record<K, boolean>, z.ZodTypeDef, unknown>;
}
const optionalDate = isoDate.optional().or(z.literal('').transform(() => undefined));
const startData = versioned.extend({
  startedAt: isoDate,
  firstMeeting: optionalDate,
  evaluationOn: optionalDate,
  evaluationEveryMonths: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1).max(24)]).optional(),
});
const approvalData = caseRef.extend({ proposalId: z.string().uuid(), decision: z.enum(['approve', 'decline']).optional(), reason: z.string().max(500).optional() });
const optionalText = (max: number) => z.string().max(max).optional().transform((v) => v?.trim() || undefined);
const changeData = versioned.extend({
  reason: z.enum(changeReasons),
  leaveKind: z.enum(['', ...leaveKinds]).optional().transform((v) => (v ? (v as LeaveKind) : undefined)),
  effectiveOn: isoDate,
  note: optionalText(300),
});
const transferData = versioned.extend({ to: z.string().min(1).max(100), note: optionalText(300) });
const closeData = versioned.extend({ reason: z.enum(closeReasons), closedOn: isoDate });

/** The proposal an approval card is about: the open one, or the one that was approved. */
const latestProposalId = (c: Case) => c.proposal?.id ?? c.coordinator?.proposalId ?? '';

export interface CaseRouteDeps {
  cases: CaseService;
  roles: Roles;
  directory: DirectoryService;
  references: ConversationReferences;
}

/** Reporting a need (meldeskjema), opening a case, and KE's decision. */
export function caseRoutes(app: Application<AppTurnState>, { cases, roles, directory, references }: CaseRouteDeps) {
  async function actorOf(context: TurnContext, state: AppTurnState) {
    const scope = turnScope(context, state);
    const actor = await roles.actor(scope.municipality, scope.userId);
    return { ...scope, actor: { ...actor, name: context.activity.from?.name } };
  }

  async function showList(context: TurnContext, state: AppTurnState, request: z.infer<typeof listData>): Promise<void> {
    const { t, actor } = await actorOf(context, state);
    const page = await cases.list(actor, request.list, { state: request.state, before: request.before, limit: PAGE + 1 });
    const shown = page.slice(0, PAGE);
    await context.sendActivity({
      attachments: [
        caseListCard(t, {
          list: request.list as CaseListView,
          cases: shown,
          more: page.length > PAGE ? shown.at(-1)!.updatedAt : undefined,
          showFilter: request.list === 'all',
          selectedState: request.state,
          states: caseStates,
        }),
      ],
    });
  }

  app.message(LEADING, async (context, state) => showList(context, state, { list: 'leading' }));
  app.message(ALL, async (context, state) => showList(context, state, { list: 'all' }));
  app.adaptiveCards.actionSubmit('caseList', async (context, state, data) => {
    await showList(context, state, cardData(listData, data, turnScope(context, state).t('error.unknownAction')));
  });

  app.adaptiveCards.actionSubmit('reportSubmit', async (context, state, data) => {
    const { t, actor } = await actorOf(context, state);
    const reported = await cases.report(actor, data);
    await context.sendActivity({ attachments: [reportReceiptCard(t, reported)] });
  });

  /** The case card as this person may see it now, with the actions open to them. */
  async function sendCaseCard(context: TurnContext, scope: { t: Translate; actor: Actor; municipality: MunicipalityId; home: Municipality }, caseId: string): Promise<void> {
    const { t, actor, municipality, home } = scope;
    const doc = await cases.get(actor, caseId);
    const c = doc.data;
    const commands = availableCommands(c, actor);
    const serviceNames = new Map((await directory.list(municipality, { includeRetired: true })).map((entry) => [entry.id, entry.name]));
    const people = commands.includes('proposeCoordinator') ? await pickablePeople(roles, references, municipality) : [];
    const showPersonal = actor.isKe || c.coordinator?.userId === actor.userId || c.report.reporter.userId === actor.userId;
    const contactPhone = home.phones.ke ?? home.phones.servicetorget;
    await context.sendActivity({ attachments: [caseDetailsCard(t, { case: c, etag: doc.etag, commands, showPersonal, people, serviceNames, contactPhone })] });
  }

  // A case reference typed in chat («RANA-2026-0006») opens the case, for those who may see it.
  app.message(REFERENCE, async (context, state) => {
    const scope = await actorOf(context, state);
    const reference = REFERENCE.exec(context.activity.text ?? '')?.[1] ?? '';
    const caseId = await cases.idOf(scope.actor, reference.toUpperCase());
    if (!caseId) throw new NotFoundError('no case with that reference');
    await sendCaseCard(context, scope, caseId);
  });

  /**
   * A command from a card. When someone else got there first (a stale card, a double click, two
   * users at once), the user is told and gets the case as it is now; nothing of theirs was saved.
   */
  async function act(context: TurnContext, scope: { t: Translate; actor: Actor; municipality: MunicipalityId; home: Municipality }, caseId: string, command: Command, etag: string): Promise<Case | undefined> {
    try {
      return await cases.act(scope.actor, caseId, command, etag);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await context.sendActivity(describeError(error, scope.t, '').text);
      await sendCaseCard(context, scope, caseId);
      return undefined;
    }
  }

  app.adaptiveCards.actionSubmit('caseOpen', async (context, state, data) => {
    const scope = await actorOf(context, state);
    await sendCaseCard(context, scope, cardData(caseRef, data, scope.t('error.unknownAction')).caseId);
  });

  app.adaptiveCards.actionSubmit('caseReportChange', async (context, state, data) => {
    const scope = await actorOf(context, state);
    const { t } = scope;
    const form = cardData(changeData, data, t('change.required'));
    if (form.reason === 'leavesPosition' && !form.leaveKind) throw new InputError('leave kind missing', { userMessage: { key: 'change.leaveKindRequired' } });
    const changed = await act(context, scope, form.caseId, { type: 'reportChange', reason: form.reason, leaveKind: form.leaveKind, effectiveOn: form.effectiveOn, note: form.note }, form.etag);
    if (!changed) return;
    await context.sendActivity(t('change.done', { reference: changed.reference }));
  });

  /** Buttons that open a form, the history or the approval card for the case as it is now; the etag makes the form stale once the case moves on. */
  const caseForms: Record<string, (t: Translate, doc: Versioned<Case>, scope: { actor: Actor; municipality: MunicipalityId }) => Promise<Attachment> | Attachment> = {
    caseHistory: (t, doc) => caseHistoryCard(t, doc.data),
    caseStartForm: (t, doc) => startPlanCard(t, doc.data, doc.etag),
    caseChangeForm: (t, doc) => changeFormCard(t, doc.data, doc.etag),
    caseCloseForm: (t, doc) => closeFormCard(t, doc.data, doc.etag),
    // From a reminder: the approval card again, as it stands now.
    approvalShow: (t, doc) => approvalCard(t, doc.data, latestProposalId(doc.data)),
    caseTransferForm: async (t, doc, { actor, municipality }) =>
      transferFormCard(t, doc.data, doc.etag, (await pickablePeople(roles, references, municipality)).filter((person) => person.userId !== actor.userId)),
  };
  for (const [verb, render] of Object.entries(caseForms)) {
    app.adaptiveCards.actionSubmit(verb, async (context, state, data) => {
      const { t, actor, municipality } = await actorOf(context, state);
      const doc = await cases.get(actor, cardData(caseRef, data, t('error.unknownAction')).caseId);
      await context.sendActivity({ attachments: [await render(t, doc, { actor, municipality })] });
    });
  }

  app.adaptiveCards.actionSubmit('caseRequestTransfer', async (context, state, data) => {
    const scope = await actorOf(context, state);
    const { t, actor, municipality } = scope;
    const form = cardData(transferData, data, t('transfer.required'));
    await cases.authorize(actor, form.caseId, 'requestTransfer');
    if (form.to === actor.userId) throw new InputError('transfer to oneself', { userMessage: { key: 'transfer.self' } });
    const person = (await pickablePeople(roles, references, municipality)).find((p) => p.userId === form.to);
    if (!person) throw new InputError(t('error.unknownAction'));
    const unit = await roles.unitOf(municipality, person.userId);
    if (!unit) throw new InputError('no unit', { userMessage: { key: 'transfer.noUnit', params: { name: person.name } } });
    if ((await roles.leadersOf(municipality, unit)).length === 0) throw new InputError(t('case.noLeader', { unit }));
    const moved = await act(context, scope, form.caseId, { type: 'requestTransfer', proposalId: randomUUID(), to: { userId: person.userId, name: person.name, unit }, note: form.note }, form.etag);
    if (!moved) return;
    // Within the unit the case went straight to the leader; otherwise it waits for KE.
    await context.sendActivity(t(moved.state === 'coordinatorProposed' ? 'transfer.sameUnit' : 'transfer.otherUnit', { reference: moved.reference, unit: inert(unit) }));
  });

  app.adaptiveCards.actionSubmit('caseClose', async (context, state, data) => {
    const scope = await actorOf(context, state);
    const { t } = scope;
    const form = cardData(closeData, data, t('close.required'));
    const checklist: ClosingChecklist = cardData(toggles(closingChecklistItems), data, t('close.required'));
    const closed = await act(context, scope, form.caseId, { type: 'close', closedOn: form.closedOn, reason: form.reason, checklist }, form.etag);
    if (!closed) return;
    await context.sendActivity(t('close.done', { reference: closed.reference }));
  });

  app.adaptiveCards.actionSubmit('caseReopen', async (context, state, data) => {
    const scope = await actorOf(context, state);
    const { t } = scope;
    const { caseId, etag } = cardData(versioned, data, t('error.unknownAction'));
    const reopened = await act(context, scope, caseId, { type: 'reopen' }, etag);
    if (!reopened) return;
    await context.sendActivity(t('case.reopened', { reference: reopened.reference }));
  });

  app.adaptiveCards.actionSubmit('caseStartPlan', async (context, state, data) => {
    const scope = await actorOf(context, state);
    const { t } = scope;
    const form = cardData(startData, data, t('start.required'));
    const checklist = cardData(toggles(startChecklistItems), data, t('start.required'));
    if (!checklist.consentSigned) throw new InputError(t('start.consentRequired'));
    const evaluation = form.evaluationOn ? { nextOn: form.evaluationOn, ...(form.evaluationEveryMonths ? { everyMonths: form.evaluationEveryMonths } : {}) } : undefined;
    const started = await act(context, scope, form.caseId, { type: 'startPlan', startedAt: form.startedAt, firstMeeting: form.firstMeeting, checklist, evaluation }, form.etag);
    if (!started) return;
    await context.sendActivity(t('start.done', { reference: started.reference }));
  });

  app.adaptiveCards.actionSubmit('caseProposeCoordinator', async (context, state, data) => {
    const scope = await actorOf(context, state);
    const { t, actor, municipality } = scope;
    const form = cardData(proposeData, data, t('case.required'));
    await cases.authorize(actor, form.caseId, 'proposeCoordinator');
    if ((await roles.leadersOf(municipality, form.unit)).length === 0) throw new InputError(t('case.noLeader', { unit: form.unit }));
    const person = (await pickablePeople(roles, references, municipality)).find((p) => p.userId === form.coordinator);
    if (!person) throw new InputError(t('error.unknownAction'));
    const proposed = await act(context, scope, form.caseId, { type: 'proposeCoordinator', proposalId: randomUUID(), coordinator: { userId: person.userId, name: person.name, unit: form.unit } }, form.etag);
    if (!proposed) return;
    await context.sendActivity(t('case.proposed', { unit: inert(form.unit) }));
  });

  /** The approval card answers with itself, re-rendered: decided for everyone, or with what went wrong. */
  async function currentApprovalCard(context: TurnContext, state: AppTurnState, caseId: string, proposalId: string): Promise<AdaptiveCard> {
    const { t, actor } = await actorOf(context, state);
    const doc = await cases.get(actor, caseId);
    return approvalCard(t, doc.data, proposalId).content as AdaptiveCard;
  }

  app.adaptiveCards.actionExecute('approvalDecide', async (context, state, data) => {
    const { t, actor } = await actorOf(context, state);
    return refusalInWords(t, async () => {
      const form = cardData(approvalData, data, t('error.unknownAction'));
      if (form.decision === 'decline' && !form.reason?.trim()) return t('approval.reasonRequired');
      try {
        await cases.act(
          actor,
          form.caseId,
          form.decision === 'decline' ? { type: 'declineAppointment', proposalId: form.proposalId, reason: form.reason! } : { type: 'approveAppointment', proposalId: form.proposalId },
        );
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error; // decided already, or replaced: the card below shows the truth
      }
      return currentApprovalCard(context, state, form.caseId, form.proposalId);
    });
  });

  app.adaptiveCards.actionExecute('approvalRefresh', async (context, state, data) => {
    const { t, actor } = await actorOf(context, state);
    return refusalInWords(t, async () => {
      const form = cardData(approvalData.partial({ proposalId: true }), data, t('error.unknownAction'));
      const doc = await cases.get(actor, form.caseId);
      return approvalCard(t, doc.data, form.proposalId ?? latestProposalId(doc.data)).content as AdaptiveCard;
    });
  });

  app.adaptiveCards.actionSubmit('caseAccept', async (context, state, data) => {
    const scope = await actorOf(context, state);
    const { t } = scope;
    const { caseId, etag } = cardData(decisionData, data, t('error.unknownAction'));
    const accepted = await act(context, scope, caseId, { type: 'accept' }, etag);
    if (!accepted) return;
    await context.sendActivity(t('case.accepted', { reference: accepted.reference }));
  });

  app.adaptiveCards.actionSubmit('caseDecline', async (context, state, data) => {
    const scope = await actorOf(context, state);
    const { t } = scope;
    const { caseId, etag, reason } = cardData(decisionData, data, t('error.unknownAction'));
    if (!reason?.trim()) throw new InputError(t('case.declineReasonRequired'));
    const declined = await act(context, scope, caseId, { type: 'decline', reason }, etag);
    if (!declined) return;
    await context.sendActivity(t('case.declined', { reference: declined.reference }));
  });

  return {
    /** The menu's «Mine saker». */
    showMyCases: async (context: TurnContext, state: AppTurnState) => showList(context, state, { list: 'mine' }),
    /** The menu's «Meld behov»: the form, with the municipality's services to choose from. */
    showReportForm: async (context: TurnContext, state: AppTurnState) => {
      const { t, municipality, userId } = turnScope(context, state);
      const [services, units, reporterUnit] = await Promise.all([directory.list(municipality), roles.units(municipality), userId ? roles.unitOf(municipality, userId) : undefined]);
      await context.sendActivity({ attachments: [reportFormCard(t, { services, submissionId: randomUUID(), units, reporterUnit })] });
    },
  };
}
