import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AuditLog } from '../audit/AuditLog.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { ReminderSchedule } from '../reminders/ReminderSchedule.js';
import type { Actor } from '../roles/Actor.js';
import type { CaseState } from '../cases/Case.js';
import type { OverviewService } from '../overview/OverviewService.js';
import type { Roles } from '../roles/Roles.js';
import type { Store } from '../store/Store.js';
import { updateDocument } from '../store/updateDocument.js';
import { osloClockInstant, osloDate } from '../time/oslo.js';
import { cancel, completedBy, courseKinds, endsAt, recordAttendance, seatsLeft, signOff, signUp, startsAt, type Course, type CourseResult } from './Course.js';
import { trainingStatus, type TrainingStatus } from '../roles/trainingStatus.js';
import { mayEdit, mayView, type CompetenceMapping, type Coordinator } from './competence.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A new course as the form gives it: Oslo dates and clock times for up to three sessions. */
export const courseInputSchema = z
  .object({
    name: z.string().trim().min(3).max(120),
    kind: z.enum(courseKinds),
    sessions: z
      .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), from: time, to: time }))
      .min(1)
      .max(3),
    place: z.string().trim().max(200).optional(),
    meetingUrl: z.string().trim().url().startsWith('https://').max(1000).optional(),
    capacity: z.number().int().min(1).max(500),
  })
  .refine((input) => input.place || input.meetingUrl)
  .refine((input) => input.sessions.every((s) => s.to > s.from));
export type CourseInput = z.infer<typeof courseInputSchema>;

/**
 * Koordinatorskolen: courses and gatherings (the `courses` container, this service's alone), who
 * signs up and who came. Coming to every session completes the training (the school) or the
 * refresher, which settles the training reminder; participants are reminded the working day before
 * each session. Sign-ups are conditional writes, so the last seat goes to one person.
 */
/** A coordinator in a leader's list: their open cases (reference and status only) and training. */
export interface CoordinatorRow {
  userId: string;
  name: string;
  unit: string;
  status: TrainingStatus;
  cases: { reference: string; state: CaseState }[];
}

export class TrainingService {
  /** The clock the rules use; the cards show courses as of the same instant. */
  readonly now: () => Date;

