import { randomUUID } from 'node:crypto';
import { reminderDigestCard, type ReminderView } from '../cards/reminderCards.js';
import type { Municipality } from '../config.js';
import { translator } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import { recipientsOf } from '../notifications/ProactiveNotifier.js';
import type { ProactiveSender } from '../notifications/ProactiveSender.js';
import type { ConversationReferences } from '../notifications/ConversationReferences.js';
import type { Roles } from '../roles/Roles.js';
import type { Versioned } from '../store/Store.js';
import type { ReminderSchedule, StoredReminder } from './ReminderSchedule.js';
import { isWorkingTime } from './workingHours.js';

export interface SweepReport {
  municipality: Municipality;
  workingTime: boolean;
  due: number;
  claimed: number;
  /** Cards sent (one digest per recipient). */
  sent: number;
  /** Who would get what; filled in a dry run. */
  plan: { userId: string; keys: string[] }[];
}

export interface ReminderSweepDeps {
  schedule: ReminderSchedule;
  roles: Roles;
  sender: ProactiveSender;
  references: ConversationReferences;
  municipalities: readonly Municipality[];
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
    for (const municipality of this.deps.municipalities) reports.push(await this.sweep(municipality, now, options.dryRun ?? false));
    return reports;
  }

  private async sweep(municipality: Municipality, now: Date, dryRun: boolean): Promise<SweepReport> {
    const settings = await this.deps.schedule.settings(municipality);
    const report: SweepReport = { municipality, workingTime: isWorkingTime(now, settings), due: 0, claimed: 0, sent: 0, plan: [] };
    if (!report.workingTime && !dryRun) return report;
    const due = await this.deps.schedule.due(municipality, now);
    report.due = due.length;

    const claimed: Versioned<StoredReminder>[] = [];
    for (const doc of due) {
      const mine = dryRun ? doc : await this.deps.schedule.claim(municipality, doc, this.instanceId, now);
      if (mine) claimed.push(mine);
    }
    report.claimed = dryRun ? 0 : claimed.length;

    // Who gets what: a KE or leader reminder reaches every current holder of that role.
    const byRecipient = new Map<string, Versioned<StoredReminder>[]>();
    for (const doc of claimed) {
      for (const userId of await recipientsOf(this.deps.roles, municipality, doc.data.to)) {
        if (doc.data.deliveredTo.includes(userId)) continue;
        byRecipient.set(userId, [...(byRecipient.get(userId) ?? []), doc]);
      }
    }
    report.plan = [...byRecipient].map(([userId, docs]) => ({ userId, keys: docs.map((doc) => doc.id) }));
    if (dryRun) return report;

    const reached = new Map<string, string[]>();
    const failed = new Set<string>();
    for (const [userId, docs] of byRecipient) {
      const t = translator(await this.deps.sender.localeOf(municipality, userId));
      const views = await Promise.all(docs.map((doc) => this.view(municipality, doc.data, settings.trainingMonths)));
      const outcome = await this.deps.sender.send(municipality, userId, reminderDigestCard(t, views));
      if (outcome === 'sent') report.sent++;
      // Someone without a chat, or who blocked the bot, cannot be reached later either: count them as done.
      for (const doc of docs) {
        if (outcome === 'failed') failed.add(doc.id);
        else reached.set(doc.id, [...(reached.get(doc.id) ?? []), userId]);
      }
    }
    for (const doc of claimed) {
      await this.deps.schedule.delivered(municipality, doc, reached.get(doc.id) ?? [], !failed.has(doc.id), now);
    }
    if (claimed.length) this.deps.logger.info({ municipality, due: report.due, claimed: report.claimed, sent: report.sent, failed: failed.size }, 'reminders sent');
    return report;
  }

  private async view(municipality: Municipality, reminder: StoredReminder, trainingMonths: number): Promise<ReminderView> {
    const personName = reminder.kind === 'training' && reminder.to.kind === 'ke' && reminder.userId ? (await this.deps.references.find(municipality, reminder.userId))?.user?.name : undefined;
    return { reminder, trainingMonths, ...(personName ? { personName } : {}) };
  }
}
