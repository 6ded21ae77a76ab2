import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import type { Roles } from '../roles/Roles.js';
import { osloDateTime } from '../time/oslo.js';
import type { ReminderResponses } from './ReminderResponses.js';

/** The reminder's key travels as `reminder`: a data field named `key` is dropped by Teams-style card renderers. */
const reminderRef = z.object({ reminder: z.string().min(3).max(300) });
const snoozeData = reminderRef.extend({ days: z.enum(['1', '7']).transform(Number) });

/** The reminder card's buttons: done and snooze. */
export function reminderRoutes(app: Application<AppTurnState>, { responses, roles }: { responses: ReminderResponses; roles: Roles }): void {
  app.adaptiveCards.actionSubmit('reminderSnooze', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    const { reminder, days } = cardData(snoozeData, data, t('error.unknownAction'));
    const until = await responses.snooze(await roles.actor(municipality, userId), reminder, days);
    await context.sendActivity(t('reminder.snoozed', { when: osloDateTime(until) }));
  });

  app.adaptiveCards.actionSubmit('reminderDone', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    const { reminder } = cardData(reminderRef, data, t('error.unknownAction'));
    await responses.done({ ...(await roles.actor(municipality, userId)), name: context.activity.from?.name }, reminder);
    await context.sendActivity(t('reminder.doneReply'));
  });
}
