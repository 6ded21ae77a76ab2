import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardContent, CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { actorScope, type ActorScope } from '../roles/actorScope.js';
import { cardData } from '../conversation/cardData.js';
import { livingCard } from '../conversation/errorReply.js';
import type { Router } from '../conversation/router.js';
import type { Verb } from '../conversation/verbs.js';
import { caseGoneCard } from '../cases/cards.js';
import { ConflictError, InputError, NotFoundError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Roles } from '../roles/Roles.js';
import {
  COORDINATOR_WRITES,
  NO_REPEAT,
  caseWorkCard,
  meetingCard,
  meetingFormCard,
  meetingTime,
  myMeetingsCard,
  myTasksCard,
  referatFormCard,
  referatTextCard,
  taskCard,
  type Notice,
} from './cards.js';
import { meetingKinds, type MeetingInput, type TaskOwner } from './CaseWork.js';
import type { CoordinationService } from './CoordinationService.js';

const MY_TASKS = /^\s*(mine oppgaver|mine oppgåver|my tasks)\s*[.!?]?\s*$/iu;
const MY_MEETINGS = /^\s*(mine møter|mine møte|my meetings)\s*[.!?]?\s*$/iu;

const ID = z.string().min(1).max(100);
const caseRef = z.object({ caseId: ID });
const meetingRef = z.object({ meetingId: ID });
const taskRef = z.object({ taskId: ID });
const version = z.coerce.number().int().min(0).max(100_000);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => v?.trim() || undefined);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');
/** A multi-select ChoiceSet's value: ids separated by commas. */
const idList = z
  .string()
  .max(4000)
  .optional()
  .transform((v) => (v ?? '').split(',').filter(Boolean));
/** «coordinator», «family» or «partner:<id>»: who owns a task, as the owner choice gives it. */
const owner = z.string().regex(/^(coordinator|family|partner:[\w-]{1,100})$/);

const internalForm = caseRef.extend({ partnerUserId: ID, partnerRole: text(80) });
const externalForm = caseRef.extend({
  organisation: text(120),
  externalRole: text(80),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^(\+?[\d ]{8,16})?$/)
    .optional()
    .transform((v) => v?.replace(/\s+/g, '') || undefined),
  email: z
    .union([z.literal(''), z.string().trim().email().max(120)])
    .optional()
    .transform((v) => v || undefined),
});
const taskForm = caseRef.extend({ what: text(200), owner, dueOn: isoDate });
const meetingForm = z.object({
  caseId: ID,
  meetingId: z.string().max(100).optional(),
  version: version.optional(),
  kind: z.enum(meetingKinds),
  date: isoDate,
  from: clock,
  to: clock,
  place: optionalText(200),
  online: flag,
  participants: idList,
  residentTakesPart: flag,
  agenda: optionalText(1000),
  referent: optionalText(100).transform((v) => (v === COORDINATOR_WRITES ? undefined : v)),
  every: z
    .enum(['', NO_REPEAT, 'w2', 'w4', 'w6', 'm3', 'm6'])
    .optional()
    .transform((v) => (v === NO_REPEAT || v === '' ? undefined : v)),
  until: z.union([z.literal(''), isoDate]).optional(),
});
const referatForm = meetingRef.extend({ version, attended: idList, residentPresent: flag, agreed: text(2000) }).catchall(z.string().max(300).optional());

function ownerOf(value: string): TaskOwner {
  if (value === 'coordinator' || value === 'family') return { kind: value };
  return { kind: 'partner', partnerId: value.slice('partner:'.length) };
}

export interface CoordinationRouteDeps {
  coordination: CoordinationService;
  roles: Roles;
  /** Everyone a partner may be chosen among (the people picker). */
  people: (municipality: string) => Promise<{ userId: string; name: string }[]>;
  /** The cases a person coordinates, for «mine møter». */
  coordinating: (scope: ActorScope) => Promise<string[]>;
  /** A one-time link to the referat as a Word document, when the server offers it. */
  referatLink?: (scope: ActorScope, meetingId: string) => string;
}

