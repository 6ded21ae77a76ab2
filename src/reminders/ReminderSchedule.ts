import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Case } from '../cases/Case.js';
import type { CaseEventSink } from '../cases/CaseService.js';
import type { CaseEvent } from '../cases/transitions.js';
import { ConflictError } from '../errors.js';
import type { Municipalities } from '../municipalities/Municipalities.js';
import type { Roles } from '../roles/Roles.js';
import { replaceIfUnchanged } from '../store/updateDocument.js';
import type { Store, Versioned, WriteOp } from '../store/Store.js';
import { defaultReminderSettings, reminderSettingsSchema, type ReminderSettings } from './ReminderSettings.js';
import {
  caseReminders,
  competenceReviewReminder,
  courseReminders,
  meetingReminders,
  refresherReminder,
  taskReminders,
  type MeetingSlot,
  type TaskSlot,
  trainingReminders,
  type CourseSessions,
  type ScheduledReminder,
} from './rules.js';

export type ReminderStatus = 'pending' | 'sending' | 'sent' | 'done';

export interface StoredReminder extends ScheduledReminder {
  status: ReminderStatus;
  attempts: number;
  claimedBy?: string;
  claimedAt?: string;
  /** Recipients who have it already: a retry after a partial failure skips them. */
  deliveredTo: string[];
  sentAt?: string;
}

/** A claim older than this is taken to be from an instance that died between claim and send. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** How many due reminders one query returns. */
export const REMINDER_BATCH = 500;

/** Where the last repair got to: cases changed after it are looked at next. */
interface RepairMark {
  checkedUpTo: string;
}
const REPAIR_MARK = 'reminders-repaired';
/** A turn writes a case's reminders within moments of the case; the repair leaves cases this recent to it. */
export const REPAIR_GRACE_MS = 2 * 60_000;

/**
 * The reminders of each municipality as stored documents, one per due item (id = its stable key).
 * Case changes keep them in step with the rules; the sweep reads what is due with an indexed query
 * and claims each item with a conditional write, so many instances send each reminder once.
 */
