import { osloDateTime } from '../time/oslo.js';
import { reminderSettingNames, settingBounds, type ReminderSettings } from './ReminderSettings.js';
import type { Translate } from '../i18n/translate.js';
import type { ReminderKind, ScheduledReminder } from './rules.js';
import { expandCard, type CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import type { MessageKey } from '../i18n/messages.js';
import { meetingKinds, type MeetingKind } from '../cases/Case.js';

const isMeetingKind = (kind: string): kind is MeetingKind => (meetingKinds as readonly string[]).includes(kind);

/** What a reminder says: the reminder itself, and for a training copy to KE whom it is about. */
export interface ReminderView {
  reminder: ScheduledReminder;
  personName?: string;
  trainingMonths: number;
}

const DONE: Partial<Record<ReminderKind, MessageKey>> = {
  evaluation: 'reminder.done.evaluation',
  contact: 'reminder.done.contact',
  training: 'reminder.done.training',
  transition: 'reminder.done.transition',
};

function text(t: Translate, view: ReminderView): string {
  const r = view.reminder;
  const params = { reference: r.reference ?? '', date: r.on };
  switch (r.kind) {
    case 'training':
      return r.to.kind === 'ke'
        ? t('reminder.trainingKe', { name: inert(view.personName ?? r.userId ?? ''), date: r.on, months: view.trainingMonths })
        : t('reminder.training', { date: r.on, months: view.trainingMonths });
    case 'session': {
      const course = r.course;
      if (!course) return t('reminder.session', { name: '', date: r.on, time: '', where: '' });
      const where = course.place ? t('course.place', { place: inert(course.place) }) : course.meetingUrl ? t('course.meeting') : '';
      return t('reminder.session', { name: inert(course.name), date: r.on, time: osloDateTime(course.startsAt).slice(11, 16), where });
    }
    case 'competenceReview':
      return t('reminder.competenceReview', { name: inert(view.personName ?? r.userId ?? ''), date: r.on });
    case 'transition':
      return t('reminder.transition', { ...params, milestone: t(`reminder.milestone.${r.milestone ?? 'adult'}`) });
    case 'meeting':
    case 'meetingConfirm':
    case 'referat': {
      const kind = r.meeting && isMeetingKind(r.meeting.kind) ? t(`meeting.kind.${r.meeting.kind}`) : '';
      const start = r.meeting ? osloDateTime(r.meeting.startsAt) : r.on;
      return t(`reminder.${r.kind}`, { ...params, kind, time: start });
    }
    default:
      return t(`reminder.${r.kind}`, params);
  }
}

/**
 * One card per recipient and sweep: every reminder due for them, each with its own actions —
 * done (records what was done), snooze a day or a week, and a way into the case.
 */
export function reminderDigestCard(t: Translate, views: readonly ReminderView[]): CardAttachment {
  return expandCard('reminderDigest', {
    title: views.length === 1 ? t('reminder.title') : t('reminder.digestTitle', { count: views.length }),
    items: views.map((view) => {
      const r = view.reminder;
      const done = DONE[r.kind];
      return {
        text: text(t, view),
        actions: [
          ...(done ? [{ title: t(done), style: 'positive', data: { verb: 'reminderDone', reminder: r.key } }] : []),
          ...(r.kind === 'approvalPending' && r.caseId
            ? [{ title: t('reminder.approvalShow'), style: 'positive', data: { verb: 'approvalShow', caseId: r.caseId } }]
            : []),
          { title: t('reminder.snoozeDay'), style: 'default', data: { verb: 'reminderSnooze', reminder: r.key, days: '1' } },
          { title: t('reminder.snoozeWeek'), style: 'default', data: { verb: 'reminderSnooze', reminder: r.key, days: '7' } },
          ...(r.meetingId
            ? [
                {
                  title: t(r.kind === 'referat' ? 'referat.write' : 'reminder.openMeeting'),
                  style: 'positive',
                  data: { verb: r.kind === 'referat' ? 'referatShow' : 'meetingShow', meetingId: r.meetingId },
                },
              ]
            : []),
          ...(r.taskId ? [{ title: t('reminder.openTask'), style: 'positive', data: { verb: 'taskShow', taskId: r.taskId } }] : []),
          ...(r.caseId && r.kind !== 'approvalPending' && !r.meetingId && !r.taskId
            ? [{ title: t('case.open'), style: 'default', data: { verb: 'caseOpen', caseId: r.caseId } }]
            : []),
        ],
      };
    }),
  });
}

/** A KE admin's view of when reminders fall due and are sent, one number per setting. */
export function reminderSettingsCard(t: Translate, view: { settings: ReminderSettings; municipalityName: string }): CardAttachment {
  return expandCard('reminderSettings', {
    title: t('reminderSettings.title', { municipality: view.municipalityName }),
    hint: t('reminderSettings.hint'),
    fields: reminderSettingNames.map((id) => {
      const { min, max } = settingBounds(id);
      return { id, label: t(`reminderSettings.${id}`), value: view.settings[id], min, max, error: t('reminderSettings.error', { min, max }) };
    }),
    submit: t('reminderSettings.submit'),
  });
}
