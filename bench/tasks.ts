import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Task } from '../src/coordination/CaseWork.js';
import { defaultReminderSettings } from '../src/reminders/ReminderSettings.js';
import type { StoredReminder } from '../src/reminders/ReminderSchedule.js';
import { taskReminders } from '../src/reminders/rules.js';
import { nextWorkingTime } from '../src/reminders/workingHours.js';
import { createServices } from '../src/services.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import type { WriteOp } from '../src/store/Store.js';
import { addDays, osloDate } from '../src/time/oslo.js';

const TASKS = 100_000;
const OWNERS = 5_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
};

/**
 * «Mine oppgaver» and the task-reminder sweep with 100,000 open tasks in the embedded store: a
 * person's list by the owner index, and what is due by the reminders' status + dueAt index, each
 * beside a full scan in the same run.
 */
export async function benchTasks(quick: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-tasks-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  const { coordination, schedule } = createServices(store);
  const now = nextWorkingTime(new Date(), defaultReminderSettings);
  const today = osloDate(now);
  const seeded = performance.now();
  const ops: WriteOp[] = [];
  let reminders = 0;
  for (let i = 0; i < TASKS; i++) {
    const task: Task = {
      id: `task-${i}`,
      caseId: `case-${i % 20_000}`,
      reference: `RANA-2026-${String(i % 20_000).padStart(6, '0')}`,
      municipality: 'rana',
      what: 'Oppgave',
      owner: { kind: 'coordinator' },
      ownerUserId: `owner-${i % OWNERS}`,
      dueOn: addDays(today, (i % 120) - 20),
      state: 'open',
      createdBy: 'kari',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    ops.push({ container: 'tasks', partition: 'rana', id: task.id, data: task });
    for (const reminder of taskReminders(task, 'kari', defaultReminderSettings)) {
      ops.push({
        container: 'reminders',
        partition: 'rana',
        id: reminder.key,
        data: { ...reminder, status: 'pending', attempts: 0, deliveredTo: [] } satisfies StoredReminder,
      });
      reminders++;
    }
    if (ops.length >= 20_000) await store.writeAll(ops.splice(0));
  }
  await store.writeAll(ops);
  const seedMs = Math.round(performance.now() - seeded);

  const lists = quick ? 200 : 1_000;
  const indexed: number[] = [];
  let listed = 0;
  for (let i = 0; i < lists; i++) {
    const started = performance.now();
    listed += (await coordination.myTasks({ userId: `owner-${(i * 37) % OWNERS}`, municipality: 'rana', isKe: false, leads: [] })).length;
    indexed.push(performance.now() - started);
  }
  const scans = quick ? 3 : 10;
  const scanned: number[] = [];
  for (let i = 0; i < scans; i++) {
    const started = performance.now();
    const owner = `owner-${(i * 37) % OWNERS}`;
    (await store.list<Task>('tasks', 'rana'))
      .filter((doc) => doc.data.ownerUserId === owner && doc.data.state === 'open')
      .sort((a, b) => a.data.dueOn.localeCompare(b.data.dueOn));
    scanned.push(performance.now() - started);
  }

  const sweepStarted = performance.now();
  const due = await schedule.due('rana', now, 100_000);
  const sweepMs = Math.round(performance.now() - sweepStarted);
  const scanStarted = performance.now();
  const all = await store.list<StoredReminder>('reminders', 'rana');
  const scanDue = all.filter((doc) => doc.data.status === 'pending' && doc.data.dueAt <= now.toISOString()).length;
  const scanMs = Math.round(performance.now() - scanStarted);

  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    tasks: TASKS,
    owners: OWNERS,
    seedMs,
    myTasksP50Ms: percentile(indexed, 50),
    myTasksP99Ms: percentile(indexed, 99),
    tasksPerList: Math.round(listed / lists),
    baselineFullScanP50Ms: percentile(scanned, 50),
    baselineFullScanP99Ms: percentile(scanned, 99),
    reminders,
    due: due.length,
    sweepDueMs: sweepMs,
    baselineSweepScanMs: scanMs,
    baselineSweepScanDue: scanDue,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchTasks(process.argv.includes('--quick')));
