import type { CardAttachment } from '../cards/expandCard.js';
import type { Translate } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { ReminderSettings } from '../reminders/ReminderSettings.js';
import type { Roles } from '../roles/Roles.js';
import { unansweredCard, type UnansweredView } from './cards.js';
import { digestDue, inDigestWindow } from './rules.js';
import type { UnansweredQuestions } from './UnansweredQuestions.js';

export interface UnansweredDigestDeps {
  questions: UnansweredQuestions;
  roles: Roles;
  /** The list as a KE admin sees it. */
  view: (municipality: MunicipalityId, userId: string) => Promise<UnansweredView>;
  /** The municipality's working hours. */
  hours: (municipality: MunicipalityId) => Promise<Pick<ReminderSettings, 'workdayStartHour' | 'workdayEndHour'>>;
  municipalities: () => Promise<readonly MunicipalityId[]>;
  tell: (municipality: MunicipalityId, userId: string, render: (t: Translate) => CardAttachment) => Promise<void>;
  logger: Logger;
}

/**
 * The KE admins' Monday card of unanswered questions: on the week's first working day, in the
 * morning's working hours, when questions were missed since the last one. Every instance runs it; a
 * conditional write lets one send it.
 */
export class UnansweredDigest {
  constructor(private readonly deps: UnansweredDigestDeps) {}

  /** Sends what is due now; returns the municipalities whose KE admins got it, with how many admins. */
  async run(now = new Date()): Promise<{ municipality: MunicipalityId; sent: number }[]> {
    const sent: { municipality: MunicipalityId; sent: number }[] = [];
    for (const municipality of await this.deps.municipalities()) {
      const last = await this.deps.questions.lastDigest(municipality);
      const hours = await this.deps.hours(municipality);
      if (!inDigestWindow(now, hours, last?.data.sentOn)) continue;
      const missed = await this.deps.questions.missedSince(municipality, last?.data.sentAt);
      if (!digestDue(now, hours, last?.data.sentOn, missed)) continue;
      const admins = await this.deps.roles.holders(municipality, 'keAdmin');
      if (admins.length === 0 || !(await this.deps.questions.claimDigest(municipality, last))) continue;
      const view = await this.deps.view(municipality, admins[0]!);
      for (const admin of admins) await this.deps.tell(municipality, admin, (t) => unansweredCard(t, { ...view, digest: true }));
      this.deps.logger.info({ municipality, admins: admins.length, groups: view.groups.length }, 'unanswered questions digest sent');
      sent.push({ municipality, sent: admins.length });
    }
    return sent;
  }
}
