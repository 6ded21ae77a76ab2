import type { Case, CaseState } from '../cases/Case.js';
import type { Recipient } from '../cases/transitions.js';
import { addDays, addMonths, osloDate, osloInstant } from '../time/oslo.js';
import type { ReminderSettings } from './ReminderSettings.js';
import { REFRESHER_MONTHS } from '../roles/trainingStatus.js';
import { isWorkday } from './workingHours.js';

export const reminderKinds = [
  'evaluation',
  'contact',
  'training',
  'transition',
  'keWaiting',
  'approvalPending',
  'session',
  'competenceReview',
  'refresher',
  'meeting',
  'meetingConfirm',
  'referat',
  'taskDue',
  'taskOverdue',
  'taskFollowUp',
  'birth',
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** A child's transitions in the seeds' life course ("i god tid før hver overgang"). */
export const milestones = ['kindergarten', 'schoolStart', 'lowerSecondary', 'upperSecondary', 'adult'] as const;
export type Milestone = (typeof milestones)[number];

/**
 * One reminder that falls due at `dueAt`. `key` is stable: the same due item always has the same
 * key, so it is stored once and sent once, however often the rules are evaluated.
 */
export interface ScheduledReminder {
  key: string;
  kind: ReminderKind;
  to: Recipient;
  /** ISO instant. */
  dueAt: string;
  caseId?: string;
  reference?: string;
  /** The date the reminder is about (ISO date): the evaluation, the last contact, the milestone, since when something waits. */
  on: string;
  /** Which milestone, for a transition. */
  milestone?: Milestone;
  /** The person a training reminder is about. */
  userId?: string;
  /** A course session's reminder: which course, what it is called, when it starts and where. */
  courseId?: string;
  course?: { name: string; startsAt: string; place?: string; meetingUrl?: string };
  /** A case meeting's reminder: which meeting, and when it starts (its kind, for the words; never its agenda). */
  meetingId?: string;
  meeting?: { kind: string; startsAt: string };
  /** A task's reminder: which task (the card it opens says what; the reminder never does). */
  taskId?: string;
  /** Due again this many days after it went out, until the rules no longer want it (an overdue task, weekly). */
  repeatDays?: number;
}

const morning = (date: string) => osloInstant(date, 8).toISOString();
const withCoordinator: readonly CaseState[] = ['coordinatorAppointed', 'planInProgress', 'changeReported'];

/**
 * When a child passes each milestone: the kindergarten year starts in mid-August of the year the child
 * turns 1 (the right to a place, barnehageloven § 16); school years start in mid-August of the year the
 * child turns 6 (school), 13 (lower secondary) and 16 (upper secondary); adulthood is the 18th birthday.
 */
export function milestoneDates(birthDate: string): Record<Milestone, string> {
  const year = Number(birthDate.slice(0, 4));
  return {
    kindergarten: `${year + 1}-08-15`,
    schoolStart: `${year + 6}-08-15`,
    lowerSecondary: `${year + 13}-08-15`,
    upperSecondary: `${year + 16}-08-15`,
    adult: `${year + 18}${birthDate.slice(4)}`,
  };
}

/**
 * Every reminder a case should have now, as a pure function of the case, the municipality's
 * settings and the clock. A closed (or declined) case has none.
 */
export function caseReminders(c: Case, settings: ReminderSettings, now: Date): ScheduledReminder[] {
  const base = { caseId: c.id, reference: c.reference };
  const reminders: ScheduledReminder[] = [];
  const coordinator = c.coordinator && withCoordinator.includes(c.state) ? ({ kind: 'user', userId: c.coordinator.userId } as const) : undefined;

  if (coordinator && c.state === 'planInProgress' && c.plan?.evaluation?.nextOn) {
    const on = c.plan.evaluation.nextOn;
    reminders.push({
      ...base,
      key: `evaluation:${c.id}:${on}`,
      kind: 'evaluation',
      to: coordinator,
      dueAt: morning(addDays(on, -settings.evaluationNoticeDays)),
      on,
    });
  }
  if (coordinator) {
    const since = c.lastContactOn ?? c.plan?.startedAt ?? c.coordinator!.appointedAt.slice(0, 10);
    reminders.push({
      ...base,
      key: `contact:${c.id}:${since}`,
      kind: 'contact',
      to: coordinator,
      dueAt: morning(addDays(since, settings.contactWeeks * 7)),
      on: since,
    });
  }
  if (coordinator && c.report.expectedChild) {
    // An expected child's first transition is birth: the coordinator records it a month after the due date.
    const due = c.report.resident.birthDate;
    reminders.push({ ...base, key: `birth:${c.id}:${due}`, kind: 'birth', to: coordinator, dueAt: morning(addMonths(due, 1)), on: due });
  }
  if (coordinator && c.report.ageGroup === 'child' && !c.report.expectedChild) {
    const today = osloDate(now);
    for (const [milestone, on] of Object.entries(milestoneDates(c.report.resident.birthDate)) as [Milestone, string][]) {
      if (on <= today) continue; // passed already
      reminders.push({
        ...base,
        key: `transition:${c.id}:${milestone}`,
        kind: 'transition',
        to: coordinator,
        dueAt: morning(addMonths(on, -settings.transitionMonthsBefore)),
        on,
        milestone,
      });
    }
  }
  if (c.state === 'reported' || c.state === 'underAssessment') {
    reminders.push({
      ...base,
      key: `keWaiting:${c.id}:decision`,
      kind: 'keWaiting',
      to: { kind: 'ke' },
      dueAt: afterDays(c.createdAt, settings.keWaitingDays),
      on: c.createdAt.slice(0, 10),
    });
  }
  if (c.state === 'accepted' || c.state === 'changeReported') {
    // Waiting for a (new) coordinator since the case entered this state.
    reminders.push({
      ...base,
      key: `keWaiting:${c.id}:${c.state}:${c.updatedAt}`,
      kind: 'keWaiting',
      to: { kind: 'ke' },
      dueAt: afterDays(c.updatedAt, settings.keWaitingDays),
      on: c.updatedAt.slice(0, 10),
    });
  }
  if (c.state === 'coordinatorProposed' && c.proposal) {
    reminders.push({
      ...base,
      key: `approvalPending:${c.id}:${c.proposal.id}`,
      kind: 'approvalPending',
      to: { kind: 'leadersOf', unit: c.proposal.coordinator.unit },
      dueAt: afterDays(c.proposal.proposedAt, settings.approvalPendingDays),
      on: c.proposal.proposedAt.slice(0, 10),
    });
  }
  return reminders;
}

/** The coordinator's training deadline, to the coordinator with KE copied. */
export function trainingReminders(userId: string, startedAt: string, settings: ReminderSettings): ScheduledReminder[] {
  const on = startedAt.slice(0, 10);
  const dueAt = morning(addMonths(on, settings.trainingMonths));
  return [
    { key: `training:${userId}:${startedAt}:coordinator`, kind: 'training', to: { kind: 'user', userId }, dueAt, on, userId },
    { key: `training:${userId}:${startedAt}:ke`, kind: 'training', to: { kind: 'ke' }, dueAt, on, userId },
  ];
}

function afterDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * 86_400_000).toISOString();
}

