import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredReminder } from '../../src/reminders/ReminderSchedule.js';
import { startChat, type Chat } from '../support/chat.js';
import { caseInProgress, setRoles, textOf } from '../support/caseSteps.js';

const KE = 'ke-admin';

describe('reminder settings per municipality, in chat', () => {
  let chat: Chat;
  let caseId = '';

  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: `rana:${KE}` });
    for (const user of [KE, 'coordinator', 'reporter', 'leader']) await chat.say(user, { text: 'hjelp' });
    await setRoles(chat, KE, 'coordinator', { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, 'leader', { unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' });
    ({ caseId } = await caseInProgress(chat, { reporter: 'reporter', ke: KE, coordinator: 'coordinator', unit: 'Hjemmetjenesten', leader: 'leader' }));
  }, 60_000);
  afterAll(async () => chat?.close());

  const contactReminder = async () =>
    (await chat.running.bot.store.list<StoredReminder>('reminders', 'rana', { where: [{ field: 'caseId', op: '=', value: caseId }] })).find(
      (doc) => doc.data.kind === 'contact',
    )!.data;

  it('shows KE admins the current settings, and nobody else', async () => {
    const [refused] = await chat.say('coordinator', { text: 'påminnelser' });
    expect(refused!.body.text).toContain('Du har ikke tilgang til dette');
    const [card] = await chat.say(KE, { text: 'påminnelser' });
    expect(textOf(card!)).toContain('Påminnelser i Rana kommune');
    expect(textOf(card!)).toContain('"id":"contactWeeks","label":"Uker uten registrert kontakt før oppfølging","value":6,"min":1,"max":52');
  });

  it('saves new settings and moves reminders that have not gone out', async () => {
    const before = await contactReminder();
    const settings = {
      evaluationNoticeDays: '7',
      contactWeeks: '2',
      trainingMonths: '6',
      transitionMonthsBefore: '6',
      keWaitingDays: '14',
      approvalPendingDays: '3',
      workdayStartHour: '8',
      workdayEndHour: '16',
    };
    const [saved] = await chat.say(KE, { value: { verb: 'reminderSettingsSave', ...settings } });
    expect(saved!.body.text).toBe('Lagret. Påminnelser som ikke er sendt ennå, er flyttet etter de nye innstillingene.');
    const after = await contactReminder();
    expect(Date.parse(before.dueAt) - Date.parse(after.dueAt)).toBe(4 * 7 * 86_400_000);
    expect((await chat.running.bot.reminders.schedule.settings('rana')).contactWeeks).toBe(2);
  });

  it('refuses settings out of bounds or a working day that ends before it starts, changing nothing', async () => {
    const base = {
      evaluationNoticeDays: '7',
      contactWeeks: '2',
      trainingMonths: '6',
      transitionMonthsBefore: '6',
      keWaitingDays: '14',
      approvalPendingDays: '3',
      workdayStartHour: '8',
      workdayEndHour: '16',
    };
    for (const wrong of [{ contactWeeks: '0' }, { workdayEndHour: '7' }, { keWaitingDays: 'mange' }, { trainingMonths: '2.5' }]) {
      const [reply] = await chat.say(KE, { value: { verb: 'reminderSettingsSave', ...base, ...wrong } });
      expect(reply!.body.text).toContain('tallene må være hele tall innenfor grensene');
    }
    expect((await chat.running.bot.reminders.schedule.settings('rana')).workdayEndHour).toBe(16);
  });
});
