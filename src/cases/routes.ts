import type { Router } from '../conversation/router.js';
import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AdaptiveCardContent, CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import { describeError, refusalInWords } from '../conversation/errorReply.js';
import { turnScope } from '../conversation/turnScope.js';
import { actorScope, type ActorScope } from '../conversation/actorScope.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { STATIC_SERVICE_CHOICES } from '../directory/cards.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Translate } from '../i18n/translate.js';
import type { ConversationReferences } from '../conversation/ConversationReferences.js';
import { pickablePeople } from '../roles/people.js';
import type { Roles } from '../roles/Roles.js';
import type { Versioned } from '../store/Store.js';
import { osloDate, osloDateTime } from '../time/oslo.js';
import type { Actor } from '../roles/Actor.js';
import {
  ALL_STATES,
  approvalCard,
  birthFormCard,
  evaluationFormCard,
  caseDetailsCard,
  caseGoneCard,
  caseHistoryCard,
  caseListCard,
  caseNotificationCard,
  changeFormCard,
  closeFormCard,
  historyLine,
  reportFormCard,
  reportReceiptCard,
  startChecklistItems,
  startPlanCard,
  transferFormCard,
  welcomeCoordinatorCard,
  type CaseListView,
  type CaseNotice,
} from './cards.js';
import { CASE_ID, caseStates, changeReasons, closeReasons, closingChecklistItems, leaveKinds, type Case, type CaseState, type HistoryEntry } from './Case.js';
import type { CaseService } from './CaseService.js';
import { availableCommands, type Command, type NotificationKind } from './transitions.js';

const caseRef = z.object({ caseId: z.string().regex(CASE_ID) });
/** A case as the card showed it (`step`: how many steps its history had): a command from a card the case has moved on from is a conflict, and the steps since tell what happened. */
const versioned = caseRef.extend({ step: z.coerce.number().int().min(0).max(10_000) });
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
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optionalDate = isoDate.optional().or(z.literal('').transform(() => undefined));
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => v?.trim() || undefined);
/** Input.Toggle values ("true" / "false", or missing) for a checklist, as booleans. */
const toggles = <K extends string>(items: readonly K[]) =>
  z.object(
    Object.fromEntries(
      items.map((item) => [
        item,
        z
          .enum(['true', 'false'])
          .default('false')
          .transform((value) => value === 'true'),
      ]),
    ) as unknown as Record<K, z.ZodType<boolean, z.ZodTypeDef, unknown>>,
  );
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

type Scope = ActorScope;

/** What the case card and the close form say of the case's work; the coordination feature gives it (the case feature does not import it). */
export interface CaseWorkWords {
  /** The case card's lines: the next meeting, open and overdue tasks. */
  facts(t: Translate, municipality: string, caseId: string): Promise<{ title: string; value: string }[]>;
  /** The close form's note: who the bot tells, and which outside partners to call. */
  closeNote(t: Translate, municipality: string, caseId: string): Promise<string | undefined>;
}

/**
 * A command a case card gives (a Universal Action): the card data it reads, the command it makes,
 * and what the case card then says at the top. `required` names what the user is told when the
 * card data does not fit.
 */
interface CaseAction<F extends { caseId: string; step: number }> {
  schema: z.ZodType<F, z.ZodTypeDef, unknown>;
  required: MessageKey;
  command(form: F, scope: Scope): Command | Promise<Command>;
  done(t: Translate, c: Case, form: F): string;
}
const caseAction = <F extends { caseId: string; step: number }>(spec: CaseAction<F>) => spec as unknown as CaseAction<{ caseId: string; step: number }>;