/**
 * The case's work in chat: partners, meetings and their referat, tasks, «mine oppgaver» and «mine
 * møter». Every action is a Universal Action answered with the card it changes; a refusal is said on
 * the card (a form that does not fit keeps what was typed), a stale card shows what is there now.
 */
export function coordinationRoutes(router: Router, deps: CoordinationRouteDeps) {
  const { coordination } = deps;
  const now = () => coordination.now();

  async function workCard(scope: ActorScope, caseId: string, notice?: Notice): Promise<CardAttachment> {
    const [view, people] = await Promise.all([coordination.work(scope.actor, caseId), deps.people(scope.municipality)]);
    const editable = ['coordinatorAppointed', 'planInProgress', 'changeReported', 'coordinatorProposed'].includes(view.brief.state);
    return caseWorkCard(scope.t, { ...view, people, now: now(), editable, ...(notice ? { notice } : {}) });
  }

  async function meetingView(scope: ActorScope, meetingId: string, notice?: Notice): Promise<CardAttachment> {
    const view = await coordination.meeting(scope.actor, meetingId);
    const downloadUrl = view.manages && view.meeting.referat && deps.referatLink ? deps.referatLink(scope, meetingId) : undefined;
    return meetingCard(scope.t, { ...view, viewer: scope.actor.userId, now: now(), ...(notice ? { notice } : {}), ...(downloadUrl ? { downloadUrl } : {}) });
  }

  async function taskView(scope: ActorScope, taskId: string, notice?: Notice): Promise<CardAttachment> {
    return taskCard(scope.t, { ...(await coordination.task(scope.actor, taskId)), now: now(), ...(notice ? { notice } : {}) });
  }

  /**
   * Answers a Universal Action, always with HTTP 200: a form that does not fit is answered in words
   * (the card keeps what was typed); a refusal or a lost race shows `fallback` — the thing as it is
   * now — with the reason; something the person may not see says only that.
   */
  function living(
    scope: ActorScope,
    work: () => Promise<CardAttachment>,
    fallback?: (notice: Notice) => Promise<CardAttachment>,
  ): Promise<AdaptiveCardContent | string> {
    return livingCard(scope.t, work, (error, words) => {
      if (error instanceof NotFoundError) return caseGoneCard(words);
      return error instanceof InputError || !fallback ? undefined : fallback({ text: words, tone: 'attention' });
    });
  }

  const execute = (verb: Verb, handler: (scope: ActorScope, data: unknown) => Promise<AdaptiveCardContent | string>) =>
    router.execute(verb, async (context: TurnContext, state: AppTurnState, data: unknown) => handler(await actorScope(context, state, deps.roles), data));

  const good = (text: string): Notice => ({ text, tone: 'good' });

  // ── the case's work card and its partners ─────────────────────────────────

  execute('workOpen', (scope, data) => living(scope, () => workCard(scope, cardData(caseRef, data, 'error.unknownAction').caseId)));

  execute('partnerAddInternal', (scope, data) => {
    const caseId = caseRef.safeParse(data).data?.caseId ?? '';
    return living(
      scope,
      async () => {
        const form = cardData(internalForm, data, 'work.invalid.partner');
        const partner = await coordination.addInternal(scope.actor, form.caseId, { userId: form.partnerUserId, role: form.partnerRole });
        return workCard(scope, form.caseId, good(scope.t('work.partnerAdded', { name: inert(partner.name) })));
      },
      (notice) => workCard(scope, caseId, notice),
    );
  });

  execute('partnerAddExternal', (scope, data) => {
    const caseId = caseRef.safeParse(data).data?.caseId ?? '';
    return living(
      scope,
      async () => {
        const form = cardData(externalForm, data, 'work.invalid.external');
        const partner = await coordination.addExternal(scope.actor, form.caseId, {
          organisation: form.organisation,
          role: form.externalRole,
          ...(form.phone ? { phone: form.phone } : {}),
          ...(form.email ? { email: form.email } : {}),
        });
        return workCard(scope, form.caseId, good(scope.t('work.externalAdded', { name: inert(partner.organisation) })));
      },
      (notice) => workCard(scope, caseId, notice),
    );
  });

  execute('partnerRemove', (scope, data) => {
    const form = cardData(caseRef.extend({ partnerId: ID }), data, 'error.unknownAction');
    return living(
      scope,
      async () => {
        const partner = await coordination.removePartner(scope.actor, form.caseId, form.partnerId);
        const name = partner.kind === 'internal' ? partner.name : partner.organisation;
        return workCard(scope, form.caseId, good(scope.t('work.partnerRemoved', { name: inert(name) })));
      },
      (notice) => workCard(scope, form.caseId, notice),
    );
  });

  execute('taskAdd', (scope, data) => {
    const caseId = caseRef.safeParse(data).data?.caseId ?? '';
    return living(
      scope,
      async () => {
        const form = cardData(taskForm, data, 'work.invalid.task');
        await coordination.addTask(scope.actor, form.caseId, { what: form.what, owner: ownerOf(form.owner), dueOn: form.dueOn });
        return workCard(scope, form.caseId, good(scope.t('work.taskAdded')));
      },
      (notice) => workCard(scope, caseId, notice),
    );
  });

  // ── meetings ────────────────────────────────────────────────────────────────

  execute('meetingNew', (scope, data) =>
    living(scope, async () => {
      const { caseId } = cardData(caseRef, data, 'error.unknownAction');
      const view = await coordination.work(scope.actor, caseId);
      return meetingFormCard(scope.t, { caseId, reference: view.brief.reference, partners: view.partners, now: now() });
    }),
  );

  execute('meetingEdit', (scope, data) =>
    living(
      scope,
      async () => {
        const view = await coordination.meeting(scope.actor, cardData(meetingRef, data, 'error.unknownAction').meetingId);
        if (!view.manages) throw new NotFoundError('only the coordinator changes a meeting');
        return meetingFormCard(scope.t, { caseId: view.brief.id, reference: view.brief.reference, partners: view.partners, meeting: view.meeting, now: now() });
      },
      (notice) => meetingView(scope, meetingRef.parse(data).meetingId, notice),
    ),
  );

  execute('meetingSave', (scope, data) => {
    const meetingId = meetingRef.safeParse(data).data?.meetingId;
    return living(
      scope,
      async () => {
        const form = cardData(meetingForm, data, 'meeting.invalid');
        const input: MeetingInput = {
          kind: form.kind,
          date: form.date,
          from: form.from,
          to: form.to,
          ...(form.place ? { place: form.place } : {}),
          online: form.online,
          participants: form.participants,
          residentTakesPart: form.residentTakesPart,
          ...(form.agenda ? { agenda: form.agenda } : {}),
          ...(form.referent ? { referent: form.referent } : {}),
        };
        if (form.meetingId) {
          const meeting = await coordination.changeMeeting(scope.actor, form.meetingId, input, form.version ?? 0);
          return meetingView(scope, meeting.id, good(scope.t('meeting.changed')));
        }
        if (form.every && !form.until) throw new InputError('a series needs an end', { key: 'meeting.invalid' });
        const series =
          form.every && form.until
            ? { every: form.every.startsWith('w') ? { weeks: Number(form.every.slice(1)) } : { months: Number(form.every.slice(1)) }, until: form.until }
            : undefined;
        const meetings = await coordination.planMeeting(scope.actor, form.caseId, input, series);
        const first = meetings[0]!;
        const text =
          meetings.length > 1
            ? scope.t('meeting.seriesPlanned', { count: meetings.length, from: first.startsAt.slice(0, 10), to: meetings.at(-1)!.startsAt.slice(0, 10) })
            : scope.t('meeting.planned', { time: meetingTime(scope.t, first) });
        return meetingView(scope, first.id, good(text));
      },
      meetingId ? (notice) => meetingView(scope, meetingId, notice) : undefined,
    );
  });

  execute('meetingOpen', (scope, data) => living(scope, () => meetingView(scope, cardData(meetingRef, data, 'error.unknownAction').meetingId)));

  execute('meetingCancel', (scope, data) => {
    const form = cardData(meetingRef.extend({ version }), data, 'error.unknownAction');
    return living(
      scope,
      async () => {
        await coordination.cancelMeeting(scope.actor, form.meetingId, form.version);
        return meetingView(scope, form.meetingId, good(scope.t('meeting.cancelled')));
      },
      (notice) => meetingView(scope, form.meetingId, notice),
    );
  });

  execute('meetingDecline', (scope, data) => {
    const { meetingId } = cardData(meetingRef, data, 'error.unknownAction');
    return living(
      scope,
      async () => {
        await coordination.declineMeeting(scope.actor, meetingId);
        return meetingView(scope, meetingId, good(scope.t('meeting.declined')));
      },
      (notice) => meetingView(scope, meetingId, notice),
    );
  });

  // ── referat ─────────────────────────────────────────────────────────────────

  execute('referatForm', (scope, data) => {
    const { meetingId } = cardData(meetingRef, data, 'error.unknownAction');
    return living(
      scope,
      async () => {
        const view = await coordination.meeting(scope.actor, meetingId);
        if (!view.writesReferat) throw new ConflictError('not the referent', { userMessage: { key: 'work.refused.notAllowed' } });
        if (view.meeting.state === 'cancelled') throw new ConflictError('cancelled', { userMessage: { key: 'work.refused.referatCancelled' } });
        if (view.meeting.startsAt > now().toISOString()) throw new ConflictError('ahead', { userMessage: { key: 'work.refused.referatBeforeStart' } });
        return referatFormCard(scope.t, view);
      },
      (notice) => meetingView(scope, meetingId, notice),
    );
  });

  execute('referatSave', (scope, data) => {
    const meetingId = meetingRef.safeParse(data).data?.meetingId ?? '';
    return living(
      scope,
      async () => {
        const form = cardData(referatForm, data, 'referat.invalid');
        const rows = [1, 2, 3, 4].map((n) => ({ what: form[`what${n}`]?.trim() ?? '', owner: form[`owner${n}`] ?? '', dueOn: form[`due${n}`] ?? '' }));
        const tasks = rows
          .filter((row) => row.what || row.owner || row.dueOn)
          .map((row) => {
            if (!row.what || !owner.safeParse(row.owner).success || !isoDate.safeParse(row.dueOn).success)
              throw new InputError('incomplete task', { key: 'referat.invalid' });
            return { what: row.what, owner: ownerOf(row.owner), dueOn: row.dueOn };
          });
        await coordination.recordReferat(
          scope.actor,
          form.meetingId,
          { attended: form.attended, residentPresent: form.residentPresent, agreed: form.agreed.split(/\r?\n/), tasks },
          form.version,
        );
        return meetingView(scope, form.meetingId, good(scope.t('referat.saved')));
      },
      (notice) => meetingView(scope, meetingId, notice),
    );
  });

  execute('referatText', (scope, data) =>
    living(scope, async () => {
      const view = await coordination.meeting(scope.actor, cardData(meetingRef, data, 'error.unknownAction').meetingId);
      if (!view.manages) throw new NotFoundError('only the coordinator files the referat');
      return referatTextCard(scope.t, view);
    }),
  );

  execute('referatJournalised', (scope, data) => {
    const { meetingId } = cardData(meetingRef, data, 'error.unknownAction');
    return living(
      scope,
      async () => {
        await coordination.journalise(scope.actor, meetingId);
        return meetingView(scope, meetingId, good(scope.t('referat.journalised')));
      },
      (notice) => meetingView(scope, meetingId, notice),
    );
  });

  // ── tasks ───────────────────────────────────────────────────────────────────

  execute('taskOpen', (scope, data) => living(scope, () => taskView(scope, cardData(taskRef, data, 'error.unknownAction').taskId)));

  execute('taskDone', (scope, data) => {
    const form = cardData(taskRef.extend({ from: z.literal('list').optional() }), data, 'error.unknownAction');
    return living(
      scope,
      async () => {
        const result = await coordination.completeTask(scope.actor, form.taskId);
        const key: MessageKey = !result.changed ? 'task.alreadyDone' : result.manages ? 'task.doneByCoordinator' : 'task.doneNotice';
        if (form.from === 'list') return myTasksCard(scope.t, { tasks: await coordination.myTasks(scope.actor), now: now(), notice: good(scope.t(key)) });
        return taskCard(scope.t, { ...result, now: now(), notice: good(scope.t(key)) });
      },
      (notice) => taskView(scope, form.taskId, notice),
    );
  });

  execute('taskPostpone', (scope, data) => {
    const { taskId } = cardData(taskRef, data, 'error.unknownAction');
    return living(
      scope,
      async () => {
        const view = await coordination.postponeTask(scope.actor, taskId);
        return taskCard(scope.t, { ...view, now: now(), notice: good(scope.t('task.postponed', { date: view.task.dueOn })) });
      },
      (notice) => taskView(scope, taskId, notice),
    );
  });

  execute('taskHandBack', (scope, data) => {
    const form = cardData(taskRef.extend({ note: optionalText(300) }), data, 'error.unknownAction');
    return living(
      scope,
      async () => {
        const view = await coordination.handBackTask(scope.actor, form.taskId, form.note);
        // The task is the coordinator's now: the former owner sees that it went back, and no longer its buttons.
        return taskCard(scope.t, { ...view, owns: false, now: now(), notice: good(scope.t('task.handedBackNotice')) });
      },
      (notice) => taskView(scope, form.taskId, notice),
    );
  });

  // From a reminder (an Action.Submit): the meeting, the referat form or the task as a new card in the chat.
  const show = (verb: Verb, render: (scope: ActorScope, data: unknown) => Promise<CardAttachment>) =>
    router.submit(verb, async (context, state, data) => {
      await context.sendActivity({ attachments: [await render(await actorScope(context, state, deps.roles), data)] });
    });
  show('meetingShow', (scope, data) => meetingView(scope, cardData(meetingRef, data, 'error.unknownAction').meetingId));
  show('referatShow', async (scope, data) => {
    const view = await coordination.meeting(scope.actor, cardData(meetingRef, data, 'error.unknownAction').meetingId);
    return view.writesReferat && view.meeting.state === 'planned' && view.meeting.startsAt <= now().toISOString()
      ? referatFormCard(scope.t, view)
      : meetingView(scope, view.meeting.id);
  });
  show('taskShow', (scope, data) => taskView(scope, cardData(taskRef, data, 'error.unknownAction').taskId));

  // ── «mine oppgaver», «mine møter» ──────────────────────────────────────────

  const tasksCard = async (scope: ActorScope) => myTasksCard(scope.t, { tasks: await coordination.myTasks(scope.actor), now: now() });
  const meetingsCard = async (scope: ActorScope) =>
    myMeetingsCard(scope.t, { meetings: await coordination.myMeetings(scope.actor, await deps.coordinating(scope)) });

  router.message(MY_TASKS, async (context, state) => {
    await context.sendActivity({ attachments: [await tasksCard(await actorScope(context, state, deps.roles))] });
  });
  router.message(MY_MEETINGS, async (context, state) => {
    await context.sendActivity({ attachments: [await meetingsCard(await actorScope(context, state, deps.roles))] });
  });
  execute('myTasks', (scope) => living(scope, () => tasksCard(scope)));
  execute('myMeetings', (scope) => living(scope, () => meetingsCard(scope)));
}
