import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inert } from '../cards/inert.js';
import type { ActorScope } from '../roles/actorScope.js';
import type { Verb } from '../conversation/verbs.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Translate } from '../i18n/translate.js';
import { startChecklistItems } from './cards.js';
import { CASE_ID, changeReasons, closeReasons, closingChecklistItems, leaveKinds, type Case, type PersonRef } from './Case.js';
import type { Command } from './transitions.js';

export const caseRef = z.object({ caseId: z.string().regex(CASE_ID) });
/** A case as the card showed it (`step`: how many steps its history had): a command from a card the case has moved on from is a conflict, and the steps since tell what happened. */
export const versioned = caseRef.extend({ step: z.coerce.number().int().min(0).max(10_000) });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optionalDate = isoDate.optional().or(z.literal('').transform(() => undefined));
export const optionalText = (max: number) =>
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

type Versioned = { caseId: string; step: number };

/**
 * A command a case card gives (a Universal Action): the card data it reads, the command it makes,
 * and what the case card then says at the top. `required` names what the user is told when the
 * card data does not fit.
 */
export interface CaseAction<F extends Versioned = Versioned> {
  schema: z.ZodType<F, z.ZodTypeDef, unknown>;
  required: MessageKey;
  command(form: F, scope: ActorScope): Command | Promise<Command>;
  done(t: Translate, c: Case, form: F): string;
}
const caseAction = <F extends Versioned>(spec: CaseAction<F>) => spec as unknown as CaseAction;

/** The coordinator a form chose, checked against the municipality's people and units (`chosenCoordinator` in the routes). */
export type ChooseCoordinator = (
  scope: ActorScope,
  caseId: string,
  command: 'proposeCoordinator' | 'requestTransfer',
  userId: string,
  unit?: string,
) => Promise<PersonRef & { name: string }>;

export type CaseActionVerb = Extract<
  Verb,
  | 'caseAccept'
  | 'caseDecline'
  | 'caseProposeCoordinator'
  | 'caseStartPlan'
  | 'caseReportChange'
  | 'caseRequestTransfer'
  | 'caseClose'
  | 'caseRecordEvaluation'
  | 'caseRecordBirth'
  | 'caseReopen'
>;

/** Every command on the case card, in the order a case meets them: each verb beside its form and the command it makes. */
export function caseActions(chosen: ChooseCoordinator): Record<CaseActionVerb, CaseAction> {
  return {
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
        coordinator: await chosen(scope, form.caseId, 'proposeCoordinator', form.coordinator, form.unit),
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
        to: await chosen(scope, form.caseId, 'requestTransfer', form.to),
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
}
