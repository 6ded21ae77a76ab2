import { meetingKinds, type MeetingKind } from '../cases/Case.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { addDays, addMonths, osloClockInstant, osloDate } from '../time/oslo.js';

/**
 * The coordinator's work between the start and the close of a plan (Rana: «Du leder møtene – men
 * sørg for at noen skriver referat», «respektfull enighet om fordeling av oppgaver og ansvar»;
 * Ålesund: «ansvar for fordeling av oppgaver mellom de ulike samarbeidspartene, og at det føres et
 * enkelt referat», «sette opp en møteplan for en periode»): the case's partners, its meetings with
 * their referat, and the tasks shared out among the partners. Pure rules over data and a clock;
 * `CoordinationService` stores what they return.
 */

/** A samarbeidspartner: a person of the municipality, or an outside organisation by its role. The resident and family are never partner entries. */
export type Partner = InternalPartner | ExternalPartner;

interface PartnerBase {
  id: string;
  caseId: string;
  municipality: MunicipalityId;
  /** The role in the plan, in the coordinator's words («kontaktlærer», «fastlege»). */
  role: string;
  addedBy: string;
  addedAt: string;
}

export interface InternalPartner extends PartnerBase {
  kind: 'internal';
  userId: string;
  name: string;
  unit?: string;
}

export interface ExternalPartner extends PartnerBase {
  kind: 'external';
  organisation: string;
  phone?: string;
  email?: string;
}

export { meetingKinds, type MeetingKind };

export interface Referat {
  /** Partner ids of those who came (among the invited). */
  attended: string[];
  residentPresent: boolean;
  /** What was agreed, as short points. */
  agreed: string[];
  recordedBy: string;
  recordedAt: string;
  journalisedAt?: string;
  journalisedBy?: string;
}