/** What the reminders need of a course (the training feature's `Course` is one). */
export interface CourseSessions {
  id: string;
  name: string;
  place?: string;
  meetingUrl?: string;
  cancelledAt?: string;
  sessions: readonly { id: string; startsAt: string }[];
  participants: readonly { userId: string }[];
}

/**
 * A participant's reminder the working day before each session of a course that goes ahead (at the
 * start of that working day), for the sessions still to come.
 */
export function courseReminders(course: CourseSessions, settings: ReminderSettings, now: Date): ScheduledReminder[] {
  if (course.cancelledAt) return [];
  const reminders: ScheduledReminder[] = [];
  for (const session of course.sessions) {
    if (session.startsAt <= now.toISOString()) continue;
    const on = osloDate(new Date(session.startsAt));
    const dueAt = workdayBefore(on, settings);
    for (const participant of course.participants) {
      reminders.push({
        key: `session:${course.id}:${session.id}:${participant.userId}`,
        kind: 'session',
        to: { kind: 'user', userId: participant.userId },
        dueAt,
        on,
        courseId: course.id,
        course: {
          name: course.name,
          startsAt: session.startsAt,
          ...(course.place ? { place: course.place } : {}),
          ...(course.meetingUrl ? { meetingUrl: course.meetingUrl } : {}),
        },
      });
    }
  }
  return reminders;
}

/** The start of the working day before `on` (weekends and public holidays skipped). */
function workdayBefore(on: string, settings: ReminderSettings): string {
  let day = addDays(on, -1);
  for (let i = 0; i < 10 && !isWorkday(day); i++) day = addDays(day, -1);
  return osloInstant(day, settings.workdayStartHour).toISOString();
}

/** The start of the `count`th working day after `on`. */
function workdaysAfter(on: string, count: number, settings: ReminderSettings): string {
  let day = on;
  for (let left = count, i = 0; left > 0 && i < 30; i++) {
    day = addDays(day, 1);
    if (isWorkday(day)) left--;
  }
  return osloInstant(day, settings.workdayStartHour).toISOString();
}

