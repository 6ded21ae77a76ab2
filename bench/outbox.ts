import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Case } from '../src/cases/Case.js';
import { createLogger } from '../src/logger.js';
import { ProactiveNotifier } from '../src/notifications/ProactiveNotifier.js';
import type { ProactiveSender } from '../src/notifications/ProactiveSender.js';
import { createServices } from '../src/services.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { reportForm } from '../tests/support/reportForm.js';

const WAITING = 1_000;
const BACKED_OFF = 150;
/** Teams' limit per app and tenant, which the shared send budget keeps to. */
const SENDS_PER_SECOND = 30;
const SWEEP_SECONDS = 20;
const LEASE_SECONDS = 120;

/**
 * The outbox after a crash: 1,000 KE notices due for one tenant, behind 150 cases whose notices are
 * backed off for an hour. Today's sweep (the oldest due first, until nothing is due) beside the
 * earlier one (the first 100 cases with anything pending, each sweep), with a sender that answers at
 * once: how many sweeps and notices each needs, and the drain time that implies at 30 sends a second.
 */
export async function benchOutbox() {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-outbox-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  let clock = new Date('2026-12-07T09:00:00Z');
  const services = createServices(store, { now: () => clock });
  await services.municipalities.add({
    id: 'rana',
    name: 'Rana kommune',
    tenantIds: ['00000000-0000-0000-0000-00000000b0b0'],
    phones: {},
    defaultLanguage: 'nb',
  });
  await services.roles.grant('rana', 'ke-1', 'keMember');
  const reporter = await services.roles.actor('rana', 'reporter');
  const seed = async () => {
    for (let i = 0; i < BACKED_OFF; i++) {
      const c = await services.cases.report(reporter, reportForm());
      await services.cases.settleNotices('rana', c.id, [
        { id: c.outbox![0]!.id, outcome: 'retry', remaining: ['ke-1'], notBefore: new Date(clock.getTime() + 3_600_000).toISOString() },
      ]);
    }
    for (let i = 0; i < WAITING; i++) await services.cases.report(reporter, reportForm());
    clock = new Date(clock.getTime() + 1000);
  };
  let sends = 0;
  const sender = { send: async () => (sends++, 'sent' as const) } as unknown as ProactiveSender;
  const notifier = new ProactiveNotifier({
    sender,
    roles: services.roles,
    cases: services.cases,
    municipalities: async () => ['rana'],
    logger: createLogger('error', new Writable({ write: (_c, _e, done) => done() })),
    now: () => clock,
  });

  await seed();
  const started = performance.now();
  const delivered = await notifier.sweep();
  const sweepMs = Math.round(performance.now() - started);
  const due = await services.cases.withDueNotices('rana', WAITING + BACKED_OFF);

  // The earlier sweep: the first 100 cases with anything pending, due or not, each time.
  for (const doc of await store.list<Case>('cases', 'rana')) await store.delete('cases', 'rana', doc.id);
  await seed();
  let baselineDelivered = 0;
  let baselineSweeps = 0;
  for (; baselineSweeps < 20 && baselineDelivered < WAITING; baselineSweeps++) {
    const firstHundred = await store.list<Case>('cases', 'rana', { where: [{ field: 'noticesPending', op: '=', value: true }], limit: 100 });
    for (const doc of firstHundred) baselineDelivered += await notifier.deliver('rana', doc.id);
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    waiting: WAITING,
    backedOff: BACKED_OFF,
    delivered,
    sweeps: 1,
    sweepMs,
    leftDue: due.length,
    /** Lease of the dead instance + 1,000 sends at 30/s + one sweep interval. */
    drainSeconds: LEASE_SECONDS + Math.ceil(delivered / SENDS_PER_SECOND) + SWEEP_SECONDS,
    baselineSweeps,
    baselineDelivered,
    baselineDrainSeconds: baselineDelivered >= WAITING ? LEASE_SECONDS + baselineSweeps * SWEEP_SECONDS : undefined,
    sends,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchOutbox());
