import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case } from '../src/cases/Case.js';
import { defaultReminderSettings } from '../src/reminders/ReminderSettings.js';
import type { StoredReminder } from '../src/reminders/ReminderSchedule.js';
import { caseReminders } from '../src/reminders/rules.js';
import { nextWorkingTime } from '../src/reminders/workingHours.js';
import { createServices } from '../src/services.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { addDays } from '../src/time/oslo.js';

const CASES = 100_000;
const CHECKLIST = { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true };

/** A plan in progress; dates spread so that a realistic few percent fall due on any given day. */
function openCase(i: number, today: string): Case {
  const child = i % 5 === 0;
  const birthYear = child ? 2010 + (i % 16) : 1950 + (i % 50);
  return {
    id: `case-${i}`,
    reference: `RANA-2026-${String(i).padStart(6, '0')}`,
    municipality: 'rana',
    state: 'planInProgress',
    report: {
      resident: { name: `Innbygger ${i}`, birthDate: `${birthYear}-${String((i % 12) + 1).padStart(2, '0')}-15` },
      ageGroup: child ? 'child' : 'adult',
      servicesInvolved: ['rana-nav', 'rana-psykisk-helse'],
      need: 'Samordning.',
      consent: { givenBy: 'resident', form: 'written', date: '2026-01-10' },
      reporter: { userId: `reporter-${i % 300}`, unit: 'Hjemmetjenesten' },
    },
    createdAt: '2026-01-10T08:00:00.000Z',
    updatedAt: '2026-02-01T08:00:00.000Z',
    declinedProposals: [],
    previousCoordinators: [],
    history: [],
    coordinator: { userId: `coordinator-${i % 2000}`, unit: `Enhet ${i % 40}`, appointedAt: '2026-01-20T08:00:00.000Z', approvedBy: 'leader', proposalId: 'p' },
    plan: { startedAt: '2026-02-01', checklist: CHECKLIST, evaluation: { nextOn: addDays(today, (i * 7) % 365), everyMonths: 6 } },
    lastContactOn: addDays(today, -(i % 44)),
  };
}

function heapMb(): number {
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
}

/**
 * The reminder sweep over 100,000 open cases in the embedded store: how long the indexed query for
 * what is due takes and what it holds in memory, beside the naive way (read every case, apply the
 * rules) in the same run.
 */
export async function benchReminders(quick: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-reminders-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  const { schedule } = createServices(store);
  const now = nextWorkingTime(new Date(), defaultReminderSettings);
  const today = now.toISOString().slice(0, 10);
  const seedStarted = performance.now();
  let scheduled = 0;
  for (let i = 0; i < CASES; i++) {
    const c = openCase(i, today);
    await store.create('cases', 'rana', c.id, c);
    for (const reminder of caseReminders(c, defaultReminderSettings, now)) {
      await store.create<StoredReminder>('reminders', 'rana', reminder.key, { ...reminder, status: 'pending', attempts: 0, deliveredTo: [] });
      scheduled++;
    }
  }
  const seedMs = Math.round(performance.now() - seedStarted);

  const rounds = quick ? 3 : 5;
  const firstBatch: number[] = [];
  const allDue: number[] = [];
  let dueCount = 0;
  const heapBefore = heapMb();
  let heapPeak = heapBefore;
  for (let round = 0; round < rounds; round++) {
    // What one sweep tick reads first: a batch of 500 due items, by the (status, dueAt) index.
    let started = performance.now();
    await schedule.due('rana', now);
    firstBatch.push(performance.now() - started);
    // Everything due at once, as a sweep after a long outage would work through.
    started = performance.now();
    dueCount = (await schedule.due('rana', now, CASES * 10)).length;
    allDue.push(performance.now() - started);
    heapPeak = Math.max(heapPeak, heapMb());
  }
  // The baseline: read every open case and apply the rules in memory.
  const scanStarted = performance.now();
  const heapScanBefore = heapMb();
  const all = await store.list<Case>('cases', 'rana');
  const scanDue = all.flatMap((doc) => caseReminders(doc.data, defaultReminderSettings, now)).filter((r) => r.dueAt <= now.toISOString()).length;
  const scanMs = performance.now() - scanStarted;
  const scanHeapMb = Math.round((heapMb() - heapScanBefore) * 10) / 10;

  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! * 10) / 10;
  return {
    openCases: CASES,
    scheduled,
    due: dueCount,
    seedMs,
    firstBatchMs: median(firstBatch),
    allDueMs: median(allDue),
    heapDuringFindMb: Math.round((heapPeak - heapBefore) * 10) / 10,
    baselineFullScanMs: Math.round(scanMs),
    baselineFullScanHeapMb: scanHeapMb,
    baselineDue: scanDue,
  };
}