/** What the reminders need of a case meeting (the coordination feature's `Meeting` is one). */
export interface MeetingSlot {
  id: string;
  caseId: string;
  reference: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  state: 'planned' | 'cancelled';
  seriesId?: string;
  hasReferat: boolean;
}

/**
 * A planned meeting's reminders: each internal participant who has not said they cannot come, the
 * working day before; in a møteplan, the coordinator two weeks before to confirm it; and the
 * coordinator two working days after a meeting that still has no referat. A cancelled meeting has none.
 */
export function meetingReminders(
  meeting: MeetingSlot,
  people: { participants: readonly string[]; coordinator?: string },
  settings: ReminderSettings,
  now: Date,
): ScheduledReminder[] {
  if (meeting.state === 'cancelled') return [];
  const on = osloDate(new Date(meeting.startsAt));
  const base = { caseId: meeting.caseId, reference: meeting.reference, meetingId: meeting.id, meeting: { kind: meeting.kind, startsAt: meeting.startsAt }, on };
  const reminders: ScheduledReminder[] = [];
  if (meeting.startsAt > now.toISOString()) {
    const dueAt = workdayBefore(on, settings);
    for (const userId of people.participants)
      reminders.push({ ...base, key: `meeting:${meeting.id}:${meeting.startsAt}:${userId}`, kind: 'meeting', to: { kind: 'user', userId }, dueAt });
    const confirmAt = morning(addDays(on, -14));
    if (meeting.seriesId && people.coordinator && confirmAt > now.toISOString())
      reminders.push({
        ...base,
        key: `meetingConfirm:${meeting.id}:${meeting.startsAt}`,
        kind: 'meetingConfirm',
        to: { kind: 'user', userId: people.coordinator },
        dueAt: confirmAt,
      });
  }
  if (!meeting.hasReferat && people.coordinator)
    reminders.push({
      ...base,
      key: `referat:${meeting.id}`,
      kind: 'referat',
      to: { kind: 'user', userId: people.coordinator },
      dueAt: workdaysAfter(osloDate(new Date(meeting.endsAt)), 2, settings),
    });
  return reminders;
}

/** What the reminders need of a task. */
export interface TaskSlot {
  id: string;
  caseId: string;
  reference: string;
  dueOn: string;
  state: 'open' | 'done' | 'cancelled';
  ownerUserId?: string;
}

/**
 * An open task's reminders: its owner the working day before the deadline and, once it is overdue,
 * every week; a task owned by an external partner or the family reminds the coordinator instead, to
 * follow it up by phone. A done or cancelled task has none.
 */
export function taskReminders(task: TaskSlot, coordinator: string | undefined, settings: ReminderSettings): ScheduledReminder[] {
  if (task.state !== 'open') return [];
  const base = { caseId: task.caseId, reference: task.reference, taskId: task.id, on: task.dueOn };
  const overdueAt = workdaysAfter(task.dueOn, 1, settings);
  if (task.ownerUserId) {
    const to = { kind: 'user', userId: task.ownerUserId } as const;
    return [
      { ...base, key: `taskDue:${task.id}:${task.dueOn}:${task.ownerUserId}`, kind: 'taskDue', to, dueAt: workdayBefore(task.dueOn, settings) },
      { ...base, key: `taskOverdue:${task.id}:${task.dueOn}:${task.ownerUserId}`, kind: 'taskOverdue', to, dueAt: overdueAt, repeatDays: 7 },
    ];
  }
  if (!coordinator) return [];
  return [
    {
      ...base,
      key: `taskFollowUp:${task.id}:${task.dueOn}:${coordinator}`,
      kind: 'taskFollowUp',
      to: { kind: 'user', userId: coordinator },
      dueAt: overdueAt,
      repeatDays: 7,
    },
  ];
}

/** The coordinator's leaders, on the morning of the review date the leader set in the competence mapping. */
export function competenceReviewReminder(review: { userId: string; unit: string; nextReviewOn: string }, settings: ReminderSettings): ScheduledReminder {
  return {
    key: `competenceReview:${review.userId}:${review.nextReviewOn}`,
    kind: 'competenceReview',
    to: { kind: 'leadersOf', unit: review.unit },
    dueAt: osloInstant(review.nextReviewOn, settings.workdayStartHour).toISOString(),
    on: review.nextReviewOn,
    userId: review.userId,
  };
}

/** The yearly refresher after koordinatorskolen (Ålesund's routine): the coordinator, a year after the training or the last refresher. */
export function refresherReminder(userId: string, lastOn: string): ScheduledReminder {
  const on = addMonths(lastOn, REFRESHER_MONTHS);
  return { key: `refresher:${userId}:${on}`, kind: 'refresher', to: { kind: 'user', userId }, dueAt: morning(on), on, userId };
}
