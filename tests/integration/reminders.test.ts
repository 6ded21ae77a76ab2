import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Case } from '../../src/cases/Case.js';
import type { StoredReminder } from '../../src/reminders/ReminderSchedule.js';
import { defaultReminderSettings } from '../../src/reminders/ReminderSettings.js';
import { nextWorkingTime } from '../../src/reminders/workingHours.js';
import { osloDate, osloInstant, osloParts } from '../../src/time/oslo.js';
import { messageActivity } from '../support/activities.js';
import { startCosmosServer, TEST_KEY } from '../support/cosmosServer.js';
import type { SweepReport } from '../../src/reminders/ReminderSweep.js';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../support/fakeConnector.js';
import { reportForm } from '../support/reportForm.js';
import { startBot, type RunningBot } from '../support/startBot.js';

const KE = 'ke-admin';
const REPORTER = 'reporter';
const COORDINATOR = 'coordinator';
const LEADER = 'leader';
const BLOCKED = 'blocked-coordinator';
const CHECKLIST = { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true };
const MONTH = 31 * 86_400_000;
const NAMES: Record<string, string> = { [COORDINATOR]: 'Kim Koordinator', [BLOCKED]: 'Bo Blokkert' };

/** The reminder keys on the digest cards a person got. */
function keysIn(activity: SentActivity): string[] {
  const json = JSON.stringify(activity.body);
  return [...new Set([...json.matchAll(/"verb":"reminderSnooze","reminder":"([^"]+)"/g)].map((match) => match[1]!))];
}

describe('reminders from two bot instances sharing one Cosmos store', () => {
  let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
  let connector: FakeConnector;
  let a: RunningBot;
  let b: RunningBot;
  let inProgress: Case;
  let sweepAt: Date;
  let database: string;

  const post = (userId: string, body: { text?: string; value?: unknown; name?: string }) =>
    a.post(messageActivity({ serviceUrl: connector.serviceUrl, userId, ...body }));
  const sayTo = async (userId: string, body: { text?: string; value?: unknown; name?: string }) => {
    const before = connector.sent.length;
    await post(userId, body);
    return (await connector.waitFor(before + 1)).slice(before);
  };
  const actor = async (userId: string) => a.bot.roles.actor('rana', userId);

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    database = `reminders${Date.now()}`;
    connector = await startFakeConnector();
    a = await startBot({ KE_ADMINS: `rana:${KE}` }, await cosmos.connect(database));
    b = await startBot({ KE_ADMINS: `rana:${KE}` }, await cosmos.connect(database));
    for (const user of [KE, REPORTER, COORDINATOR, LEADER, BLOCKED]) await sayTo(user, { text: 'hjelp', name: NAMES[user] });
    await a.bot.roles.setUnits('rana', COORDINATOR, { unit: 'Hjemmetjenesten' });
    await a.bot.roles.setUnits('rana', BLOCKED, { unit: 'Hjemmetjenesten' });
    await a.bot.roles.setUnits('rana', LEADER, { unit: 'Hjemmetjenesten', leads: ['Hjemmetjenesten'] });

    const cases = a.bot.cases;
    // A report KE has not decided on.
    await cases.report(await actor(REPORTER), reportForm());
    // A plan in progress with an evaluation date, for a child (transitions ahead).
    const ke = await actor(KE);
    const monthAgo = new Date(Date.now() - MONTH).toISOString().slice(0, 10);
    // Consent a month back, so the plan can have started then.
    const second = await cases.report(await actor(REPORTER), reportForm({ consentDate: monthAgo }));
    await cases.act(ke, second.id, { type: 'accept' });
    await cases.act(ke, second.id, {
      type: 'proposeCoordinator',
      proposalId: randomUUID(),
      coordinator: { userId: COORDINATOR, name: 'Kim Koordinator', unit: 'Hjemmetjenesten' },
    });
    const proposal = (await cases.get(ke, second.id)).data.proposal!;
    await cases.act(await actor(LEADER), second.id, { type: 'approveAppointment', proposalId: proposal.id });
    inProgress = (
      await cases.act(await actor(COORDINATOR), second.id, {
        type: 'startPlan',
        startedAt: monthAgo,
        checklist: CHECKLIST,
        evaluation: { nextOn: '2027-03-01', everyMonths: 6 },
      })
    ).data;
    // A proposal the leader has not answered, for someone who has blocked the bot.
    const third = await cases.report(await actor(REPORTER), reportForm());
    await cases.act(ke, third.id, { type: 'accept' });
    await cases.act(ke, third.id, {
      type: 'proposeCoordinator',
      proposalId: randomUUID(),
      coordinator: { userId: BLOCKED, name: 'Bo Blokkert', unit: 'Hjemmetjenesten' },
    });

    sweepAt = nextWorkingTime(new Date(Date.now() + 7 * MONTH), defaultReminderSettings);
    await a.bot.noticesSettled(); // the notices of the changes above are out; only reminders from here on
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await connector?.close();
    await cosmos?.close();
  });

  it('schedules what the rules say, as stored documents', async () => {
    const due = await a.bot.reminders.schedule.due('rana', sweepAt);
    const kinds = due.map((doc) => doc.data.kind).sort();
    expect(kinds).toEqual(expect.arrayContaining(['approvalPending', 'contact', 'evaluation', 'keWaiting', 'training', 'training', 'transition']));
  });

  it('sends nothing outside working hours: at night, at the weekend, on a public holiday', async () => {
    const before = connector.sent.length;
    for (const night of [osloInstant('2027-06-22', 22), osloInstant('2027-06-26', 10), osloInstant('2027-05-17', 10)]) {
      const [report] = await a.bot.reminders.sweep.run(night);
      expect(report!.workingTime).toBe(false);
    }
    expect(connector.sent.length).toBe(before);
  });

  it('delivers every due reminder exactly once when two instances and another process sweep at the same time', async () => {
    const due = await a.bot.reminders.schedule.due('rana', sweepAt);
    const before = connector.sent.length;
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/sweepInChildProcess.ts', sweepAt.toISOString()], {
      env: {
        ...process.env,
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: TEST_KEY,
        COSMOS_DATABASE: database,
        NODE_TLS_REJECT_UNAUTHORIZED: '0', // the test server's self-signed certificate, in that process only
        NODE_NO_WARNINGS: '1', // … which Node would otherwise warn about, as it should in production
        LINK_SECRET: 'a-link-secret-for-the-sweeping-child-process-only',
        REMINDER_SWEEP: 'off',
        RETENTION_RUN: 'off',
        DATA_DIR: tmpdir(),
        LOG_LEVEL: 'warn',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const [ready] = (await once(lines, 'line')) as [string];
    expect(ready).toBe('ready');
    const otherProcess = once(lines, 'line').then(([line]) => JSON.parse(line as string) as SweepReport[]);
    child.stdin!.write('go\n');
    const reports = (
      await Promise.all([otherProcess, a.bot.reminders.sweep.run(sweepAt), b.bot.reminders.sweep.run(sweepAt), a.bot.reminders.sweep.run(sweepAt)])
    ).flat();
    expect(reports.reduce((sum, report) => sum + report.claimed, 0)).toBe(due.length);

    await new Promise((resolve) => setTimeout(resolve, 200));
    const cards = connector.sent.slice(before);
    const pairs = cards.flatMap((card) => keysIn(card).map((key) => `${card.conversationId}|${key}`));
    expect(new Set(pairs).size).toBe(pairs.length); // never twice to the same person
    expect(new Set(pairs.map((pair) => pair.split('|')[1]))).toEqual(new Set(due.map((doc) => doc.id)));
    // One digest per person from each sweep that claimed something for them (the work may split between instances).
    const claimingSweeps = reports.filter((report) => report.claimed > 0).length;
    for (const person of new Set(cards.map((card) => card.conversationId)))
      expect(cards.filter((card) => card.conversationId === person).length).toBeLessThanOrEqual(claimingSweeps);

    const to = (userId: string) =>
      cards
        .filter((card) => card.conversationId === `a:${userId}`)
        .map((card) => JSON.stringify(card.body))
        .join('\n');
    expect(to(COORDINATOR)).toContain(`Planen i sak ${inProgress.reference} skal evalueres 2027-03-01`);
    expect(to(COORDINATOR)).toContain('Overgangen til ungdomsskolen nærmer seg');
    expect(to(COORDINATOR)).not.toContain('Ola Nordmann');
    expect(to(KE)).toContain('Kim Koordinator ble koordinator');
    expect(to(KE)).toContain('har ventet på KE siden');

    const again = (await Promise.all([a.bot.reminders.sweep.run(sweepAt), b.bot.reminders.sweep.run(sweepAt)])).flat();
    expect(again.reduce((sum, report) => sum + report.sent, 0)).toBe(0);
  }, 60_000);

  it('moves a snoozed reminder to the next working day and sends it again then', async () => {
    const contact = (await a.bot.reminders.schedule.get('rana', `contact:${inProgress.id}:${inProgress.lastContactOn}`))!;
    expect(contact.data.status).toBe('sent');
    const [reply] = await sayTo(COORDINATOR, { value: { verb: 'reminderSnooze', reminder: contact.id, days: '1' } });
    expect(reply!.body.text).toMatch(/^Greit, du får påminnelsen igjen \d{4}-\d{2}-\d{2} 08:00\.$/);
    const snoozed = (await a.bot.reminders.schedule.get('rana', contact.id))!.data;
    expect(snoozed.status).toBe('pending');
    expect(osloParts(new Date(snoozed.dueAt)).date > osloParts(new Date()).date).toBe(true);
    expect(osloParts(new Date(snoozed.dueAt)).hour).toBe(8);

    const [someoneElse] = await sayTo(REPORTER, { value: { verb: 'reminderSnooze', reminder: contact.id, days: '7' } });
    expect(someoneElse!.body.text).toContain('Du har ikke tilgang til dette');

    const before = connector.sent.length;
    await b.bot.reminders.sweep.run(sweepAt);
    expect(connector.sent.slice(before).flatMap(keysIn)).toEqual([contact.id]);
  });

  it('records the contact when the coordinator presses «done», and schedules the next follow-up', async () => {
    const key = `contact:${inProgress.id}:${inProgress.lastContactOn}`;
    const [reply] = await sayTo(COORDINATOR, { value: { verb: 'reminderDone', reminder: key } });
    expect(reply!.body.text).toBe('Registrert. Takk!');
    expect((await a.bot.reminders.schedule.get('rana', key))!.data.status).toBe('done');
    const [twice] = await sayTo(COORDINATOR, { value: { verb: 'reminderDone', reminder: key } });
    expect(twice!.body.text).toBe('Denne påminnelsen er allerede håndtert.');
    const next = await a.bot.store.list<StoredReminder>('reminders', 'rana', {
      where: [
        { field: 'caseId', op: '=', value: inProgress.id },
        { field: 'kind', op: '=', value: 'contact' },
        { field: 'status', op: '=', value: 'pending' },
      ],
    });
    expect(next.map((doc) => doc.data.on)).toEqual([osloDate(new Date())]);
  });

  it('takes over a claim whose instance died before sending, after the lease', async () => {
    const schedule = a.bot.reminders.schedule;
    await a.bot.reminders.sweep.run(new Date(sweepAt.getTime() + 30_000)); // whatever is due goes out first
    await sayTo(COORDINATOR, { value: { verb: 'reminderSnooze', reminder: `evaluation:${inProgress.id}:2027-03-01`, days: '1' } });
    const doc = (await schedule.get('rana', `evaluation:${inProgress.id}:2027-03-01`))!;
    const claimedByTheDead = await schedule.claim('rana', doc, 'instance-that-crashed', sweepAt);
    expect(claimedByTheDead).toBeDefined();

    const soon = await b.bot.reminders.sweep.run(new Date(sweepAt.getTime() + 60_000));
    expect(soon[0]!.claimed).toBe(0);
    const before = connector.sent.length;
    const later = await b.bot.reminders.sweep.run(new Date(sweepAt.getTime() + 6 * 60_000));
    expect(later[0]!.claimed).toBe(1);
    expect(connector.sent.slice(before).flatMap(keysIn)).toEqual([doc.id]);
  });

  it('retries a throttled send after Retry-After, and forgets someone who blocked the bot', async () => {
    const schedule = a.bot.reminders.schedule;
    for (const key of [`evaluation:${inProgress.id}:2027-03-01`]) {
      const doc = (await schedule.get('rana', key))!;
      await schedule.snooze('rana', doc, sweepAt);
    }
    connector.script(`a:${COORDINATOR}`, [429], { 'retry-after': '1' });
    const started = Date.now();
    const before = connector.sent.length;
    await a.bot.reminders.sweep.run(new Date(sweepAt.getTime() + 10 * 60_000));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(
      connector.attempts
        .filter((attempt) => attempt.conversationId === `a:${COORDINATOR}`)
        .slice(-2)
        .map((attempt) => attempt.status),
    ).toEqual([429, 200]);
    expect(connector.sent.slice(before).map((card) => card.conversationId)).toEqual([`a:${COORDINATOR}`]);
    expect(keysIn(connector.sent.at(-1)!)).toEqual([`evaluation:${inProgress.id}:2027-03-01`]);

    // The blocked person has a training reminder waiting once appointed; Teams answers 403.
    connector.script(`a:${BLOCKED}`, [403]);
    const sender = (a.bot.reminders.sweep as unknown as { deps: { sender: { send: (m: 'rana', u: string, render: () => unknown) => Promise<string> } } }).deps
      .sender;
    expect(await sender.send('rana', BLOCKED, () => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }))).toBe('gone');
    expect(await a.bot.references.find('rana', BLOCKED)).toBeUndefined();
  }, 30_000);

  it('drops a closed case’s reminders', async () => {
    const coordinator = await actor(COORDINATOR);
    const doc = await a.bot.cases.get(coordinator, inProgress.id);
    await a.bot.cases.act(
      coordinator,
      inProgress.id,
      {
        type: 'close',
        closedOn: '2026-11-23',
        reason: 'needEnded',
        checklist: { agreedWithResident: true, leaderInformed: true, keInformed: true, partnersInformed: true },
      },
      doc.data.history.length,
    );
    const left = await a.bot.store.list('reminders', 'rana', { where: [{ field: 'caseId', op: '=', value: inProgress.id }] });
    expect(left).toEqual([]);
  });
});
