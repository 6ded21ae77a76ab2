import type { Router } from '../conversation/router.js';
import { z } from 'zod';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import { actorScope } from '../roles/actorScope.js';
import type { Roles } from '../roles/Roles.js';
import { osloDateTime } from '../time/oslo.js';
import { reminderSettingsCard } from './cards.js';
import { InputError } from '../errors.js';
import type { ReminderSchedule } from './ReminderSchedule.js';
import { reminderSettingNames, reminderSettingsInput, type ReminderSettings } from './ReminderSettings.js';
import type { ReminderResponses } from './ReminderResponses.js';

/** The reminder's key travels as `reminder`: a data field named `key` is dropped by Teams-style card renderers. */
const reminderRef = z.object({ reminder: z.string().min(3).max(300) });
const snoozeData = reminderRef.extend({ days: z.enum(['1', '7']).transform(Number) });

const SETTINGS = /^\s*(påminnelser|påminningar|innstillinger for påminnelser|reminder settings)\s*$/i;
/** Card numbers arrive as strings (or numbers); each must be a whole number within its bounds. */
const settingsData = z
  .object(Object.fromEntries(reminderSettingNames.map((name) => [name, z.coerce.number()])) as Record<keyof ReminderSettings, z.ZodNumber>)
  .pipe(reminderSettingsInput);

/** The reminder card's buttons (done, snooze), and KE admins' reminder settings. */
export function reminderRoutes(
  router: Router,
  { responses, roles, schedule }: { responses: ReminderResponses; roles: Roles; schedule: ReminderSchedule },
): void {
  router.message(SETTINGS, async (context, state) => {
    const { t, municipality, municipalityName, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    await context.sendActivity({ attachments: [reminderSettingsCard(t, { settings: await schedule.settings(municipality), municipalityName })] });
  });

  router.submit('reminderSettingsSave', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    const parsed = settingsData.safeParse(data);
    if (!parsed.success) throw new InputError('invalid settings', { key: 'reminderSettings.invalid' });
    await schedule.saveSettings(municipality, parsed.data);
    await context.sendActivity(t('reminderSettings.saved'));
  });

  router.submit('reminderSnooze', async (context, state, data) => {
    const { t, actor } = await actorScope(context, state, roles);
    const { reminder, days } = cardData(snoozeData, data, 'error.unknownAction');
    const until = await responses.snooze(actor, reminder, days);
    await context.sendActivity(t('reminder.snoozed', { when: osloDateTime(until) }));
  });

  router.submit('reminderDone', async (context, state, data) => {
    const { t, actor } = await actorScope(context, state, roles);
    const { reminder } = cardData(reminderRef, data, 'error.unknownAction');
    await responses.done(actor, reminder);
    await context.sendActivity(t('reminder.doneReply'));
  });
}