/** Reporting a need (meldeskjema), the case card and every command on it, and the leader's approval. */
export function caseRoutes(router: Router, { cases, roles, directory, references, work: workWords }: CaseRouteDeps) {
  const scopeOf = (context: TurnContext, state: AppTurnState): Promise<Scope> => actorScope(context, state, roles);

  /**
   * The coordinator a form chose (KE's proposal, a transfer), once the actor may give the command:
   * a person the municipality knows, in `unit` or else the unit they are registered in, a unit with a leader to approve.
   */
  async function chosenCoordinator(scope: Scope, caseId: string, command: 'proposeCoordinator' | 'requestTransfer', userId: string, unit?: string) {
    await cases.authorize(scope.actor, caseId, command);
    const chosen = (await pickablePeople(roles, references, scope.municipality)).find((p) => p.userId === userId);
    if (!chosen) throw new InputError(`no such person ${userId}`, { key: 'error.unknownAction' });
    const theirUnit = unit ?? (await roles.unitOf(scope.municipality, chosen.userId));
    if (!theirUnit) throw new InputError('no unit', { key: 'transfer.noUnit', params: { name: inert(chosen.name) } });
    if ((await roles.leadersOf(scope.municipality, theirUnit)).length === 0)
      throw new InputError(`no leader for ${theirUnit}`, { key: 'case.noLeader', params: { unit: inert(theirUnit) } });
    return { userId: chosen.userId, name: chosen.name, unit: theirUnit };
  }

  /** Every command on the case card, in the order a case meets them. */
  const caseActions: Record<string, CaseAction<{ caseId: string; step: number }>> = {
    caseAccept: caseAction({
      schema: versioned,
      required: 'error.unknownAction',
      command: () => ({ type: 'accept' }),
      done: (t, c) => t('case.accepted', { reference: c.reference }),
    }),
    caseDecline: caseAction({
      schema: versioned.extend({
        reason: z
          .string()
          .max(500)
          .optional()
          .transform((v) => v?.trim() ?? ''),
      }),
      required: 'error.unknownAction',
      command: (form) => ({ type: 'decline', reason: form.reason }),
      done: (t, c) => t('case.declined', { reference: c.reference }),
    }),
    caseProposeCoordinator: caseAction({
      schema: versioned.extend({ coordinator: z.string().min(1).max(100), unit: optionalText(120) }),
      required: 'case.required',
      // The unit KE chose, or else the one the person is registered in.
      command: async (form, scope) => ({
        type: 'proposeCoordinator',
        proposalId: randomUUID(),
        coordinator: await chosenCoordinator(scope, form.caseId, 'proposeCoordinator', form.coordinator, form.unit),
      }),
      done: (t, c) => t('case.proposed', { unit: inert(c.proposal?.coordinator.unit ?? '') }),
    }),
    caseStartPlan: caseAction({
      schema: versioned
        .extend({
          startedAt: isoDate,
          firstMeeting: optionalDate,
          evaluationOn: optionalDate,
          evaluationEveryMonths: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1).max(24)]).optional(),
        })
        .and(toggles([...startChecklistItems, 'childHeard'] as const))
        .and(z.object({ childVoice: optionalText(300) })),
      required: 'start.required',
      command: (form) => ({
        type: 'startPlan',
        startedAt: form.startedAt,
        firstMeeting: form.firstMeeting,
        checklist: {
          ...(Object.fromEntries(startChecklistItems.map((item) => [item, form[item]])) as Record<(typeof startChecklistItems)[number], boolean>),
          ...(form.childHeard ? { childHeard: true } : {}),
        },
        ...(form.childVoice ? { childVoice: form.childVoice } : {}),
        evaluation: form.evaluationOn
          ? { nextOn: form.evaluationOn, ...(form.evaluationEveryMonths ? { everyMonths: form.evaluationEveryMonths } : {}) }
          : undefined,
      }),
      done: (t, c) => t('start.done', { reference: c.reference }),
    }),
    caseReportChange: caseAction({
      schema: versioned.extend({
        reason: z.enum(changeReasons),
        leaveKind: z
          .enum(['', ...leaveKinds])
          .optional()
          .transform((v) => (v ? (v as (typeof leaveKinds)[number]) : undefined)),
        effectiveOn: isoDate,
        note: optionalText(300),
      }),
      required: 'change.required',
      command: (form) => ({ type: 'reportChange', reason: form.reason, leaveKind: form.leaveKind, effectiveOn: form.effectiveOn, note: form.note }),
      done: (t, c) => t('change.done', { reference: c.reference }),
    }),
    caseRequestTransfer: caseAction({
      schema: versioned.extend({ to: z.string().min(1).max(100), note: optionalText(300) }),
      required: 'transfer.required',
      command: async (form, scope) => ({
        type: 'requestTransfer',
        proposalId: randomUUID(),
        to: await chosenCoordinator(scope, form.caseId, 'requestTransfer', form.to),
        note: form.note,
      }),
      // Within the unit the case went straight to the leader; otherwise it waits for KE.
      done: (t, c) =>
        c.state === 'coordinatorProposed'
          ? t('transfer.sameUnit', { reference: c.reference, unit: inert(c.proposal?.coordinator.unit ?? '') })
          : t('transfer.otherUnit', { reference: c.reference, unit: inert(c.change?.kind === 'transfer' ? c.change.to.unit : '') }),
    }),
    caseClose: caseAction({
      schema: versioned.extend({ reason: z.enum(closeReasons), closedOn: isoDate }).and(toggles(closingChecklistItems)),
      required: 'close.required',
      command: (form) => ({
        type: 'close',
        closedOn: form.closedOn,
        reason: form.reason,
        checklist: Object.fromEntries(closingChecklistItems.map((item) => [item, form[item]])) as Record<(typeof closingChecklistItems)[number], boolean>,
      }),
      done: (t, c) => t('close.done', { reference: c.reference }),
    }),
    caseRecordEvaluation: caseAction({
      schema: versioned.extend({ on: isoDate, nextOn: optionalDate, childVoice: optionalText(300) }),
      required: 'evaluation.required',
      command: (form) => ({
        type: 'recordEvaluation',
        on: form.on,
        ...(form.nextOn ? { nextOn: form.nextOn } : {}),
        ...(form.childVoice ? { childVoice: form.childVoice } : {}),
      }),
      done: (t, c) => t('evaluation.done', { reference: c.reference }),
    }),
    caseRecordBirth: caseAction({
      schema: versioned.extend({ name: z.string().trim().min(2).max(120), birthDate: isoDate }),
      required: 'birth.required',
      command: (form) => ({ type: 'recordBirth', name: form.name, birthDate: form.birthDate }),
      done: (t, c) => t('birth.done', { reference: c.reference }),
    }),
    caseReopen: caseAction({
      schema: versioned,
      required: 'error.unknownAction',
      command: () => ({ type: 'reopen' }),
      done: (t, c) => t('case.reopened', { reference: c.reference }),
    }),
  };

  /** Forms and views that open in place of the case card, for the case as it is now; «Tilbake» returns to the case. */
  const caseForms: Record<string, (t: Translate, doc: Versioned<Case>, scope: Scope) => Promise<CardAttachment> | CardAttachment> = {
    caseHistory: (t, doc) => caseHistoryCard(t, doc.data),
    caseStartForm: (t, doc) => startPlanCard(t, doc.data),
    caseChangeForm: (t, doc) => changeFormCard(t, doc.data),
    caseBirthForm: (t, doc) => birthFormCard(t, doc.data),
    caseEvaluationForm: (t, doc) => evaluationFormCard(t, doc.data, osloDate(cases.now())),
    caseCloseForm: async (t, doc, { municipality }) => closeFormCard(t, doc.data, await workWords.closeNote(t, municipality, doc.data.id)),
    caseTransferForm: async (t, doc, { actor, municipality }) =>
      transferFormCard(
        t,
        doc.data,
        (await pickablePeople(roles, references, municipality)).filter((p) => p.userId !== actor.userId),
      ),
  };

  /** The case card as this person may see it now, with the actions open to them and what just happened. */
  async function caseCard(scope: Scope, doc: Versioned<Case>, notice?: CaseNotice): Promise<CardAttachment> {
    const { t, actor, municipality, home } = scope;
    const c = doc.data;
    const commands = availableCommands(c, actor);
    const proposing = commands.includes('proposeCoordinator');
    const manages = c.coordinator !== undefined && c.state !== 'closed' && (actor.isKe || c.coordinator.userId === actor.userId);
    const [entries, people, units, work] = await Promise.all([
      directory.list(municipality, { includeRetired: true }),
      proposing ? pickablePeople(roles, references, municipality) : [],
      proposing ? roles.units(municipality) : [],
      manages ? workWords.facts(t, municipality, c.id) : undefined,
    ]);
    const showPersonal = actor.isKe || c.coordinator?.userId === actor.userId || c.report.reporter.userId === actor.userId;
    return caseDetailsCard(t, {
      case: c,
      notice,
      commands,
      showPersonal,
      people,
      units,
      serviceNames: new Map(entries.map((entry) => [entry.id, entry.name])),
      contactPhone: home.phones.ke ?? home.phones.servicetorget,
      ...(work ? { work: { facts: work, link: { verb: 'workOpen', title: t('work.link') } } } : {}),
    });
  }

  /** Why the card the user clicked no longer matched the case: their own earlier click, or someone else. */
  function staleNotice(t: Translate, since: readonly HistoryEntry[], actor: Actor): CaseNotice {
    const last = since.at(-1);
    if (!last) return { text: t('case.stale.unknown'), tone: 'attention' };
    const what = historyLine(t, last);
    const when = osloDateTime(last.at);
    if (since.every((entry) => entry.by === actor.userId)) return { text: t('case.stale.own', { what, when }), tone: 'good' };
    const other = [...since].reverse().find((entry) => entry.by !== actor.userId)!;
    return {
      text: t('case.stale.other', { who: inert(other.byName ?? t('case.someoneElse')), what: historyLine(t, other), when: osloDateTime(other.at) }),
      tone: 'attention',
    };
  }

  /** The case as this person may see it now, or undefined when they may not (or it is gone). */
  async function visibleCase(actor: Actor, caseId: string): Promise<Versioned<Case> | undefined> {
    try {
      return await cases.get(actor, caseId);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * Runs a Universal Action on a case and answers with a card, always with HTTP 200:
   * - a form that does not fit answers in words, so the card keeps what the user typed;
   * - a stale card, a lost race or a refused command answers with the case as it is now, saying what happened;
   * - a case the user may no longer see answers with a card that says so and shows nothing of it.
   */
  async function living(scope: Scope, data: unknown, work: () => Promise<CardAttachment>): Promise<AdaptiveCardContent | string> {
    const { t, actor } = scope;
    const ref = versioned.partial({ step: true }).safeParse(data);
    try {
      return (await work()).content;
    } catch (error) {
      if (error instanceof NotFoundError) return caseGoneCard(describeError(error, t, '').text).content;
      if (ref.success && (error instanceof ConflictError || error instanceof NotAllowedError)) {
        const doc = await visibleCase(actor, ref.data.caseId);
        if (!doc) return caseGoneCard(t('error.notFound')).content;
        const changedSince = ref.data.step !== undefined && doc.data.history.length > ref.data.step;
        const notice = changedSince
          ? staleNotice(t, doc.data.history.slice(ref.data.step), actor)
          : { text: describeError(error, t, '').text, tone: 'attention' as const };
        return (await caseCard(scope, doc, notice)).content;
      }
      const reply = describeError(error, t, '');
      if (!reply.expected) throw error;
      return reply.text;
    }
  }

  for (const [verb, spec] of Object.entries(caseActions)) {
    router.execute(verb, async (context, state, data) => {
      const scope = await scopeOf(context, state);
      return living(scope, data, async () => {
        const form = cardData(spec.schema, data, spec.required);
        const doc = await cases.act(scope.actor, form.caseId, await spec.command(form, scope), form.step);
        return caseCard(scope, doc, { text: spec.done(scope.t, doc.data, form), tone: 'good' });
      });
    });
  }

  for (const [verb, render] of Object.entries(caseForms)) {
    router.execute(verb, async (context, state, data) => {
      const scope = await scopeOf(context, state);
      return living(scope, data, async () => render(scope.t, await cases.get(scope.actor, cardData(caseRef, data, 'error.unknownAction').caseId), scope));
    });
  }

  // The case card's own refresh, and «Tilbake» from a form.
  router.execute('caseRefresh', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return living(scope, data, async () => caseCard(scope, await cases.get(scope.actor, cardData(caseRef, data, 'error.unknownAction').caseId)));
  });

  // A notice says where its case stands now, for those who still see it.
  router.execute('caseNotice', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    const { caseId, kind, reference } = cardData(noticeData, data, 'error.unknownAction');
    const doc = await visibleCase(scope.actor, caseId);
    const view = { kind: kind as NotificationKind, caseId, reference: doc?.data.reference ?? reference ?? '' };
    return caseNotificationCard(scope.t, doc ? { ...view, state: doc.data.state } : { ...view, visible: false }).content;
  });

  // The welcome card stays a welcome while the start is to be recorded; then it becomes the case card.
  router.execute('caseWelcome', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return living(scope, data, async () => {
      const doc = await cases.get(scope.actor, cardData(caseRef, data, 'error.unknownAction').caseId);
      return doc.data.coordinator?.userId === scope.actor.userId && doc.data.state === 'coordinatorAppointed'
        ? welcomeCoordinatorCard(scope.t, doc.data)
        : caseCard(scope, doc);
    });
  });

  async function showList(context: TurnContext, state: AppTurnState, request: z.infer<typeof listData>): Promise<void> {
    const { t, actor } = await scopeOf(context, state);
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

  router.message(LEADING, async (context, state) => showList(context, state, { list: 'leading' }));
  router.message(ALL, async (context, state) => showList(context, state, { list: 'all' }));
  router.submit('caseList', async (context, state, data) => showList(context, state, cardData(listData, data, 'error.unknownAction')));

  router.submit('reportSubmit', async (context, state, data) => {
    const { t, actor } = await scopeOf(context, state);
    const reported = await cases.report(actor, data);
    await context.sendActivity({ attachments: [reportReceiptCard(t, reported)] });
  });

  /** A case from a list, or its reference typed in chat, opens as a new living card. */
  async function sendCase(context: TurnContext, state: AppTurnState, caseId: string): Promise<void> {
    const scope = await scopeOf(context, state);
    await context.sendActivity({ attachments: [await caseCard(scope, await cases.get(scope.actor, caseId))] });
  }

  router.submit('caseOpen', async (context, state, data) => sendCase(context, state, cardData(caseRef, data, 'error.unknownAction').caseId));

  // A case reference typed in chat («RANA-2026-0006», «sak rana-2026-0006») opens the case, for those who may see it.
  router.message(REFERENCE, async (context, state) => {
    const scope = await scopeOf(context, state);
    const reference = REFERENCE.exec(context.activity.text ?? '')?.[1] ?? '';
    const caseId = await cases.idOf(scope.actor, reference.toUpperCase());
    if (!caseId) throw new NotFoundError('no case with that reference');
    await sendCase(context, state, caseId);
  });

  /** The approval card answers with itself, re-rendered: decided for everyone, or with what went wrong. */
  router.execute('approvalDecide', async (context, state, data) => {
    const { t, actor } = await scopeOf(context, state);
    return refusalInWords(t, async () => {
      const form = cardData(approvalData, data, 'error.unknownAction');
      if (form.decision === 'decline' && !form.reason?.trim()) return t('approval.reasonRequired');
      try {
        const doc = await cases.act(
          actor,
          form.caseId,
          form.decision === 'decline'
            ? { type: 'declineAppointment', proposalId: form.proposalId, reason: form.reason! }
            : { type: 'approveAppointment', proposalId: form.proposalId },
        );
        return approvalCard(t, doc.data, form.proposalId).content;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error; // decided already, or replaced: the card shows the truth
        return approvalCard(t, (await cases.get(actor, form.caseId)).data, form.proposalId).content;
      }
    });
  });

  router.execute('approvalRefresh', async (context, state, data) => {
    const { t, actor } = await scopeOf(context, state);
    return refusalInWords(t, async () => {
      const form = cardData(approvalData.partial({ proposalId: true }), data, 'error.unknownAction');
      const doc = await cases.get(actor, form.caseId);
      return approvalCard(t, doc.data, form.proposalId ?? latestProposalId(doc.data)).content;
    });
  });

  // From a reminder: the approval card again, as it stands now.
  router.submit('approvalShow', async (context, state, data) => {
    const { t, actor } = await scopeOf(context, state);
    const doc = await cases.get(actor, cardData(caseRef, data, 'error.unknownAction').caseId);
    await context.sendActivity({ attachments: [approvalCard(t, doc.data, latestProposalId(doc.data))] });
  });

  return {
    /** The menu's «Mine saker». */
    showMyCases: async (context: TurnContext, state: AppTurnState) => showList(context, state, { list: 'mine' }),
    /** The menu's «Meld behov»: the form, with the municipality's services and units to choose from. */
    showReportForm: async (context: TurnContext, state: AppTurnState) => {
      const { t, municipality, userId } = turnScope(context, state);
      const [{ services, searchable }, units, reporterUnit] = await Promise.all([
        directory.formChoices(municipality, STATIC_SERVICE_CHOICES),
        roles.units(municipality),
        userId ? roles.unitOf(municipality, userId) : undefined,
      ]);
      await context.sendActivity({ attachments: [reportFormCard(t, { services, searchable, submissionId: randomUUID(), units, reporterUnit })] });
    },
  };
}
