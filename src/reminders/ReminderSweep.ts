import { randomUUID } from 'node:crypto';
import { pushTo } from '../collections.js';
import { reminderDigestCard, type ReminderView } from './cards.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Logger } from '../logger.js';
import type { ProactiveSender } from '../notifications/ProactiveSender.js';
import type { ConversationReferences } from '../conversation/ConversationReferences.js';
import type { Roles } from '../roles/Roles.js';
import type { Versioned } from '../store/Store.js';
import { REMINDER_BATCH, type ReminderSchedule, type StoredReminder } from './ReminderSchedule.js';
import { isWorkingTime } from './workingHours.js';

/** A sweep stops after this many batches; the next tick goes on. */
const MAX_BATCHES = 20;
const DRY_RUN_LIMIT = 10_000;

export interface SweepReport {
  municipality: MunicipalityId;
  workingTime: boolean;
  due: number;
  claimed: number;
  /** Cards sent (one digest per recipient). */
  sent: number;
  /** Reminders a crashed process left unscheduled, added by this sweep. */
  repaired: number;
  /** Who would get what; filled in a dry run. */
  plan: { userId: string; keys: string[] }[];
}

export interface ReminderSweepDeps {
  schedule: ReminderSchedule;
  roles: Roles;
  sender: ProactiveSender;
  references: ConversationReferences;
  /** The municipalities to sweep, asked each run (one onboarded since start-up is swept too). */
  municipalities: () => Promise<readonly MunicipalityId[]>;
  logger: Logger;
  /** Names this instance in claims, so a stuck claim can be traced. */
  instanceId?: string;
}

/**
 * Sends what is due, in working hours only, as one digest per recipient. Runs in every instance:
 * each due reminder is claimed with a conditional write first, so only one instance sends it; a
 * claim whose instance died is taken over after the lease (at-least-once, de-duplicated by key).
 */
export class ReminderSweep {
  private readonly instanceId: string;

  constructor(private readonly deps: ReminderSweepDeps) {
    this.instanceId = deps.instanceId ?? randomUUID();
  }

  async run(now = new Date(), options: { dryRun?: boolean } = {}): Promise<SweepReport[]> {
    const reports: SweepReport[] = [];
    for (const municipality of await this.deps.municipalities()) reports.push(await this.sweep(municipality, now, options.dryRun ?? false));
    return reports;
  }

  private async sweep(municipality: MunicipalityId, now: Date, dryRun: boolean): Promise<SweepReport> {
    const settings = await this.deps.schedule.settings(municipality);
    const report: SweepReport = { municipality, workingTime: isWorkingTime(now, settings), due: 0, claimed: 0, sent: 0, repaired: 0, plan: [] };
    if (!dryRun) {
      report.repaired = await this.deps.schedule.repair(municipality);
      if (report.repaired) this.deps.logger.warn({ municipality, repaired: report.repaired }, 'reminders a crashed process left out were scheduled');
    }
    if (!report.workingTime && !dryRun) return report;
    if (dryRun) {
      const due = await this.deps.schedule.due(municipality, now, DRY_RUN_LIMIT);
      report.due = due.length;
      report.plan = [...(await this.byRecipient(municipality, due))].map(([userId, docs]) => ({ userId, keys: docs.map((doc) => doc.id) }));
      return report;
    }
    // Batch after batch until what is due is done: claimed items leave the pending set.
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await this.deps.schedule.due(municipality, now);
      report.due += due.length;
      await this.deliver(municipality, due, settings.trainingMonths, now, report);
      if (due.length < REMINDER_BATCH) break;
    }
    if (report.claimed) this.deps.logger.info({ municipality, due: report.due, claimed: report.claimed, sent: report.sent }, 'reminders sent');
    return report;
  }

  private async deliver(
    municipality: MunicipalityId,
    due: readonly Versioned<StoredReminder>[],
    trainingMonths: number,
    now: Date,
    report: SweepReport,
  ): Promise<void> {
    const claimed: Versioned<StoredReminder>[] = [];
    for (const doc of due) {
      const mine = await this.deps.schedule.claim(municipality, doc, this.instanceId, now);
      if (mine) claimed.push(mine);
    }
    report.claimed += claimed.length;

    // What each reminder says is the same for every recipient: worked out once.
    const views = new Map(await Promise.all(claimed.map(async (doc) => [doc.id, await this.view(municipality, doc.data, trainingMonths)] as const)));
    const reached = new Map<string, string[]>();
    const failed = new Set<string>();
    for (const [userId, docs] of await this.byRecipient(municipality, claimed)) {
      const outcome = await this.deps.sender.send(municipality, userId, (t) =>
        reminderDigestCard(
          t,
          docs.map((doc) => views.get(doc.id)!),
        ),
      );
      if (outcome === 'sent') report.sent++;
      // Someone without a chat, or who blocked the bot, cannot be reached later either: count them as done.
      for (const doc of docs) {
        if (outcome === 'failed') failed.add(doc.id);
        else pushTo(reached, doc.id, userId);
      }
    }
    for (const doc of claimed) await this.deps.schedule.delivered(municipality, doc, reached.get(doc.id) ?? [], !failed.has(doc.id), now);
  }

  /** Who gets what: a KE or leader reminder reaches every current holder of that role, except those who have it. */
  private async byRecipient(municipality: MunicipalityId, docs: readonly Versioned<StoredReminder>[]): Promise<Map<string, Versioned<StoredReminder>[]>> {
    const byRecipient = new Map<string, Versioned<StoredReminder>[]>();
    const resolved = new Map<string, string[]>();
    for (const doc of docs) {
      const to = JSON.stringify(doc.data.to);
      if (!resolved.has(to)) resolved.set(to, await this.deps.roles.recipients(municipality, doc.data.to));
      for (const userId of resolved.get(to)!) {
        if (!doc.data.deliveredTo.includes(userId)) pushTo(byRecipient, userId, doc);
      }
    }
    return byRecipient;
  }

  private async view(municipality: MunicipalityId, reminder: StoredReminder, trainingMonths: number): Promise<ReminderView> {
    const personName =
      ((reminder.kind === 'training' && reminder.to.kind === 'ke') || reminder.kind === 'competenceReview') && reminder.userId
        ? (await this.deps.references.find(municipality, reminder.userId))?.user?.name
        : undefined;
    return { reminder, trainingMonths, ...(personName ? { personName } : {}) };
  }
}