  constructor(private readonly deps: { store: Store; roles: Roles; schedule: ReminderSchedule; audit: AuditLog; overview: OverviewService; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(actor: Actor, input: CourseInput): Promise<Course> {
    const sessions = input.sessions
      .map((s) => ({ id: randomUUID().slice(0, 8), startsAt: osloClockInstant(s.date, s.from), endsAt: osloClockInstant(s.date, s.to) }))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    if (sessions[0]!.startsAt <= this.now().toISOString()) throw new InputError('course in the past', { key: 'course.invalid' });
    const now = this.now().toISOString();
    const course: Course = {
      id: `course-${randomUUID()}`,
      municipality: actor.municipality,
      kind: input.kind,
      name: input.name,
      sessions,
      ...(input.place ? { place: input.place } : {}),
      ...(input.meetingUrl ? { meetingUrl: input.meetingUrl } : {}),
      capacity: input.capacity,
      participants: [],
      attendance: {},
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.create('courses', actor.municipality, course.id, course);
    await this.deps.audit.record(actor.municipality, {
      actor: actor.userId,
      action: 'course.create',
      target: `course/${course.id}`,
      details: { kind: course.kind },
    });
    return course;
  }

  /** Courses that have not ended and are not cancelled, the soonest first. */
  async upcoming(municipality: MunicipalityId): Promise<Course[]> {
    const now = this.now().toISOString();
    const docs = await this.deps.store.list<Course>('courses', municipality);
    return docs
      .map((doc) => doc.data)
      .filter((c) => !c.cancelledAt && endsAt(c) > now)
      .sort((a, b) => startsAt(a).localeCompare(startsAt(b)));
  }

  async get(municipality: MunicipalityId, id: string): Promise<Course> {
    const doc = await this.deps.store.get<Course>('courses', municipality, id);
    if (!doc) throw new NotFoundError(`no course ${id}`, { userMessage: { key: 'course.refused.cancelled' } });
    return doc.data;
  }

  async signUp(actor: Actor, courseId: string): Promise<Course> {
    const course = await this.change(actor.municipality, courseId, (c) =>
      signUp(c, { userId: actor.userId, ...(actor.name ? { name: actor.name } : {}) }, this.now().toISOString()),
    );
    await this.deps.schedule.syncCourse(actor.municipality, course);
    return course;
  }

  async signOff(actor: Actor, courseId: string): Promise<Course> {
    const course = await this.change(actor.municipality, courseId, (c) => signOff(c, actor.userId, this.now().toISOString()));
    await this.deps.schedule.syncCourse(actor.municipality, course);
    return course;
  }

  /** The next course of the same kind with a seat left, after a full one. */
  async nextWithSeats(municipality: MunicipalityId, full: Course): Promise<Course | undefined> {
    return (await this.upcoming(municipality)).find(
      (c) => c.id !== full.id && c.kind === full.kind && seatsLeft(c) > 0 && startsAt(c) > this.now().toISOString(),
    );
  }

  /**
   * Who came to a session (a KE admin). Those who have now come to every session have completed the
   * course: the school records their training (and settles its reminder), a refresher the refresher.
   */
  async recordAttendance(actor: Actor, courseId: string, sessionId: string, present: readonly string[]): Promise<{ course: Course; completed: string[] }> {
    let already = new Set<string>();
    const course = await this.change(actor.municipality, courseId, (c) => {
      already = new Set(completedBy(c)); // as read for this write (a lost race reads again)
      return recordAttendance(c, sessionId, present, this.now().toISOString());
    });
    const completed = completedBy(course).filter((userId) => !already.has(userId));
    const on = osloDate(new Date(endsAt(course)));
    for (const userId of completed) {
      if (course.kind === 'school') await this.deps.schedule.completeTraining(actor.municipality, userId, on);
      if (course.kind === 'refresher') await this.deps.schedule.completeRefresher(actor.municipality, userId, on);
    }
    await this.deps.audit.record(actor.municipality, {
      actor: actor.userId,
      action: 'course.attendance',
      target: `course/${course.id}`,
      details: { session: sessionId, present: present.length, completed: completed.length },
    });
    return { course, completed };
  }

  /** Cancels a course (a KE admin); the caller tells the participants. Their session reminders go. */
  async cancel(actor: Actor, courseId: string): Promise<Course> {
    const course = await this.change(actor.municipality, courseId, (c) => cancel(c, this.now().toISOString()));
    await this.deps.schedule.syncCourse(actor.municipality, course);
    await this.deps.audit.record(actor.municipality, { actor: actor.userId, action: 'course.cancel', target: `course/${course.id}` });
    return course;
  }

  /**
   * «mine koordinatorer»: everyone in the units a leader leads who has a training record or coordinates
   * an open case there, with those cases (reference and status only) and their training, by name.
   */
  async coordinators(leader: Actor): Promise<CoordinatorRow[]> {
    if (leader.leads.length === 0) throw new NotAllowedError('not a leader', { userMessage: { key: 'coordinators.notLeader' } });
    // As a leader, not as KE: only the units they lead.
    const [facts, trainees, people, settings] = await Promise.all([
      this.deps.overview.caseList({ ...leader, isKe: false }),
      this.deps.roles.trainees(leader.municipality),
      this.deps.roles.people(leader.municipality),
      this.deps.schedule.settings(leader.municipality),
    ]);
    const today = osloDate(this.now());
    const units = new Set(leader.leads);
    const rows = new Map<string, CoordinatorRow>();
    const row = (userId: string, unit: string, fallbackName?: string): CoordinatorRow => {
      let found = rows.get(userId);
      if (!found) {
        const name = people.find((p) => p.userId === userId)?.name ?? fallbackName ?? userId;
        const status = trainingStatus(trainees.find((p) => p.userId === userId)?.training, settings.trainingMonths, today);
        rows.set(userId, (found = { userId, name, unit, status, cases: [] }));
      }
      return found;
    };
    for (const trainee of trainees) if (trainee.unit && units.has(trainee.unit)) row(trainee.userId, trainee.unit, trainee.name);
    for (const f of facts)
      if (f.coordinator && f.state !== 'closed' && f.state !== 'declined')
        row(f.coordinator.userId, f.unit, f.coordinator.name).cases.push({ reference: f.reference, state: f.state });
    return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  }

  /** Where a person stands with the training today. */
  async status(municipality: MunicipalityId, userId: string): Promise<TrainingStatus> {
    const [record, settings] = await Promise.all([this.deps.roles.training(municipality, userId), this.deps.schedule.settings(municipality)]);
    return trainingStatus(record, settings.trainingMonths, osloDate(this.now()));
  }

  /**
   * A coordinator's competence mapping, for those who may see it (the coordinator, their leaders,
   * KE); every read audited. Undefined while none is made.
   */
  async competence(actor: Actor, userId: string): Promise<{ coordinator: Coordinator; mapping?: CompetenceMapping; editable: boolean }> {
    const coordinator = await this.coordinator(actor.municipality, userId);
    if (!mayView(actor, coordinator)) throw new NotAllowedError('not the coordinator, their leader or KE');
    const doc = await this.deps.store.get<CompetenceMapping>('competence', actor.municipality, userId);
    await this.deps.audit.record(actor.municipality, { actor: actor.userId, action: 'competence.read', target: `person/${userId}` });
    return { coordinator, ...(doc ? { mapping: doc.data } : {}), editable: mayEdit(actor, coordinator) };
  }

  /** The leader's assessment, agreed measures and next review; audited, and the leaders reminded on the review date. */
  async saveCompetence(actor: Actor, userId: string, input: Pick<CompetenceMapping, 'rows' | 'nextReviewOn'>): Promise<CompetenceMapping> {
    const coordinator = await this.coordinator(actor.municipality, userId);
    if (!mayEdit(actor, coordinator)) throw new NotAllowedError('only the coordinator’s leader fills in the mapping');
    if (input.nextReviewOn <= osloDate(this.now())) throw new InputError('review in the past', { key: 'competence.invalid.review' });
    const mapping: CompetenceMapping = {
      userId,
      rows: input.rows,
      nextReviewOn: input.nextReviewOn,
      updatedBy: actor.userId,
      updatedAt: this.now().toISOString(),
    };
    await this.deps.store.put('competence', actor.municipality, userId, mapping);
    await this.deps.audit.record(actor.municipality, { actor: actor.userId, action: 'competence.update', target: `person/${userId}` });
    await this.deps.schedule.syncCompetenceReview(actor.municipality, { userId, unit: coordinator.unit!, nextReviewOn: mapping.nextReviewOn });
    return mapping;
  }

  private async coordinator(municipality: MunicipalityId, userId: string): Promise<Coordinator> {
    const [record, people] = await Promise.all([this.deps.roles.record(municipality, userId), this.deps.roles.people(municipality)]);
    const name = people.find((p) => p.userId === userId)?.name;
    return { userId, ...(name ? { name } : {}), ...(record.unit ? { unit: record.unit } : {}) };
  }

  /** A rule applied to the stored course with a conditional write: a refusal is the user's message, a lost race is tried again. */
  private async change(municipality: MunicipalityId, id: string, rule: (course: Course) => CourseResult): Promise<Course> {
    const doc = await updateDocument<Course>(this.deps.store, 'courses', municipality, id, (current) => {
      if (!current) throw new NotFoundError(`no course ${id}`, { userMessage: { key: 'course.refused.cancelled' } });
      const result = rule(current);
      if (!result.ok)
        throw new ConflictError(`course refused: ${result.reason}`, {
          userMessage: { key: `course.refused.${result.reason}`, params: { name: current.name } },
        });
      return result.course;
    });
    return doc!.data;
  }
}