export class ReminderSchedule implements CaseEventSink {
  constructor(
    private readonly deps: {
      store: Store;
      roles: Roles;
      municipalities: Municipalities;
      /** The open cases of a municipality, from the case service (the only one that reads cases). */
      openCases: (municipality: MunicipalityId) => Promise<Case[]>;
      /** Cases changed at or after an instant (every case when undefined), from the case service. */
      changedCases: (municipality: MunicipalityId, since: string | undefined) => Promise<Case[]>;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The municipality's settings (part of its record), defaults where it has none. */
  async settings(municipality: MunicipalityId): Promise<ReminderSettings> {
    const parsed = reminderSettingsSchema.safeParse((await this.deps.municipalities.get(municipality))?.reminders ?? {});
    return parsed.success ? parsed.data : defaultReminderSettings;
  }

  /** New settings, and every open case's reminders moved to match them. */
  async saveSettings(municipality: MunicipalityId, settings: Partial<ReminderSettings>): Promise<ReminderSettings> {
    const merged = reminderSettingsSchema.parse({ ...(await this.settings(municipality)), ...settings });
    await this.deps.municipalities.update(municipality, (record) => ({ ...record, reminders: merged }));
    for (const c of await this.deps.openCases(municipality)) await this.syncCase(municipality, c, merged);
    return merged;
  }

  /** Every case change: bring the case's reminders in step; an appointment starts the training deadline. */
  async handle(municipality: MunicipalityId, c: Case, events: readonly CaseEvent[]): Promise<void> {
    await this.syncCase(municipality, c);
    for (const event of events) if (event.type === 'trainingDeadlineStarts') await this.startTraining(municipality, event.userId);
  }

  /**
   * Gives the cases changed since the last repair the reminders their state implies and lacks: what a
   * process that died between a case's write and its reminders' left out. Only adds (a turn may be
   * bringing the same case's reminders in step at this moment); looks at cases changed before
   * {@link REPAIR_GRACE_MS} ago, the rest on the next run. Returns how many reminders it added.
   */
  async repair(municipality: MunicipalityId): Promise<number> {
    const mark = await this.deps.store.get<RepairMark>('revisions', municipality, REPAIR_MARK);
    const upTo = new Date(this.now().getTime() - REPAIR_GRACE_MS).toISOString();
    const settings = await this.settings(municipality);
    const changed = (await this.deps.changedCases(municipality, mark?.data.checkedUpTo)).filter((c) => c.updatedAt < upTo);
    // Nothing changed since the mark: it stays, and this sweep writes nothing.
    if (changed.length === 0) return 0;
    let added = 0;
    for (const c of changed) {
      const existing = new Set((await this.ofCase(municipality, c.id)).map((doc) => doc.id));
      const missing = caseReminders(c, settings, this.now()).filter((reminder) => !existing.has(reminder.key));
      added += await this.createAll(municipality, missing);
    }
    // Another instance may have moved the mark on meanwhile: then its mark stands.
    await replaceIfUnchanged<RepairMark>(this.deps.store, 'revisions', municipality, REPAIR_MARK, mark, { checkedUpTo: upTo });
    return added;
  }

  /** Creates reminders not yet stored; one another instance scheduled first is left as it is. Returns how many it created. */
  private async createAll(municipality: MunicipalityId, reminders: readonly ScheduledReminder[]): Promise<number> {
    let created = 0;
    for (const reminder of reminders) {
      try {
        await this.deps.store.create<StoredReminder>('reminders', municipality, reminder.key, { ...reminder, status: 'pending', attempts: 0, deliveredTo: [] });
        created++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return created;
  }

  /** `settings` when the caller has them already (a re-sync of every case). */
  async syncCase(municipality: MunicipalityId, c: Case, settings?: ReminderSettings): Promise<void> {
    const wanted = caseReminders(c, settings ?? (await this.settings(municipality)), this.now());
    const existing = await this.ofCase(municipality, c.id);
    const closed = c.state === 'closed' || c.state === 'declined';
    await this.reconcile(municipality, wanted, existing, closed);
  }

  /**
   * The reminders of cases new to the store (an import) and of training deadlines that start with
   * them, as writes for the caller's all-or-nothing batch: the same rules as for a case made in chat.
   */
  async importOps(municipality: MunicipalityId, cases: readonly Case[], trainingStarted: readonly { userId: string; startedAt: string }[]): Promise<WriteOp[]> {
    const settings = await this.settings(municipality);
    const now = this.now();
    const reminders = [
      ...cases.flatMap((c) => caseReminders(c, settings, now)),
      ...trainingStarted.flatMap(({ userId, startedAt }) => trainingReminders(userId, startedAt, settings)),
    ];
    return reminders.map((reminder) => ({
      container: 'reminders',
      partition: municipality,
      id: reminder.key,
      data: { ...reminder, status: 'pending', attempts: 0, deliveredTo: [] } satisfies StoredReminder,
      ifMatch: null,
    }));
  }

  /** Every reminder a case has, whatever its status. */
  async ofCase(municipality: MunicipalityId, caseId: string): Promise<Versioned<StoredReminder>[]> {
    return this.deps.store.list<StoredReminder>('reminders', municipality, { where: [{ field: 'caseId', op: '=', value: caseId }] });
  }

  /** For an erased case: its reminders go too, sent or not. */
  async dropCase(municipality: MunicipalityId, caseId: string): Promise<void> {
    for (const doc of await this.ofCase(municipality, caseId)) await this.deps.store.delete('reminders', municipality, doc.id);
  }

  /** A course's session reminders in step with it: new participants get theirs, those who left or a cancelled course lose theirs. */
  async syncCourse(municipality: MunicipalityId, course: CourseSessions): Promise<void> {
    const existing = await this.deps.store.list<StoredReminder>('reminders', municipality, { where: [{ field: 'courseId', op: '=', value: course.id }] });
    await this.reconcile(municipality, courseReminders(course, await this.settings(municipality), this.now()), existing, Boolean(course.cancelledAt));
  }

  /** A case meeting's reminders in step with it (participants, the møteplan's confirmation, the missing referat). */
  async syncMeeting(municipality: MunicipalityId, meeting: MeetingSlot, people: { participants: readonly string[]; coordinator?: string }): Promise<void> {
    const existing = await this.deps.store.list<StoredReminder>('reminders', municipality, { where: [{ field: 'meetingId', op: '=', value: meeting.id }] });
    const settings = await this.settings(municipality);
    await this.reconcile(municipality, meetingReminders(meeting, people, settings, this.now()), existing, meeting.state === 'cancelled');
  }

  /** A task's reminders in step with it: a done, cancelled or moved task loses those not yet sent. */
  async syncTask(municipality: MunicipalityId, task: TaskSlot, coordinator: string | undefined): Promise<void> {
    const existing = await this.deps.store.list<StoredReminder>('reminders', municipality, { where: [{ field: 'taskId', op: '=', value: task.id }] });
    await this.reconcile(municipality, taskReminders(task, coordinator, await this.settings(municipality)), existing, task.state !== 'open');
  }

  /** The leaders' reminder to review a coordinator's competence mapping, on its review date (one at a time). */
  async syncCompetenceReview(municipality: MunicipalityId, review: { userId: string; unit: string; nextReviewOn: string }): Promise<void> {
    const existing = (
      await this.deps.store.list<StoredReminder>('reminders', municipality, { where: [{ field: 'userId', op: '=', value: review.userId }] })
    ).filter((doc) => doc.data.kind === 'competenceReview');
    await this.reconcile(municipality, [competenceReviewReminder(review, await this.settings(municipality))], existing, false);
  }

  async startTraining(municipality: MunicipalityId, userId: string): Promise<void> {
    const startedAt = await this.deps.roles.startTraining(municipality, userId, this.now().toISOString());
    if (startedAt) await this.reconcile(municipality, trainingReminders(userId, startedAt, await this.settings(municipality)), [], false);
  }

  /** Koordinatorskolen done: the training reminders go, and the yearly refresher falls due a year on. */
  async completeTraining(municipality: MunicipalityId, userId: string, on: string): Promise<void> {
    await this.deps.roles.completeTraining(municipality, userId, on);
    await this.syncTraining(municipality, userId, on);
  }

  /** A refresher done: the next one falls due a year on. */
  async completeRefresher(municipality: MunicipalityId, userId: string, on: string): Promise<void> {
    await this.deps.roles.completeRefresher(municipality, userId, on);
    await this.syncTraining(municipality, userId, on);
  }

  /** After training or a refresher on `on`: no deadline reminders, one refresher reminder. */
  private async syncTraining(municipality: MunicipalityId, userId: string, on: string): Promise<void> {
    const existing = await this.deps.store.list<StoredReminder>('reminders', municipality, { where: [{ field: 'userId', op: '=', value: userId }] });
    await this.reconcile(
      municipality,
      [refresherReminder(userId, on)],
      existing.filter((doc) => doc.data.kind === 'training' || doc.data.kind === 'refresher'),
      false,
    );
  }

  /** Creates what is wanted and missing; removes what is no longer wanted and not yet sent (or everything, for a closed case). */
  private async reconcile(
    municipality: MunicipalityId,
    wanted: readonly ScheduledReminder[],
    existing: readonly Versioned<StoredReminder>[],
    dropAll: boolean,
  ): Promise<void> {
    const wantedKeys = new Set(wanted.map((reminder) => reminder.key));
    const existingByKey = new Map(existing.map((doc) => [doc.id, doc]));
    for (const reminder of wanted) {
      const current = existingByKey.get(reminder.key);
      if (current) {
        // New settings move what has not gone out yet (a snoozed item keeps the time its recipient chose).
        const snoozed = current.data.attempts > 0;
        if (current.data.status === 'pending' && !snoozed && current.data.dueAt !== reminder.dueAt) {
          await this.deps.store
            .put<StoredReminder>('reminders', municipality, current.id, { ...current.data, dueAt: reminder.dueAt }, current.etag)
            .catch((error: unknown) => {
              if (!(error instanceof ConflictError)) throw error;
            });
        }
        continue;
      }
      await this.createAll(municipality, [reminder]);
    }
    for (const doc of existing) {
      const stale = !wantedKeys.has(doc.id) && (doc.data.status === 'pending' || dropAll);
      if (stale)
        await this.deps.store.delete('reminders', municipality, doc.id).catch((error: unknown) => {
          if (!(error instanceof ConflictError)) throw error;
        });
    }
  }

  /** What is due now: pending items past their time, and claims whose instance seems to have died. */
  async due(municipality: MunicipalityId, now: Date, limit = REMINDER_BATCH): Promise<Versioned<StoredReminder>[]> {
    const at = now.toISOString();
    const [pending, abandoned] = await Promise.all([
      this.deps.store.list<StoredReminder>('reminders', municipality, {
        where: [
          { field: 'status', op: '=', value: 'pending' },
          { field: 'dueAt', op: '<=', value: at },
        ],
        orderBy: { field: 'dueAt', direction: 'asc' },
        limit,
      }),
      this.deps.store.list<StoredReminder>('reminders', municipality, {
        where: [
          { field: 'status', op: '=', value: 'sending' },
          { field: 'claimedAt', op: '<=', value: new Date(now.getTime() - CLAIM_LEASE_MS).toISOString() },
        ],
        limit,
      }),
    ]);
    return [...pending, ...abandoned];
  }

  /** A conditional write that only one instance wins; undefined for the others. */
  async claim(municipality: MunicipalityId, doc: Versioned<StoredReminder>, instanceId: string, now: Date): Promise<Versioned<StoredReminder> | undefined> {
    try {
      return await this.deps.store.put<StoredReminder>(
        'reminders',
        municipality,
        doc.id,
        { ...doc.data, status: 'sending', claimedBy: instanceId, claimedAt: now.toISOString(), attempts: doc.data.attempts + 1 },
        doc.etag,
      );
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  /** Records who got it; when everyone has, it is sent and never sent again — or, if it repeats, due again after its interval. */
  async delivered(municipality: MunicipalityId, claimed: Versioned<StoredReminder>, to: readonly string[], complete: boolean, now: Date): Promise<void> {
    const deliveredTo = [...new Set([...claimed.data.deliveredTo, ...to])];
    const repeat = claimed.data.repeatDays;
    const data: StoredReminder = !complete
      ? { ...claimed.data, deliveredTo }
      : repeat
        ? {
            ...claimed.data,
            deliveredTo: [],
            status: 'pending',
            sentAt: now.toISOString(),
            dueAt: new Date(Date.parse(claimed.data.dueAt) + repeat * 86_400_000).toISOString(),
            claimedBy: undefined,
            claimedAt: undefined,
          }
        : { ...claimed.data, deliveredTo, status: 'sent', sentAt: now.toISOString() };
    await this.deps.store.put<StoredReminder>('reminders', municipality, claimed.id, data, claimed.etag).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error; // the lease ran out and another instance took over
    });
  }

  async get(municipality: MunicipalityId, key: string): Promise<Versioned<StoredReminder> | undefined> {
    return this.deps.store.get<StoredReminder>('reminders', municipality, key);
  }

  /** «Utsett»: due again at `until`, for the same recipients. */
  async snooze(municipality: MunicipalityId, doc: Versioned<StoredReminder>, until: Date): Promise<StoredReminder> {
    const data: StoredReminder = { ...doc.data, status: 'pending', dueAt: until.toISOString(), deliveredTo: [], claimedBy: undefined, claimedAt: undefined };
    return (await this.deps.store.put<StoredReminder>('reminders', municipality, doc.id, data, doc.etag)).data;
  }

  async done(municipality: MunicipalityId, doc: Versioned<StoredReminder>): Promise<void> {
    await this.deps.store.put<StoredReminder>('reminders', municipality, doc.id, { ...doc.data, status: 'done' }, doc.etag);
  }
}
