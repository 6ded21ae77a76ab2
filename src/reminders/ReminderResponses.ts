import type { Actor } from '../roles/Actor.js';
import type { CaseService } from '../cases/CaseService.js';
import { ConflictError, NotAllowedError } from '../errors.js';
import type { Roles } from '../roles/Roles.js';
import { osloParts } from '../time/oslo.js';
import type { ReminderSchedule } from './ReminderSchedule.js';
import { snoozeUntil } from './workingHours.js';

/** What a recipient does with a reminder card: mark it done (recording what was done), or snooze it. */
export class ReminderResponses {
  constructor(private readonly deps: { schedule: ReminderSchedule; cases: CaseService; roles: Roles; now?: () => Date }) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Due again at the start of the working day the given days ahead (or the first working day after). */
  async snooze(actor: Actor, key: string, days: number): Promise<Date> {
    const doc = await this.mine(actor, key);
    const settings = await this.deps.schedule.settings(actor.municipality);
    const until = snoozeUntil(this.now(), days, settings);
    await this.deps.schedule.snooze(actor.municipality, doc, until);
    return until;
  }

  /** Records the contact, the evaluation or the training in the case or person, and closes the reminder. */
  async done(actor: Actor, key: string): Promise<void> {
    const doc = await this.mine(actor, key);
    const today = osloParts(this.now()).date;
    const { kind, caseId, userId } = doc.data;
    if (kind === 'evaluation' && caseId) await this.deps.cases.act(actor, caseId, { type: 'recordEvaluation', on: today });
    if (kind === 'contact' && caseId) await this.deps.cases.act(actor, caseId, { type: 'recordContact', on: today });
    if (kind === 'training' && userId) await this.deps.schedule.completeTraining(actor.municipality, userId, today);
    const fresh = await this.deps.schedule.get(actor.municipality, key);
    if (fresh && fresh.data.status !== 'done') await this.deps.schedule.done(actor.municipality, fresh);
  }

  /** The reminder, if it is this person's and still open. */
  private async mine(actor: Actor, key: string) {
    const doc = await this.deps.schedule.get(actor.municipality, key);
    if (!doc || doc.data.status === 'done') throw new ConflictError('reminder handled', { userMessage: { key: 'reminder.alreadyHandled' } });
    const recipients = await this.deps.roles.recipients(actor.municipality, doc.data.to);
    if (!recipients.includes(actor.userId)) throw new NotAllowedError('not a recipient of this reminder');
    return doc;
  }
}
