import type { Attachment } from 'botbuilder';
import type { Translate } from '../i18n/translate.js';
import { reminderSettingNames, settingBounds, type ReminderSettings } from '../reminders/ReminderSettings.js';
import { expandCard } from './expandCard.js';

/** A KE admin's view of when reminders fall due and are sent, one number per setting. */
export function reminderSettingsCard(t: Translate, view: { settings: ReminderSettings; municipalityName: string }): Attachment {
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
