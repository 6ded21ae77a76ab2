import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case } from '../src/cases/Case.js';
import { caseFacts } from '../src/overview/caseFacts.js';
import { overviewOf, periodOf } from '../src/overview/figures.js';
import type { Actor } from '../src/roles/Actor.js';
import { createServices } from '../src/services.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { osloDate } from '../src/time/oslo.js';
import { SAMPLE_UNITS, sampleCases } from '../tests/support/overviewCases.js';

const CASES = 100_000;
const BATCH = 5000;

/** Heap in use, after a full collection when the bench runs with --expose-gc (npm run bench does). */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function percentiles(samples: number[]): { p50Ms: number; p99Ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function time(runs: number, work: (run: number) => Promise<unknown>, between?: (run: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    await between?.(run);
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * KE's overview and a leader's list for a municipality with 100,000 cases in the embedded store:
 * the figures from the projection (caught up on the indexed `updatedAt` before each request, with a
 * case changed between requests as in real use) and a leader's list by the indexed unit queries,
 * beside the full scan (read every case, compute the figures; read every open case, filter by unit).
 */
export async function benchOverview(quick: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-overview-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  const services = createServices(store);
  const today = osloDate(new Date());
  const seedStarted = performance.now();
  for (let first = 0; first < CASES; first += BATCH) {
    const cases = sampleCases('rana', BATCH, today, first + 1).map((c, i) => ({ ...c, id: `${c.id.slice(0, -8)}${String(first + i).padStart(8, '0')}` }));
    await store.writeAll(services.cases.importOps('rana', cases, 'operator:bench'));
  }
  const seedMs = Math.round(performance.now() - seedStarted);

  const ke: Actor = { userId: 'ke', municipality: 'rana', isKe: true, leads: [] };
  const leader: Actor = { userId: 'leader', municipality: 'rana', isKe: false, leads: [SAMPLE_UNITS[0]] };
  const choice = { kind: 'last12Months' } as const;

  // The first request builds the projection: every case, once per process.
  const heapBefore = heapMb();
  const loadStarted = performance.now();
  await services.overview.overview(ke, choice);
  const loadMs = Math.round(performance.now() - loadStarted);
  const projectionHeapMb = Math.round(heapMb() - heapBefore);

  // Between requests someone accepts a waiting report (a real write through the case service).
  const waiting = (await services.overview.caseList(ke, { state: 'reported' })).map((f) => f.id);
  const change = async (run: number) => {
    const id = waiting[run % waiting.length];
    if (id) await services.cases.act(ke, id, { type: 'startAssessment' }).catch(() => undefined);
  };
  const runs = quick ? 50 : 200;
  const keFigures = percentiles(await time(runs, () => services.overview.overview(ke, choice), change));
  const leaderFigures = percentiles(await time(runs, () => services.overview.overview(leader, choice), change));
  const leaderList = percentiles(await time(runs, () => services.cases.list(leader, 'leading', { limit: 20 }), change));

  // The baseline: what a request costs without the projection and the indexes.
  const period = periodOf(choice, today);
  const fullScan = await time(quick ? 2 : 3, async () => {
    const docs = await store.list<Case>('cases', 'rana');
    return overviewOf(
      docs.map((doc) => caseFacts(doc.data)),
      { period, today },
    );
  });
  const scanList = await time(quick ? 2 : 3, async () => {
    const docs = await store.list<Case>('cases', 'rana', {
      where: [{ field: 'state', op: '!=', value: 'closed' }],
      orderBy: { field: 'updatedAt', direction: 'desc' },
    });
    return docs
      .map((doc) => doc.data)
      .filter((c) => [c.coordinator?.unit, c.proposal?.coordinator.unit].some((unit) => unit !== undefined && leader.leads.includes(unit)))
      .slice(0, 20);
  });

  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
  return {
    cases: CASES,
    seedMs,
    requests: runs,
    projectionLoadMs: loadMs,
    projectionHeapMb,
    keFiguresP50Ms: keFigures.p50Ms,
    keFiguresP99Ms: keFigures.p99Ms,
    leaderFiguresP50Ms: leaderFigures.p50Ms,
    leaderFiguresP99Ms: leaderFigures.p99Ms,
    leaderListP50Ms: leaderList.p50Ms,
    leaderListP99Ms: leaderList.p99Ms,
    baselineFullScanFiguresMs: median(fullScan),
    baselineFullScanLeaderListMs: median(scanList),
  };
}
