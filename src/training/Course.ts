import type { MunicipalityId } from '../municipalities/Municipality.js';

/**
 * Koordinatorskolen and the coordinator network (Ålesund: three half days each spring and autumn, a
 * yearly half-day refresher, a coordinator network; Rana: training for new coordinators and two
 * coordinator gatherings a year). A course is planned by a KE admin, with its sessions, a place or a
 * Teams meeting link, and a number of seats.
 */
export const courseKinds = ['school', 'refresher', 'gathering'] as const;
export type CourseKind = (typeof courseKinds)[number];

export interface Session {
  id: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
}

export interface Participant {
  userId: string;
  name?: string;
  signedUpAt: string;
}

export interface Course {
  id: string;
  municipality: MunicipalityId;
  kind: CourseKind;
  name: string;
  sessions: Session[];
  /** Where: an address or room, and/or a Teams meeting link. */
  place?: string;
  meetingUrl?: string;
  capacity: number;
  participants: Participant[];
  /** Who came to each session (session id → user ids), as a KE admin registered it. */
  attendance: Record<string, string[]>;
  cancelledAt?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Why a course refuses: each has its words in the catalogue (`course.refused.<reason>`). */
export type CourseRefusal = 'cancelled' | 'full' | 'alreadySignedUp' | 'notSignedUp' | 'started' | 'unknownSession' | 'notParticipant' | 'sessionAhead';

export type CourseResult = { ok: true; course: Course } | { ok: false; reason: CourseRefusal };

const refused = (reason: CourseRefusal): CourseResult => ({ ok: false, reason });

export function seatsLeft(course: Course): number {
  return Math.max(0, course.capacity - course.participants.length);
}

/** The first session's start: a course one can no longer sign up for or leave once it has begun. */
export function startsAt(course: Course): string {
  return course.sessions.reduce((first, session) => (session.startsAt < first ? session.startsAt : first), course.sessions[0]!.startsAt);
}

export function endsAt(course: Course): string {
  return course.sessions.reduce((last, session) => (session.endsAt > last ? session.endsAt : last), course.sessions[0]!.endsAt);
}

export function signUp(course: Course, person: { userId: string; name?: string }, now: string): CourseResult {
  if (course.cancelledAt) return refused('cancelled');
  if (course.participants.some((p) => p.userId === person.userId)) return refused('alreadySignedUp');
  if (startsAt(course) <= now) return refused('started');
  if (seatsLeft(course) === 0) return refused('full');
  const participant: Participant = { userId: person.userId, ...(person.name ? { name: person.name } : {}), signedUpAt: now };
  return { ok: true, course: { ...course, participants: [...course.participants, participant], updatedAt: now } };
}

export function signOff(course: Course, userId: string, now: string): CourseResult {
  if (course.cancelledAt) return refused('cancelled');
  if (!course.participants.some((p) => p.userId === userId)) return refused('notSignedUp');
  if (startsAt(course) <= now) return refused('started');
  return { ok: true, course: { ...course, participants: course.participants.filter((p) => p.userId !== userId), updatedAt: now } };
}

/** Who came to a session: only participants, and only once it has begun. Registering again replaces the list. */
export function recordAttendance(course: Course, sessionId: string, present: readonly string[], now: string): CourseResult {
  if (course.cancelledAt) return refused('cancelled');
  const session = course.sessions.find((s) => s.id === sessionId);
  if (!session) return refused('unknownSession');
  if (session.startsAt > now) return refused('sessionAhead');
  const participants = new Set(course.participants.map((p) => p.userId));
  if (present.some((userId) => !participants.has(userId))) return refused('notParticipant');
  return { ok: true, course: { ...course, attendance: { ...course.attendance, [sessionId]: [...new Set(present)] }, updatedAt: now } };
}

export function cancel(course: Course, now: string): CourseResult {
  if (course.cancelledAt) return refused('cancelled');
  if (endsAt(course) <= now) return refused('started');
  return { ok: true, course: { ...course, cancelledAt: now, updatedAt: now } };
}

/** The participants who came to every session: they have completed the course. */
export function completedBy(course: Course): string[] {
  return course.participants
    .map((p) => p.userId)
    .filter((userId) => course.sessions.every((session) => (course.attendance[session.id] ?? []).includes(userId)));
}