export interface Meeting {
  id: string;
  caseId: string;
  reference: string;
  municipality: MunicipalityId;
  kind: MeetingKind;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  place?: string;
  /** Held (also) on Teams: the coordinator creates the Teams meeting from the card. */
  online: boolean;
  /** Partner ids invited. */
  participants: string[];
  /** Whether the resident or family takes part: a tick, never a name. */
  residentTakesPart: boolean;
  agenda?: string;
  /** The participant (user id) the coordinator named to write the referat; the coordinator may always. */
  referent?: string;
  state: 'planned' | 'cancelled';
  /** User ids of invited partners who said they cannot come. */
  declined: string[];
  referat?: Referat;
  /** A møteplan: the meetings made together, every N weeks or months. */
  seriesId?: string;
  /** Counts every change: a card showing an older version is stale. */
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Who a task is for: an internal partner (who gets it as a card), an external partner, the coordinator (whoever coordinates), or the resident/family. */
export type TaskOwner = { kind: 'partner'; partnerId: string } | { kind: 'coordinator' } | { kind: 'family' };

export interface Task {
  id: string;
  caseId: string;
  reference: string;
  municipality: MunicipalityId;
  meetingId?: string;
  what: string;
  owner: TaskOwner;
  /** The person who owns it in the bot (an internal partner, or the coordinator), for «mine oppgaver»; none for an external partner or the family. */
  ownerUserId?: string;
  /** ISO date. */
  dueOn: string;
  state: 'open' | 'done' | 'cancelled';
  doneAt?: string;
  doneBy?: string;
  /** «Kan ikke»: the owner handed it back to the coordinator, with a short word why. */
  handedBackAt?: string;
  handedBackNote?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Why a rule refuses; each has its words in the catalogue (`work.refused.<reason>`). */
export const workRefusals = [
  'notAllowed',
  'caseClosed',
  'meetingInPast',
  'endBeforeStart',
  'tooLong',
  'noPlace',
  'participantGone',
  'partnerOwnsTasks',
  'duplicatePartner',
  'referatCancelled',
  'referatBeforeStart',
  'referatNotInvited',
  'taskBeforeMeeting',
  'taskDueInPast',
  'taskClosed',
  'meetingCancelled',
  'meetingOver',
  'notInvited',
  'stale',
  'seriesUntil',
] as const;
export type WorkRefusal = (typeof workRefusals)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; reason: WorkRefusal };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const refused = <T>(reason: WorkRefusal): Result<T> => ({ ok: false, reason });

/** The longest meeting the bot plans; longer is a typo more often than a meeting. */
export const MAX_MEETING_HOURS = 8;
/** A møteplan makes at most this many meetings at once. */
export const MAX_SERIES = 26;

/** The meeting's time, place and people as the form gives them (Oslo date and clock times). */
export interface MeetingInput {
  kind: MeetingKind;
  date: string;
  from: string;
  to: string;
  place?: string;
  online: boolean;
  participants: string[];
  residentTakesPart: boolean;
  agenda?: string;
  referent?: string;
}

/**
 * Checks a meeting's time and people: not in the past, ends after it starts, at most eight hours,
 * somewhere to meet (a place or Teams), and every participant still a partner of the case.
 */
function checkMeeting(input: MeetingInput, partners: readonly Partner[], now: Date): Result<{ startsAt: string; endsAt: string }> {
  const startsAt = osloClockInstant(input.date, input.from);
  const endsAt = osloClockInstant(input.date, input.to);
  if (startsAt <= now.toISOString()) return refused('meetingInPast');
  if (endsAt <= startsAt) return refused('endBeforeStart');
  if (Date.parse(endsAt) - Date.parse(startsAt) > MAX_MEETING_HOURS * 3_600_000) return refused('tooLong');
  if (!input.place?.trim() && !input.online) return refused('noPlace');
  const known = new Set(partners.map((p) => p.id));
  if (input.participants.some((id) => !known.has(id))) return refused('participantGone');
  if (input.referent && !partners.some((p) => p.kind === 'internal' && p.userId === input.referent && input.participants.includes(p.id)))
    return refused('participantGone');
  return ok({ startsAt, endsAt });
}

const trimmed = (text?: string) => text?.trim() || undefined;

export function planMeeting(
  input: MeetingInput,
  context: { id: string; caseId: string; reference: string; municipality: MunicipalityId; partners: readonly Partner[]; by: string; seriesId?: string },
  now: Date,
): Result<Meeting> {
  const time = checkMeeting(input, context.partners, now);
  if (!time.ok) return time;
  const at = now.toISOString();
  return ok({
    id: context.id,
    caseId: context.caseId,
    reference: context.reference,
    municipality: context.municipality,
    kind: input.kind,
    ...time.value,
    ...(trimmed(input.place) ? { place: trimmed(input.place) } : {}),
    online: input.online,
    participants: [...new Set(input.participants)],
    residentTakesPart: input.residentTakesPart,
    ...(trimmed(input.agenda) ? { agenda: trimmed(input.agenda) } : {}),
    ...(input.referent ? { referent: input.referent } : {}),
    state: 'planned',
    declined: [],
    ...(context.seriesId ? { seriesId: context.seriesId } : {}),
    version: 1,
    createdBy: context.by,
    createdAt: at,
    updatedAt: at,
  });
}

/** Moves a planned meeting or changes who comes; those who said they cannot come are asked again. */
export function changeMeeting(meeting: Meeting, input: MeetingInput, partners: readonly Partner[], version: number, now: Date): Result<Meeting> {
  if (version !== meeting.version) return refused('stale');
  if (meeting.state === 'cancelled') return refused('meetingCancelled');
  if (meeting.startsAt <= now.toISOString()) return refused('meetingOver');
  const time = checkMeeting(input, partners, now);
  if (!time.ok) return time;
  const moved = time.value.startsAt !== meeting.startsAt || time.value.endsAt !== meeting.endsAt;
  return ok({
    ...meeting,
    kind: input.kind,
    ...time.value,
    place: trimmed(input.place),
    online: input.online,
    participants: [...new Set(input.participants)],
    residentTakesPart: input.residentTakesPart,
    agenda: trimmed(input.agenda),
    referent: input.referent || undefined,
    declined: moved ? [] : meeting.declined.filter((userId) => partners.some((p) => p.kind === 'internal' && p.userId === userId)),
    version: meeting.version + 1,
    updatedAt: now.toISOString(),
  });
}

export function cancelMeeting(meeting: Meeting, version: number, now: Date): Result<Meeting> {
  if (version !== meeting.version) return refused('stale');
  if (meeting.state === 'cancelled') return refused('meetingCancelled');
  if (meeting.startsAt <= now.toISOString()) return refused('meetingOver');
  return ok({ ...meeting, state: 'cancelled', version: meeting.version + 1, updatedAt: now.toISOString() });
}

/** «Kan ikke komme»: an invited internal participant, before the meeting. Saying it twice changes nothing. */
export function declineMeeting(meeting: Meeting, partner: InternalPartner | undefined, now: Date): Result<Meeting> {
  if (!partner || !meeting.participants.includes(partner.id)) return refused('notInvited');
  if (meeting.state === 'cancelled') return refused('meetingCancelled');
  if (meeting.startsAt <= now.toISOString()) return refused('meetingOver');
  if (meeting.declined.includes(partner.userId)) return ok(meeting);
  return ok({ ...meeting, declined: [...meeting.declined, partner.userId], version: meeting.version + 1, updatedAt: now.toISOString() });
}

/** A task as the referat form (or the case's task list) gives it. */
export interface TaskInput {
  what: string;
  owner: TaskOwner;
  dueOn: string;
}

export interface ReferatInput {
  attended: string[];
  residentPresent: boolean;
  agreed: string[];
  tasks: TaskInput[];
}

/**
 * The referat, once the meeting has begun: who came (among the invited), what was agreed and the
 * tasks. A task is due on or after the meeting's day and not in the past, and its owner is a partner
 * of the case. Recording it again (a correction) replaces the points; tasks are added, never doubled.
 */
export function recordReferat(meeting: Meeting, input: ReferatInput, partners: readonly Partner[], by: string, version: number, now: Date): Result<Meeting> {
  if (version !== meeting.version) return refused('stale');
  if (meeting.state === 'cancelled') return refused('referatCancelled');
  if (meeting.startsAt > now.toISOString()) return refused('referatBeforeStart');
  if (input.attended.some((id) => !meeting.participants.includes(id))) return refused('referatNotInvited');
  for (const task of input.tasks) {
    const refusal = taskRefusal(task, meeting, partners, now);
    if (refusal) return refused(refusal);
  }
  const at = now.toISOString();
  return ok({
    ...meeting,
    referat: {
      attended: [...new Set(input.attended)],
      residentPresent: input.residentPresent,
      agreed: input.agreed.map((point) => point.trim()).filter(Boolean),
      recordedBy: by,
      recordedAt: at,
    },
    version: meeting.version + 1,
    updatedAt: at,
  });
}

/** Why a task cannot be given as it is: due before its meeting or in the past, or owned by someone who is no partner. */
export function taskRefusal(task: TaskInput, meeting: Meeting | undefined, partners: readonly Partner[], now: Date): WorkRefusal | undefined {
  if (meeting && task.dueOn < osloDate(new Date(meeting.startsAt))) return 'taskBeforeMeeting';
  if (task.dueOn < osloDate(now)) return 'taskDueInPast';
  if (task.owner.kind === 'partner') {
    const partnerId = task.owner.partnerId;
    if (!partners.some((p) => p.id === partnerId)) return 'participantGone';
  }
  return undefined;
}

export function journalise(meeting: Meeting, by: string, now: Date): Result<Meeting> {
  if (!meeting.referat) return refused('referatBeforeStart');
  if (meeting.referat.journalisedAt) return ok(meeting);
  const at = now.toISOString();
  return ok({ ...meeting, referat: { ...meeting.referat, journalisedAt: at, journalisedBy: by }, version: meeting.version + 1, updatedAt: at });
}

/** The person who owns a task in the bot: an internal partner, or the case's coordinator now. */
export function ownerUserId(owner: TaskOwner, partners: readonly Partner[], coordinator: string | undefined): string | undefined {
  if (owner.kind === 'coordinator') return coordinator;
  if (owner.kind === 'family') return undefined;
  const partnerId = owner.partnerId;
  const partner = partners.find((p) => p.id === partnerId);
  return partner?.kind === 'internal' ? partner.userId : undefined;
}

export function newTask(
  input: TaskInput,
  context: { id: string; caseId: string; reference: string; municipality: MunicipalityId; meetingId?: string; ownerUserId?: string; by: string },
  now: Date,
): Task {
  const at = now.toISOString();
  return {
    id: context.id,
    caseId: context.caseId,
    reference: context.reference,
    municipality: context.municipality,
    ...(context.meetingId ? { meetingId: context.meetingId } : {}),
    what: input.what.trim(),
    owner: input.owner,
    ...(context.ownerUserId ? { ownerUserId: context.ownerUserId } : {}),
    dueOn: input.dueOn,
    state: 'open',
    createdBy: context.by,
    createdAt: at,
    updatedAt: at,
  };
}

/** «Ferdig»: a second click finds it done and records nothing more. */
export function completeTask(task: Task, by: string, now: Date): Result<{ task: Task; changed: boolean }> {
  if (task.state === 'done') return ok({ task, changed: false });
  if (task.state === 'cancelled') return refused('taskClosed');
  const at = now.toISOString();
  return ok({ task: { ...task, state: 'done', doneAt: at, doneBy: by, updatedAt: at }, changed: true });
}

/** «Utsett 1 uke»: the deadline a week on from the later of the deadline and today. */
export function postponeTask(task: Task, days: number, now: Date): Result<Task> {
  if (task.state !== 'open') return refused('taskClosed');
  const today = osloDate(now);
  const from = task.dueOn > today ? task.dueOn : today;
  return ok({ ...task, dueOn: addDays(from, days), updatedAt: now.toISOString() });
}

/** «Kan ikke – gi beskjed til koordinator»: the task goes back to the coordinator, who decides what then. */
export function handBackTask(task: Task, note: string | undefined, coordinator: string | undefined, now: Date): Result<Task> {
  if (task.state !== 'open') return refused('taskClosed');
  const at = now.toISOString();
  return ok({
    ...task,
    owner: { kind: 'coordinator' },
    ...(coordinator ? { ownerUserId: coordinator } : {}),
    handedBackAt: at,
    ...(note?.trim() ? { handedBackNote: note.trim() } : {}),
    updatedAt: at,
  });
}

export function cancelTask(task: Task, now: Date): Task {
  return task.state === 'open' ? { ...task, state: 'cancelled', updatedAt: now.toISOString() } : task;
}

/** A partner who still owns open tasks is not removed until the tasks are handed to someone else. */
export function removalRefusal(partner: Partner, openTasks: readonly Task[]): WorkRefusal | undefined {
  return openTasks.some((task) => task.state === 'open' && task.owner.kind === 'partner' && task.owner.partnerId === partner.id)
    ? 'partnerOwnsTasks'
    : undefined;
}

/** The same person or organisation in the same role twice is one partner. */
export function duplicateOf(
  partners: readonly Partner[],
  candidate: Pick<InternalPartner, 'kind' | 'userId'> | Pick<ExternalPartner, 'kind' | 'organisation' | 'role'>,
): Partner | undefined {
  return partners.find((p) =>
    candidate.kind === 'internal'
      ? p.kind === 'internal' && p.userId === candidate.userId
      : p.kind === 'external' &&
        p.organisation.toLocaleLowerCase('nb') === candidate.organisation.toLocaleLowerCase('nb') &&
        p.role.toLocaleLowerCase('nb') === candidate.role.toLocaleLowerCase('nb'),
  );
}

/** A møteplan: the dates of a series every `every` weeks or months from `first`, up to and including `until` (at most `MAX_SERIES`). */
export function seriesDates(first: string, every: { weeks: number } | { months: number }, until: string): Result<string[]> {
  if (until <= first) return refused('seriesUntil');
  const dates: string[] = [];
  for (let n = 0; dates.length < MAX_SERIES; n++) {
    const date = 'weeks' in every ? addDays(first, n * 7 * every.weeks) : addMonths(first, n * every.months);
    if (date > until) break;
    dates.push(date);
  }
  return ok(dates);
}

/** Whether a task is past its deadline on Oslo's today. */
export const isOverdue = (task: Pick<Task, 'state' | 'dueOn'>, now: Date) => task.state === 'open' && task.dueOn < osloDate(now);
