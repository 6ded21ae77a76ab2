import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/AuditLog.js';
import type { Case, CaseBrief } from '../cases/Case.js';
import type { CaseEventSink } from '../cases/CaseService.js';
import type { CaseEvent } from '../cases/transitions.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { ReminderSchedule } from '../reminders/ReminderSchedule.js';
import type { Actor } from '../roles/Actor.js';
import type { Store, Versioned } from '../store/Store.js';
import { updateDocument } from '../store/updateDocument.js';
import { osloDate } from '../time/oslo.js';
import { isWorking, mayActOnTask, mayManage, mayViewMeeting, mayWriteReferat, partnerOf } from './access.js';
import {
  cancelMeeting,
  cancelTask,
  changeMeeting,
  completeTask,
  declineMeeting,
  duplicateOf,
  handBackTask,
  isOverdue,
  journalise,
  newTask,
  ownerUserId,
  planMeeting,
  postponeTask,
  recordReferat,
  removalRefusal,
  seriesDates,
  taskRefusal,
  type ExternalPartner,
  type InternalPartner,
  type Meeting,
  type MeetingInput,
  type Partner,
  type ReferatInput,
  type Result,
  type Task,
  type TaskInput,
  type WorkRefusal,
} from './CaseWork.js';

/** What the people told about the case's work are told: typed facts, rendered into cards in their language by the shell. */
export type WorkNotice =
  | { kind: 'partnerAdded'; brief: CaseBrief; role: string }
  | { kind: 'coordinatorChanged'; brief: CaseBrief }
  | { kind: 'caseClosed'; brief: CaseBrief }
  | { kind: 'meetingInvite' | 'meetingMoved' | 'meetingCancelled' | 'referatShared'; meeting: Meeting; brief: CaseBrief; partners: Partner[] }
  | { kind: 'meetingDeclined'; meeting: Meeting; name: string }
  | { kind: 'taskAssigned'; task: Task; brief: CaseBrief }
  | { kind: 'taskDone' | 'taskHandedBack'; task: Task; name: string }
  | { kind: 'tasksCancelled'; reference: string; count: number };

export interface CoordinationDeps {
  store: Store;
  audit: AuditLog;
  schedule: ReminderSchedule;
  /** The case as the coordination work needs it, from the case service (the only one that reads cases). */
  brief: (municipality: MunicipalityId, caseId: string) => Promise<CaseBrief | undefined>;
  /** Everyone a partner may be chosen among, with their unit if known. */
  people: (municipality: MunicipalityId) => Promise<{ userId: string; name: string; unit?: string }[]>;
  /** A person's e-mail / user principal name from the people import, for the Teams meeting's attendees. */
  emailOf: (municipality: MunicipalityId, userId: string) => Promise<string | undefined>;
  /** Tells a person proactively. */
  notify: (municipality: MunicipalityId, userId: string, notice: WorkNotice) => Promise<void>;
  now?: () => Date;
}

/** The case's work as its coordinator (or KE) sees it. */
export interface CaseWorkView {
  brief: CaseBrief;
  partners: Partner[];
  /** Planned meetings to come, and those held or due a referat, newest first after the upcoming ones. */
  meetings: Meeting[];
  tasks: Task[];
}

/** What a meeting card shows, and what its viewer may do with it. */
export interface MeetingView {
  meeting: Meeting;
  brief: CaseBrief;
  partners: Partner[];
  tasks: Task[];
  manages: boolean;
  writesReferat: boolean;
  /** The internal participants' e-mail addresses, for the Teams meeting (the coordinator's view only). */
  attendees: string[];
}

export interface TaskView {
  task: Task;
  brief: CaseBrief;
  partners: Partner[];
  manages: boolean;
  owns: boolean;
}

/** A case card's line about the work: the next meeting and the open and overdue tasks. */
export interface WorkSummary {
  nextMeeting?: Meeting;
  openTasks: number;
  overdueTasks: number;
  partners: number;
  externalPartners: ExternalPartner[];
}

const refusalError = (reason: WorkRefusal, params: Record<string, string> = {}) =>
  reason === 'notAllowed'
    ? new NotAllowedError('not allowed by the work rules')
    : reason === 'stale' || reason === 'meetingCancelled' || reason === 'meetingOver' || reason === 'taskClosed' || reason === 'caseClosed'
      ? new ConflictError(`refused: ${reason}`, { userMessage: { key: `work.refused.${reason}`, params } })
      : new InputError(`refused: ${reason}`, { key: `work.refused.${reason}`, params });

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw refusalError(result.reason);
  return result.value;
}

/**
 * The work between the start and the close of a plan: the case's partners (`partners`), its meetings
 * and their referat (`meetings`) and the tasks shared out (`tasks`) — three containers this service
 * alone reads and writes. Access follows the case: its coordinator and KE manage; an internal partner
 * sees the meetings they are invited to, their referat and their own tasks, never the report's need
 * or the case's history. Every read is audited.
 */
export class CoordinationService implements CaseEventSink {
  readonly now: () => Date;

  constructor(private readonly deps: CoordinationDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  // ── partners ────────────────────────────────────────────────────────────────

  /** The case's work, for its coordinator and KE; the read is audited. */
  async work(actor: Actor, caseId: string): Promise<CaseWorkView> {
    const brief = await this.managed(actor, caseId, { open: false });
    const [partners, meetings, tasks] = await Promise.all([
      this.partners(actor.municipality, caseId),
      this.meetingsOf(actor.municipality, caseId),
      this.tasksOf(actor.municipality, caseId),
    ]);
    await this.audit(actor, 'work.read', brief);
    const now = this.now().toISOString();
    const upcoming = meetings.filter((m) => m.endsAt > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const past = meetings.filter((m) => m.endsAt <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    return { brief, partners, meetings: [...upcoming, ...past], tasks: tasks.filter((t) => t.state === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn)) };
  }

  async addInternal(actor: Actor, caseId: string, input: { userId: string; role: string }): Promise<InternalPartner> {
    const brief = await this.managed(actor, caseId);
    const person = (await this.deps.people(actor.municipality)).find((p) => p.userId === input.userId);
    if (!person) throw refusalError('participantGone');
    if (person.userId === brief.coordinator?.userId) throw new InputError('the coordinator is no partner', { key: 'work.refused.partnerIsCoordinator' });
    const partners = await this.partners(actor.municipality, caseId);
    if (duplicateOf(partners, { kind: 'internal', userId: person.userId })) throw refusalError('duplicatePartner', { name: person.name });
    const partner: InternalPartner = {
      id: `partner-${randomUUID()}`,
      caseId,
      municipality: actor.municipality,
      kind: 'internal',
      userId: person.userId,
      name: person.name,
      ...(person.unit ? { unit: person.unit } : {}),
      role: input.role.trim(),
      addedBy: actor.userId,
      addedAt: this.now().toISOString(),
    };
    await this.deps.store.create('partners', actor.municipality, partner.id, partner);
    await this.audit(actor, 'work.partner.add', brief);
    await this.deps.notify(actor.municipality, partner.userId, { kind: 'partnerAdded', brief, role: partner.role });
    return partner;
  }

  async addExternal(actor: Actor, caseId: string, input: { organisation: string; role: string; phone?: string; email?: string }): Promise<ExternalPartner> {
    const brief = await this.managed(actor, caseId);
    const partners = await this.partners(actor.municipality, caseId);
    const organisation = input.organisation.trim();
    const role = input.role.trim();
    if (duplicateOf(partners, { kind: 'external', organisation, role })) throw refusalError('duplicatePartner', { name: organisation });
    const partner: ExternalPartner = {
      id: `partner-${randomUUID()}`,
      caseId,
      municipality: actor.municipality,
      kind: 'external',
      organisation,
      role,
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.email ? { email: input.email } : {}),
      addedBy: actor.userId,
      addedAt: this.now().toISOString(),
    };
    await this.deps.store.create('partners', actor.municipality, partner.id, partner);
    await this.audit(actor, 'work.partner.add', brief);
    return partner;
  }

  /** Removes a partner who owns no open task (those are handed to someone else first); they leave the meetings still to come. */
  async removePartner(actor: Actor, caseId: string, partnerId: string): Promise<Partner> {
    const brief = await this.managed(actor, caseId);
    const doc = await this.deps.store.get<Partner>('partners', actor.municipality, partnerId);
    if (!doc || doc.data.caseId !== caseId) throw refusalError('participantGone');
    const refusal = removalRefusal(doc.data, await this.tasksOf(actor.municipality, caseId));
    if (refusal) throw refusalError(refusal, { name: partnerName(doc.data) });
    const now = this.now().toISOString();
    for (const meeting of await this.meetingsOf(actor.municipality, caseId)) {
      if (meeting.startsAt <= now || !meeting.participants.includes(partnerId)) continue;
      await this.updateMeeting(actor.municipality, meeting.id, (m) => ({
        ok: true,
        value: { ...m, participants: m.participants.filter((id) => id !== partnerId), version: m.version + 1, updatedAt: now },
      }));
    }
    await this.deps.store.delete('partners', actor.municipality, partnerId);
    await this.audit(actor, 'work.partner.remove', brief);
    return doc.data;
  }

  // ── meetings ────────────────────────────────────────────────────────────────

  /** Plans a meeting, or a møteplan (`series`: every N weeks or months until a date); the participants are invited. */
  async planMeeting(
    actor: Actor,
    caseId: string,
    input: MeetingInput,
    series?: { every: { weeks: number } | { months: number }; until: string },
  ): Promise<Meeting[]> {
    const brief = await this.managed(actor, caseId);
    const partners = await this.partners(actor.municipality, caseId);
    const dates = series ? unwrap(seriesDates(input.date, series.every, series.until)) : [input.date];
    const seriesId = series ? `series-${randomUUID()}` : undefined;
    const meetings = dates.map((date) =>
      unwrap(
        planMeeting(
          { ...input, date },
          {
            id: `meeting-${randomUUID()}`,
            caseId,
            reference: brief.reference,
            municipality: actor.municipality,
            partners,
            by: actor.userId,
            ...(seriesId ? { seriesId } : {}),
          },
          this.now(),
        ),
      ),
    );
    for (const meeting of meetings) {
      await this.deps.store.create('meetings', actor.municipality, meeting.id, meeting);
      await this.syncMeeting(brief, meeting, partners);
    }
    await this.audit(actor, 'work.meeting.plan', brief, { meetings: meetings.length });
    // Each participant is invited to the first meeting; the rest of a møteplan shows in «mine møter» and is reminded the day before.
    await this.tellParticipants(actor, meetings[0]!, brief, partners, 'meetingInvite');
    return meetings;
  }

  async changeMeeting(actor: Actor, meetingId: string, input: MeetingInput, version: number): Promise<Meeting> {
    const { brief, meeting: before } = await this.managedMeeting(actor, meetingId);
    const partners = await this.partners(actor.municipality, brief.id);
    const meeting = await this.updateMeeting(actor.municipality, meetingId, (m) => changeMeeting(m, input, partners, version, this.now()));
    await this.syncMeeting(brief, meeting, partners);
    await this.audit(actor, 'work.meeting.change', brief);
    const moved = meeting.startsAt !== before.startsAt || meeting.endsAt !== before.endsAt || meeting.place !== before.place;
    const newlyInvited = meeting.participants.filter((id) => !before.participants.includes(id));
    for (const partner of partners) {
      if (partner.kind !== 'internal' || partner.userId === actor.userId || !meeting.participants.includes(partner.id)) continue;
      const kind = newlyInvited.includes(partner.id) ? 'meetingInvite' : moved ? 'meetingMoved' : undefined;
      if (kind) await this.deps.notify(actor.municipality, partner.userId, { kind, meeting, brief, partners });
    }
    return meeting;
  }

  async cancelMeeting(actor: Actor, meetingId: string, version: number): Promise<Meeting> {
    const { brief } = await this.managedMeeting(actor, meetingId);
    const partners = await this.partners(actor.municipality, brief.id);
    const meeting = await this.updateMeeting(actor.municipality, meetingId, (m) => cancelMeeting(m, version, this.now()));
    await this.syncMeeting(brief, meeting, partners);
    await this.audit(actor, 'work.meeting.cancel', brief);
    await this.tellParticipants(actor, meeting, brief, partners, 'meetingCancelled');
    return meeting;
  }

  /** «Kan ikke komme»: the coordinator is told; the participant's reminder goes. */
  async declineMeeting(actor: Actor, meetingId: string): Promise<MeetingView> {
    const meeting = await this.meetingDoc(actor.municipality, meetingId);
    const brief = await this.caseOf(actor.municipality, meeting.caseId);
    const partners = await this.partners(actor.municipality, brief.id);
    const partner = partnerOf(partners, actor.userId);
    const before = meeting.declined.length;
    const updated = await this.updateMeeting(actor.municipality, meetingId, (m) => declineMeeting(m, partner, this.now()));
    if (updated.declined.length > before) {
      await this.syncMeeting(brief, updated, partners);
      await this.audit(actor, 'work.meeting.decline', brief);
      if (brief.coordinator && brief.coordinator.userId !== actor.userId)
        await this.deps.notify(actor.municipality, brief.coordinator.userId, { kind: 'meetingDeclined', meeting: updated, name: partner!.name });
    }
    return this.viewOf(actor, updated, brief, partners);
  }

  /** A meeting as its viewer may see it (the coordinator, KE, an invited internal partner); audited. */
  async meeting(actor: Actor, meetingId: string): Promise<MeetingView> {
    const meeting = await this.meetingDoc(actor.municipality, meetingId);
    const brief = await this.caseOf(actor.municipality, meeting.caseId);
    const partners = await this.partners(actor.municipality, brief.id);
    if (!mayViewMeeting(brief, meeting, partners, actor)) throw new NotFoundError(`meeting ${meetingId} hidden from ${actor.userId}`);
    await this.audit(actor, 'work.meeting.read', brief);
    return this.viewOf(actor, meeting, brief, partners);
  }

  /**
   * The referat (the coordinator, KE or the named referent), with the tasks it gives: the internal
   * participants get it, and each internal task owner their task.
   */
  async recordReferat(actor: Actor, meetingId: string, input: ReferatInput, version: number): Promise<MeetingView> {
    const current = await this.meetingDoc(actor.municipality, meetingId);
    const brief = await this.caseOf(actor.municipality, current.caseId);
    if (!mayWriteReferat(brief, current, actor)) throw new NotAllowedError('not the coordinator or the referent');
    if (!isWorking(brief)) throw refusalError('caseClosed');
    const partners = await this.partners(actor.municipality, brief.id);
    const meeting = await this.updateMeeting(actor.municipality, meetingId, (m) => recordReferat(m, input, partners, actor.userId, version, this.now()));
    const tasks = input.tasks.map((task) =>
      newTask(
        task,
        {
          // Stable per referat version and row: a resent submit makes no second task.
          id: `task-${meeting.id.slice(8)}-${meeting.version}-${input.tasks.indexOf(task)}`,
          caseId: brief.id,
          reference: brief.reference,
          municipality: actor.municipality,
          meetingId: meeting.id,
          ...optional('ownerUserId', ownerUserId(task.owner, partners, brief.coordinator?.userId)),
          by: actor.userId,
        },
        this.now(),
      ),
    );
    for (const task of tasks) await this.storeNewTask(actor, task, brief);
    await this.syncMeeting(brief, meeting, partners);
    await this.audit(actor, 'work.referat.record', brief, { tasks: tasks.length });
    await this.tellParticipants(actor, meeting, brief, partners, 'referatShared');
    return this.viewOf(actor, meeting, brief, partners);
  }

  /** The coordinator has put the referat in the municipality's journal system (audited). */
  async journalise(actor: Actor, meetingId: string): Promise<MeetingView> {
    const { brief } = await this.managedMeeting(actor, meetingId, { open: false });
    const meeting = await this.updateMeeting(actor.municipality, meetingId, (m) => journalise(m, actor.userId, this.now()));
    await this.audit(actor, 'work.referat.journalised', brief);
    return this.viewOf(actor, meeting, brief, await this.partners(actor.municipality, brief.id));
  }

  /** «Mine møter»: the meetings to come of the cases a person coordinates or is an internal partner in. */
  async myMeetings(actor: Actor, coordinating: readonly string[]): Promise<Meeting[]> {
    const mine = await this.deps.store.list<Partner>('partners', actor.municipality, { where: [{ field: 'userId', op: '=', value: actor.userId }] });
    const partnerIds = new Set(mine.map((doc) => doc.id));
    const caseIds = [...new Set([...coordinating, ...mine.map((doc) => doc.data.caseId)])];
    const now = this.now().toISOString();
    const meetings = (await Promise.all(caseIds.map((caseId) => this.meetingsOf(actor.municipality, caseId, now)))).flat();
    return meetings
      .filter((m) => m.state === 'planned' && (coordinating.includes(m.caseId) || m.participants.some((id) => partnerIds.has(id))))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  // ── tasks ───────────────────────────────────────────────────────────────────

  /** A task given outside a meeting, from the case's work card. */
  async addTask(actor: Actor, caseId: string, input: TaskInput): Promise<Task> {
    const brief = await this.managed(actor, caseId);
    const partners = await this.partners(actor.municipality, caseId);
    const refusal = taskRefusal(input, undefined, partners, this.now());
    if (refusal) throw refusalError(refusal);
    const task = newTask(
      input,
      {
        id: `task-${randomUUID()}`,
        caseId,
        reference: brief.reference,
        municipality: actor.municipality,
        ...optional('ownerUserId', ownerUserId(input.owner, partners, brief.coordinator?.userId)),
        by: actor.userId,
      },
      this.now(),
    );
    await this.storeNewTask(actor, task, brief);
    await this.audit(actor, 'work.task.add', brief);
    return task;
  }

  async task(actor: Actor, taskId: string): Promise<TaskView> {
    const task = await this.taskDoc(actor.municipality, taskId);
    const brief = await this.caseOf(actor.municipality, task.caseId);
    if (!mayActOnTask(brief, task, actor)) throw new NotFoundError(`task ${taskId} hidden from ${actor.userId}`);
    await this.audit(actor, 'work.task.read', brief);
    return this.taskView(actor, task, brief);
  }

  /** «Ferdig»: two clicks record one completion; the coordinator is told once. */
  async completeTask(actor: Actor, taskId: string): Promise<TaskView & { changed: boolean }> {
    let changed = false;
    const { task, brief } = await this.changeTask(actor, taskId, (t) => {
      const result = completeTask(t, actor.userId, this.now());
      if (!result.ok) return result;
      changed = result.value.changed;
      return { ok: true, value: result.value.task };
    });
    if (changed) {
      await this.audit(actor, 'work.task.done', brief);
      if (brief.coordinator && brief.coordinator.userId !== actor.userId)
        await this.deps.notify(actor.municipality, brief.coordinator.userId, { kind: 'taskDone', task, name: actor.name ?? actor.userId });
    }
    return { ...(await this.taskView(actor, task, brief)), changed };
  }

  async postponeTask(actor: Actor, taskId: string, days = 7): Promise<TaskView> {
    const { task, brief } = await this.changeTask(actor, taskId, (t) => postponeTask(t, days, this.now()));
    await this.audit(actor, 'work.task.postpone', brief);
    return this.taskView(actor, task, brief);
  }

  /** «Kan ikke – gi beskjed til koordinator»: the task goes back to the coordinator, who is told. */
  async handBackTask(actor: Actor, taskId: string, note?: string): Promise<TaskView> {
    const { task, brief } = await this.changeTask(actor, taskId, (t, b) => handBackTask(t, note, b.coordinator?.userId, this.now()));
    await this.audit(actor, 'work.task.handBack', brief);
    if (brief.coordinator && brief.coordinator.userId !== actor.userId)
      await this.deps.notify(actor.municipality, brief.coordinator.userId, { kind: 'taskHandedBack', task, name: actor.name ?? actor.userId });
    return this.taskView(actor, task, brief);
  }

  /** «Mine oppgaver»: a person's open tasks across cases, the earliest deadline first (one indexed query). */
  async myTasks(actor: Actor, limit = 50): Promise<Task[]> {
    const docs = await this.deps.store.list<Task>('tasks', actor.municipality, {
      where: [
        { field: 'ownerUserId', op: '=', value: actor.userId },
        { field: 'state', op: '=', value: 'open' },
      ],
      orderBy: { field: 'dueOn', direction: 'asc' },
      limit,
    });
    return docs.map((doc) => doc.data);
  }

  /** What the case card says of the work; nothing is disclosed beyond counts and a time, so nothing is audited. */
  async summary(municipality: MunicipalityId, caseId: string): Promise<WorkSummary> {
    const now = this.now();
    const [partners, meetings, tasks] = await Promise.all([
      this.partners(municipality, caseId),
      this.meetingsOf(municipality, caseId, now.toISOString()),
      this.tasksOf(municipality, caseId),
    ]);
    const open = tasks.filter((t) => t.state === 'open');
    return {
      ...optional('nextMeeting', meetings.filter((m) => m.state === 'planned').sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]),
      openTasks: open.length,
      overdueTasks: open.filter((t) => isOverdue(t, now)).length,
      partners: partners.length,
      externalPartners: partners.filter((p): p is ExternalPartner => p.kind === 'external'),
    };
  }

  /** Open tasks past their deadline, counted per case (KE's overview: counts only, no task is read out). */
  async overdueByCase(municipality: MunicipalityId): Promise<Map<string, number>> {
    const docs = await this.deps.store.list<Task>('tasks', municipality, {
      where: [
        { field: 'state', op: '=', value: 'open' },
        { field: 'dueOn', op: '<', value: osloDate(this.now()) },
      ],
    });
    const counts = new Map<string, number>();
    for (const { data } of docs) counts.set(data.caseId, (counts.get(data.caseId) ?? 0) + 1);
    return counts;
  }

  // ── the case's own changes ──────────────────────────────────────────────────

  /**
   * A new coordinator: the partners are told, and the tasks the coordinator held follow the case.
   * A closed case: the partners are told (the closing checklist's «informer samarbeidspartnerne»),
   * open tasks are cancelled and their owners told, and the meetings to come are cancelled.
   */
  async handle(municipality: MunicipalityId, c: Case, events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'coordinatorChanged' && event.type !== 'caseClosed') continue;
      const brief = await this.caseOf(municipality, c.id);
      const partners = await this.partners(municipality, c.id);
      const tasks = (await this.tasksOf(municipality, c.id)).filter((t) => t.state === 'open');
      if (event.type === 'coordinatorChanged') {
        for (const task of tasks.filter((t) => t.owner.kind === 'coordinator' || t.ownerUserId === event.from)) {
          if (task.owner.kind === 'partner') continue;
          const moved = await this.putTask(municipality, task.id, (t) => ({
            ok: true,
            value: { ...t, ownerUserId: event.to, updatedAt: this.now().toISOString() },
          }));
          await this.deps.schedule.syncTask(municipality, moved, event.to);
        }
        for (const task of tasks.filter((t) => t.owner.kind !== 'coordinator' && !t.ownerUserId))
          await this.deps.schedule.syncTask(municipality, task, event.to);
        for (const partner of partners)
          if (partner.kind === 'internal') await this.deps.notify(municipality, partner.userId, { kind: 'coordinatorChanged', brief });
        continue;
      }
      const owners = new Map<string, number>();
      for (const task of tasks) {
        const cancelled = await this.putTask(municipality, task.id, (t) => ({ ok: true, value: cancelTask(t, this.now()) }));
        await this.deps.schedule.syncTask(municipality, cancelled, undefined);
        if (task.ownerUserId && task.ownerUserId !== brief.coordinator?.userId) owners.set(task.ownerUserId, (owners.get(task.ownerUserId) ?? 0) + 1);
      }
      const now = this.now().toISOString();
      for (const meeting of await this.meetingsOf(municipality, c.id, now)) {
        if (meeting.state !== 'planned' || meeting.startsAt <= now) continue;
        const cancelled = await this.updateMeeting(municipality, meeting.id, (m) => ({
          ok: true,
          value: { ...m, state: 'cancelled', version: m.version + 1, updatedAt: now },
        }));
        await this.syncMeeting(brief, cancelled, partners);
      }
      for (const partner of partners) if (partner.kind === 'internal') await this.deps.notify(municipality, partner.userId, { kind: 'caseClosed', brief });
      for (const [userId, count] of owners) await this.deps.notify(municipality, userId, { kind: 'tasksCancelled', reference: brief.reference, count });
    }
  }

  // ── data care ───────────────────────────────────────────────────────────────

  /** Everything stored of a case's work (an access request). Auditing is the caller's. */
  async ofCase(municipality: MunicipalityId, caseId: string): Promise<{ partners: Partner[]; meetings: Meeting[]; tasks: Task[] }> {
    const [partners, meetings, tasks] = await Promise.all([
      this.partners(municipality, caseId),
      this.meetingsOf(municipality, caseId),
      this.tasksOf(municipality, caseId),
    ]);
    return { partners, meetings, tasks };
  }

  /** An erased case: its partners, meetings and tasks go too. */
  async eraseCase(municipality: MunicipalityId, caseId: string): Promise<void> {
    const { partners, meetings, tasks } = await this.ofCase(municipality, caseId);
    await this.deps.store.writeAll([
      ...partners.map((p) => ({ container: 'partners' as const, partition: municipality, id: p.id })),
      ...meetings.map((m) => ({ container: 'meetings' as const, partition: municipality, id: m.id })),
      ...tasks.map((t) => ({ container: 'tasks' as const, partition: municipality, id: t.id })),
    ]);
  }

  /** The retention rule: the free text of a closed case's work (agenda, agreed points, tasks, roles, notes) is removed with the resident's details. */
  async anonymiseCase(municipality: MunicipalityId, caseId: string): Promise<void> {
    const { partners, meetings, tasks } = await this.ofCase(municipality, caseId);
    await this.deps.store.writeAll([
      ...partners.map((p) => ({
        container: 'partners' as const,
        partition: municipality,
        id: p.id,
        data: p.kind === 'internal' ? { ...p, role: '' } : { ...p, role: '', phone: undefined, email: undefined },
      })),
      ...meetings.map((m) => ({
        container: 'meetings' as const,
        partition: municipality,
        id: m.id,
        data: { ...m, agenda: undefined, place: undefined, referat: m.referat ? { ...m.referat, agreed: [] } : undefined },
      })),
      ...tasks.map((t) => ({ container: 'tasks' as const, partition: municipality, id: t.id, data: { ...t, what: '', handedBackNote: undefined } })),
    ]);
  }

  // ── inside ──────────────────────────────────────────────────────────────────

  private async caseOf(municipality: MunicipalityId, caseId: string): Promise<CaseBrief> {
    const brief = await this.deps.brief(municipality, caseId);
    if (!brief) throw new NotFoundError(`case ${caseId}`);
    return brief;
  }

  /** The case, if the actor manages its work (and, unless said otherwise, the work can still change). */
  private async managed(actor: Actor, caseId: string, options: { open?: boolean } = {}): Promise<CaseBrief> {
    const brief = await this.caseOf(actor.municipality, caseId);
    if (!mayManage(brief, actor)) throw new NotFoundError(`case ${caseId} work hidden from ${actor.userId}`);
    if ((options.open ?? true) && !isWorking(brief)) throw refusalError('caseClosed');
    return brief;
  }

  private async managedMeeting(actor: Actor, meetingId: string, options: { open?: boolean } = {}): Promise<{ brief: CaseBrief; meeting: Meeting }> {
    const meeting = await this.meetingDoc(actor.municipality, meetingId);
    return { meeting, brief: await this.managed(actor, meeting.caseId, options) };
  }

  private async viewOf(actor: Actor, meeting: Meeting, brief: CaseBrief, partners: Partner[]): Promise<MeetingView> {
    const manages = mayManage(brief, actor);
    const [tasks, attendees] = await Promise.all([
      this.deps.store.list<Task>('tasks', actor.municipality, { where: [{ field: 'caseId', op: '=', value: brief.id }] }),
      manages ? this.attendees(actor.municipality, meeting, partners) : Promise.resolve([]),
    ]);
    const own = (task: Task) => manages || task.ownerUserId === actor.userId;
    return {
      meeting,
      brief,
      partners,
      // A partner sees the tasks of the meeting that are theirs; the coordinator all of them.
      tasks: tasks.map((doc) => doc.data).filter((task) => task.meetingId === meeting.id && own(task)),
      manages,
      writesReferat: mayWriteReferat(brief, meeting, actor) && isWorking(brief),
      attendees,
    };
  }

  private async attendees(municipality: MunicipalityId, meeting: Meeting, partners: readonly Partner[]): Promise<string[]> {
    const invited = partners.filter((p): p is InternalPartner => p.kind === 'internal' && meeting.participants.includes(p.id));
    const emails = await Promise.all(invited.map((p) => this.deps.emailOf(municipality, p.userId)));
    return emails.filter((email): email is string => Boolean(email));
  }

  private async taskView(actor: Actor, task: Task, brief: CaseBrief): Promise<TaskView> {
    return {
      task,
      brief,
      partners: await this.partners(actor.municipality, brief.id),
      manages: mayManage(brief, actor),
      owns: task.ownerUserId === actor.userId,
    };
  }

  private async partners(municipality: MunicipalityId, caseId: string): Promise<Partner[]> {
    const docs = await this.deps.store.list<Partner>('partners', municipality, { where: [{ field: 'caseId', op: '=', value: caseId }] });
    return docs.map((doc) => doc.data).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  /** A case's meetings; with `endingAfter`, only those that have not ended by then (plus any still without a referat). */
  private async meetingsOf(municipality: MunicipalityId, caseId: string, startingAfter?: string): Promise<Meeting[]> {
    const docs = await this.deps.store.list<Meeting>('meetings', municipality, {
      where: [{ field: 'caseId', op: '=', value: caseId }, ...(startingAfter ? [{ field: 'startsAt', op: '>' as const, value: startingAfter }] : [])],
      orderBy: { field: 'startsAt', direction: 'asc' },
    });
    return docs.map((doc) => doc.data);
  }

  private async tasksOf(municipality: MunicipalityId, caseId: string): Promise<Task[]> {
    return (await this.deps.store.list<Task>('tasks', municipality, { where: [{ field: 'caseId', op: '=', value: caseId }] })).map((doc) => doc.data);
  }

  private async meetingDoc(municipality: MunicipalityId, meetingId: string): Promise<Meeting> {
    const doc = await this.deps.store.get<Meeting>('meetings', municipality, meetingId);
    if (!doc) throw new NotFoundError(`meeting ${meetingId}`);
    return doc.data;
  }

  private async taskDoc(municipality: MunicipalityId, taskId: string): Promise<Task> {
    const doc = await this.deps.store.get<Task>('tasks', municipality, taskId);
    if (!doc) throw new NotFoundError(`task ${taskId}`);
    return doc.data;
  }

  /** A rule applied to the stored meeting with a conditional write: a refusal is the user's message, a lost race is tried again. */
  private async updateMeeting(municipality: MunicipalityId, meetingId: string, rule: (meeting: Meeting) => Result<Meeting>): Promise<Meeting> {
    const doc = await updateDocument<Meeting>(this.deps.store, 'meetings', municipality, meetingId, (current) => {
      if (!current) throw new NotFoundError(`meeting ${meetingId}`);
      const next = unwrap(rule(current));
      return next === current ? undefined : next;
    });
    return doc!.data;
  }

  private async putTask(municipality: MunicipalityId, taskId: string, rule: (task: Task) => Result<Task>): Promise<Task> {
    const doc: Versioned<Task> | undefined = await updateDocument<Task>(this.deps.store, 'tasks', municipality, taskId, (current) => {
      if (!current) throw new NotFoundError(`task ${taskId}`);
      const next = unwrap(rule(current));
      return next === current ? undefined : next;
    });
    return doc!.data;
  }

  private async changeTask(actor: Actor, taskId: string, rule: (task: Task, brief: CaseBrief) => Result<Task>): Promise<{ task: Task; brief: CaseBrief }> {
    const current = await this.taskDoc(actor.municipality, taskId);
    const brief = await this.caseOf(actor.municipality, current.caseId);
    if (!mayActOnTask(brief, current, actor)) throw new NotFoundError(`task ${taskId} hidden from ${actor.userId}`);
    const task = await this.putTask(actor.municipality, taskId, (t) => rule(t, brief));
    await this.deps.schedule.syncTask(actor.municipality, task, brief.coordinator?.userId);
    return { task, brief };
  }

  private async storeNewTask(actor: Actor, task: Task, brief: CaseBrief): Promise<void> {
    try {
      await this.deps.store.create('tasks', actor.municipality, task.id, task);
    } catch (error) {
      if (error instanceof ConflictError) return; // the same referat submitted twice
      throw error;
    }
    await this.deps.schedule.syncTask(actor.municipality, task, brief.coordinator?.userId);
    if (task.ownerUserId && task.ownerUserId !== actor.userId)
      await this.deps.notify(actor.municipality, task.ownerUserId, { kind: 'taskAssigned', task, brief });
  }

  private async syncMeeting(brief: CaseBrief, meeting: Meeting, partners: readonly Partner[]): Promise<void> {
    const participants = partners
      .filter((p): p is InternalPartner => p.kind === 'internal' && meeting.participants.includes(p.id) && !meeting.declined.includes(p.userId))
      .map((p) => p.userId);
    await this.deps.schedule.syncMeeting(
      brief.municipality,
      { ...meeting, hasReferat: meeting.referat !== undefined },
      { participants, ...optional('coordinator', brief.coordinator?.userId) },
    );
  }

  private async tellParticipants(
    actor: Actor,
    meeting: Meeting,
    brief: CaseBrief,
    partners: Partner[],
    kind: 'meetingInvite' | 'meetingCancelled' | 'referatShared',
  ): Promise<void> {
    for (const partner of partners) {
      if (partner.kind !== 'internal' || partner.userId === actor.userId || !meeting.participants.includes(partner.id)) continue;
      if (kind === 'meetingInvite' && meeting.declined.includes(partner.userId)) continue;
      await this.deps.notify(actor.municipality, partner.userId, { kind, meeting, brief, partners });
    }
  }

  private async audit(actor: Actor, action: string, brief: CaseBrief, details?: Record<string, string | number>): Promise<void> {
    await this.deps.audit.record(actor.municipality, { actor: actor.userId, action, target: `case/${brief.reference}`, ...(details ? { details } : {}) });
  }
}

export function partnerName(partner: Partner): string {
  return partner.kind === 'internal' ? partner.name : partner.organisation;
}

/** `{ [key]: value }` when there is a value, `{}` when not (exactOptionalPropertyTypes-friendly spreads). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
