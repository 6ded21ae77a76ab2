/**
 * `npm run bench [-- --quick]`: every benchmark of the project, each beside its baseline in the same run.
 * Writes bench/results/latest.json (stable keys, see README "Performance") and prints a table.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../tests/support/freePort.js';
import { startFakeConnector } from '../tests/support/fakeConnector.js';
import { messageActivity } from '../tests/support/activities.js';
import { waitForHttp } from '../scripts/playground.js';
import { benchDirectory } from './directory.js';
import { benchOverview } from './overview.js';
import { benchReminders } from './reminders.js';
import { benchTasks } from './tasks.js';
import { benchOutbox } from './outbox.js';
import { benchImport } from './import.js';
import { benchWave } from './wave.js';
import { benchStoreCalls } from './storeCalls.js';
import { createRequire } from 'node:module';
import { TEST_KEY } from '../tests/support/cosmosServer.js';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 3;
const SECONDS = quick ? 5 : 10;
const SOAK_SECONDS = quick ? 10 : 60;
const CONNECTIONS = 16;
const USERS = 500;

interface LoadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** A TypeScript script through tsx, or compiled JavaScript (a path ending in .js) run by Node itself. */
async function startProcess(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number; startupMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, script.endsWith('.js') ? [script] : ['--import', 'tsx', script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before answering`))));
  await Promise.race([waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000), exited]);
  return { child, port, startupMs: Math.round(performance.now() - started) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** What each read-only turn of the benchmark says: the menu, a guidance question, the case list, a directory question. */
const READ_ONLY_TURNS = {
  hjelp: 'hjelp',
  guidance: 'hva er en ansvarsgruppe?',
  myCases: 'mine saker',
  directory: 'hvem kontakter jeg for støttekontakt?',
} as const;

async function load(port: number, serviceUrl: string, seconds: number, text = 'hjelp'): Promise<LoadFigures> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        // Many users, each a conversation of their own, as in a municipality at 9 a.m.
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          body: JSON.stringify(messageActivity({ serviceUrl, userId: `bench-${n++ % USERS}`, text })),
        }),
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The Cosmos wire-protocol server in a process of its own, so it does not share a core with the load generator. */
async function startCosmosProcess(): Promise<{ child: ChildProcess; endpoint: string }> {
  const port = await freePort();
  const cli = createRequire(import.meta.url).resolve('@vercel/cosmosdb-server/lib/cli.js');
  const child = spawn(process.execPath, [cli, '-p', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 15_000;
  const net = await import('node:net');
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error('cosmosdb-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, endpoint: `https://127.0.0.1:${port}` };
}

/** The same turn load against the bot on Cosmos DB (over the wire), beside the SQLite figure. */
async function benchTurnCosmos(sqliteRps: number) {
  const connector = await startFakeConnector();
  const cosmos = await startCosmosProcess();
  // The local server's certificate is self-signed; only this benchmark process tree trusts it.
  const bot = await startProcess('src/index.ts', {
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: TEST_KEY,
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
    NODE_NO_WARNINGS: '1',
    DEFAULT_MUNICIPALITY: 'rana',
    EXAMPLE_MUNICIPALITIES: 'on',
    LOG_LEVEL: 'warn',
  });
  await load(bot.port, connector.serviceUrl, 2);
  const runs: LoadFigures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(bot.port, connector.serviceUrl, SECONDS));
  const rss = rssMb(bot.child.pid!);
  await stop(bot.child);
  await stop(cosmos.child);
  await connector.close();
  return {
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    errors: runs.reduce((s, r) => s + r.errors + r.non2xx, 0),
    baselineRps: sqliteRps,
    rssMb: rss,
    startupMs: bot.startupMs,
  };
}

async function benchTurn() {
  const connector = await startFakeConnector();
  const bare = await startProcess('bench/bareServer.ts', {});
  const baseline: LoadFigures[] = [];
  for (let i = 0; i < RUNS; i++) baseline.push(await load(bare.port, connector.serviceUrl, SECONDS));
  await stop(bare.child);
  const echo = await startProcess('bench/echoBot.ts', {});
  await load(echo.port, connector.serviceUrl, 2);
  const echoRuns: LoadFigures[] = [];
  for (let i = 0; i < RUNS; i++) echoRuns.push(await load(echo.port, connector.serviceUrl, SECONDS));
  await stop(echo.child);

  const dataDir = mkdtempSync(join(tmpdir(), 'kh-bench-'));
  const bot = await startProcess('src/index.ts', { DATA_DIR: dataDir, DEFAULT_MUNICIPALITY: 'rana', EXAMPLE_MUNICIPALITIES: 'on', LOG_LEVEL: 'warn' });
  await load(bot.port, connector.serviceUrl, 2); // warm-up: JIT, SQLite pages, user states
  const runs: LoadFigures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(bot.port, connector.serviceUrl, SECONDS));
  // Each read-only turn beside the echo bot, measured again right after it so both see the same machine.
  const kinds: Record<string, { rps: number; p99Ms: number; echoBotRps: number; ratio: number }> = {};
  for (const [kind, text] of Object.entries(READ_ONLY_TURNS)) {
    await load(bot.port, connector.serviceUrl, 1, text);
    const ours: LoadFigures[] = [];
    for (let i = 0; i < RUNS; i++) ours.push(await load(bot.port, connector.serviceUrl, SECONDS, text));
    kinds[kind] = { rps: median(ours.map((r) => r.rps)), p99Ms: median(ours.map((r) => r.p99Ms)), echoBotRps: 0, ratio: 0 };
  }

  // Soak: steady load while sampling RSS; the trend is the slope of a least-squares line (MB per minute).
  const samples: { t: number; mb: number }[] = [];
  const t0 = performance.now();
  const sampler = setInterval(() => samples.push({ t: (performance.now() - t0) / 60_000, mb: rssMb(bot.child.pid!) }), 1000);
  const soak = await load(bot.port, connector.serviceUrl, SOAK_SECONDS);
  clearInterval(sampler);
  const rss = rssMb(bot.child.pid!);
  await stop(bot.child);
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });

  const meanT = samples.reduce((s, x) => s + x.t, 0) / samples.length;
  const meanMb = samples.reduce((s, x) => s + x.mb, 0) / samples.length;
  const slope = samples.reduce((s, x) => s + (x.t - meanT) * (x.mb - meanMb), 0) / samples.reduce((s, x) => s + (x.t - meanT) ** 2, 0);
  // Ignore the first third of the soak: heap growth to its working size is not a leak.
  const settled = samples.slice(Math.floor(samples.length / 3));
  const settledMean = settled.reduce((s, x) => s + x.t, 0) / settled.length;
  const settledMb = settled.reduce((s, x) => s + x.mb, 0) / settled.length;
  const settledSlope = settled.reduce((s, x) => s + (x.t - settledMean) * (x.mb - settledMb), 0) / settled.reduce((s, x) => s + (x.t - settledMean) ** 2, 0);

  const echoBotRps = median(echoRuns.map((r) => r.rps));
  for (const figures of Object.values(kinds)) Object.assign(figures, { echoBotRps, ratio: Math.round((figures.rps / echoBotRps) * 100) / 100 });
  return {
    startupMs: bot.startupMs,
    /** Read-only turns of each kind, turns/s beside the echo bot's (the framework's floor), and the store calls each makes. */
    readOnlyTurns: kinds,
    turn: {
      rps: median(runs.map((r) => r.rps)),
      p50Ms: median(runs.map((r) => r.p50Ms)),
      p99Ms: median(runs.map((r) => r.p99Ms)),
      errors: runs.reduce((s, r) => s + r.errors + r.non2xx, 0),
      baselineRps: median(baseline.map((r) => r.rps)),
      baselineP99Ms: median(baseline.map((r) => r.p99Ms)),
      /** A bare teams-ai echo bot: the framework's own floor. */
      echoBotRps: median(echoRuns.map((r) => r.rps)),
      echoBotP99Ms: median(echoRuns.map((r) => r.p99Ms)),
      connections: CONNECTIONS,
      runs: RUNS,
      secondsPerRun: SECONDS,
      repliesSent: connector.sent.length,
    },
    soak: {
      seconds: SOAK_SECONDS,
      rps: soak.rps,
      p99Ms: soak.p99Ms,
      errors: soak.errors + soak.non2xx,
      rssStartMb: samples[0]?.mb ?? 0,
      rssEndMb: samples.at(-1)?.mb ?? 0,
      rssSlopeMbPerMin: Math.round(slope * 100) / 100,
      rssSettledSlopeMbPerMin: Math.round(settledSlope * 100) / 100,
    },
    rssMb: rss,
  };
}

/** The import of existing work: 10,000 cases and 2,000 people into SQLite and into Cosmos over the wire, each beside one-by-one creation. */
async function benchImports() {
  const sqlite = await benchImport(
    { name: 'sqlite', env: {} },
    quick ? { cases: 2000, people: 400, oneByOne: 2000 } : { cases: 10_000, people: 2000, oneByOne: 10_000 },
  );
  const cosmos = await startCosmosProcess();
  try {
    const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: TEST_KEY, NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_NO_WARNINGS: '1' };
    return {
      sqlite,
      cosmos: await benchImport({ name: 'cosmos', env }, quick ? { cases: 1000, people: 200, oneByOne: 200 } : { cases: 10_000, people: 2000, oneByOne: 1000 }),
    };
  } finally {
    await stop(cosmos.child);
  }
}

/** Start-up to the first 200 on /healthz and idle RSS: the compiled JavaScript (npm start) beside the same source through tsx. */
async function benchStartup() {
  const build = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  await new Promise((resolve) => build.once('exit', resolve));
  const measure = async (script: string) => {
    const ms: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'kh-start-'));
      const bot = await startProcess(script, { DATA_DIR: dataDir, DEFAULT_MUNICIPALITY: 'rana', EXAMPLE_MUNICIPALITIES: 'on', LOG_LEVEL: 'warn' });
      ms.push(bot.startupMs);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      rss.push(rssMb(bot.child.pid!));
      await stop(bot.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
    return { ms: median(ms), idleRssMb: median(rss) };
  };
  const compiled = await measure('dist/index.js');
  const tsx = await measure('src/index.ts');
  return { ms: compiled.ms, idleRssMb: compiled.idleRssMb, baselineTsxMs: tsx.ms, baselineTsxIdleRssMb: tsx.idleRssMb };
}

const startup = await benchStartup();
const waveFigures = await benchWave(quick);
const importFigures = await benchImports();
const directory = await benchDirectory(quick);
const turn = await benchTurn();
const storeCalls = await benchStoreCalls(READ_ONLY_TURNS);
const turnCosmos = await benchTurnCosmos(turn.turn.rps);
// Last: their 100,000 cases leave a large heap behind in this process, which also drives the load.
const overview = await benchOverview(quick);
const reminders = await benchReminders(quick);
const tasks = await benchTasks(quick);
const outbox = await benchOutbox();
const results = {
  generatedAt: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  machine: { node: process.version, cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) },
  turn: turn.turn,
  readOnlyTurns: Object.fromEntries(Object.entries(turn.readOnlyTurns).map(([kind, figures]) => [kind, { ...figures, storeCalls: storeCalls[kind] }])),
  'turn-cosmos': turnCosmos,
  soak: turn.soak,
  directory,
  reminders,
  tasks,
  outbox,
  overview,
  import: importFigures,
  startup,
  wave: waveFigures,
  rssMb: turn.rssMb,
  absent: {} as Record<string, string>,
};

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);

const rows: [string, string, string][] = [
  [
    'turn (SQLite, fake connector)',
    `${results.turn.rps} turns/s, p50 ${results.turn.p50Ms} ms, p99 ${results.turn.p99Ms} ms, ${results.turn.errors} errors`,
    `bare restify ${results.turn.baselineRps} req/s, p99 ${results.turn.baselineP99Ms} ms`,
  ],
  [
    'turn-cosmos (over the wire)',
    `${results['turn-cosmos'].rps} turns/s, p50 ${results['turn-cosmos'].p50Ms} ms, p99 ${results['turn-cosmos'].p99Ms} ms, ${results['turn-cosmos'].errors} errors`,
    `SQLite ${results['turn-cosmos'].baselineRps} turns/s`,
  ],
  [
    'soak',
    `${results.soak.seconds} s at ${results.soak.rps} turns/s, RSS ${results.soak.rssStartMb} → ${results.soak.rssEndMb} MB (settled slope ${results.soak.rssSettledSlopeMbPerMin} MB/min)`,
    '—',
  ],
  [
    'directory (10,000 entries)',
    `search p50 ${results.directory.p50Ms} ms, p99 ${results.directory.p99Ms} ms, index ${results.directory.indexBuildMs} ms (+ dictionaries ${results.directory.lexiconLoadMs} ms once); public set top1 ${results.directory.top1}, top3 ${results.directory.top3} (n=${results.directory.n}); development set top1 ${results.directory.devSetTop1}, top3 ${results.directory.devSetTop3} (n=${results.directory.devSetN})`,
    `linear scan p50 ${results.directory.baselineP50Ms} ms, p99 ${results.directory.baselineP99Ms} ms; top1 ${results.directory.baselineTop1}, top3 ${results.directory.baselineTop3}`,
  ],
  [
    'directory learns (KE adds proposed words)',
    `words from ${results.directory.loop.taught} missed questions (${results.directory.loop.wordsAdded} words): the other ${results.directory.loop.unseen} misses top1 ${results.directory.loop.unseenTop1After}; the taught ones ${results.directory.loop.taughtTop1After}; answered before still top1 ${results.directory.loop.answeredStillTop1}`,
    `before: the other misses top1 ${results.directory.loop.unseenTop1Before}; held-out set top1 ${results.directory.holdoutTop1}, top3 ${results.directory.holdoutTop3} (n=${results.directory.holdoutN})`,
  ],
  [
    `reminders (${results.reminders.openCases.toLocaleString('en')} open cases)`,
    `${results.reminders.due} due of ${results.reminders.scheduled} scheduled: first batch ${results.reminders.firstBatchMs} ms, all due ${results.reminders.allDueMs} ms, heap +${results.reminders.heapDuringFindMb} MB`,
    `full scan of every case ${results.reminders.baselineFullScanMs} ms, heap +${results.reminders.baselineFullScanHeapMb} MB`,
  ],
  [
    `outbox drain (${results.outbox.waiting.toLocaleString('en')} due behind ${results.outbox.backedOff} backed off)`,
    `one sweep delivers ${results.outbox.delivered} (${results.outbox.sweepMs} ms at an instant sender), ${results.outbox.leftDue} left due; drain ≤ ${results.outbox.drainSeconds} s (lease + 30/s + one sweep)`,
    `first 100 pending per sweep: ${results.outbox.baselineDelivered} delivered after ${results.outbox.baselineSweeps} sweeps${results.outbox.baselineDrainSeconds ? ` (${results.outbox.baselineDrainSeconds} s)` : ' (not drained)'}`,
  ],
  [
    `«mine oppgaver» and task reminders (${results.tasks.tasks.toLocaleString('en')} open tasks)`,
    `a person's list p50 ${results.tasks.myTasksP50Ms} ms, p99 ${results.tasks.myTasksP99Ms} ms (${results.tasks.tasksPerList} tasks); sweep finds ${results.tasks.due} due of ${results.tasks.reminders} reminders in ${results.tasks.sweepDueMs} ms`,
    `full scan: list p50 ${results.tasks.baselineFullScanP50Ms} ms, p99 ${results.tasks.baselineFullScanP99Ms} ms; sweep ${results.tasks.baselineSweepScanMs} ms`,
  ],
  [
    `overview (${results.overview.cases.toLocaleString('en')} cases)`,
    `KE's figures p50 ${results.overview.keFiguresP50Ms} ms, p99 ${results.overview.keFiguresP99Ms} ms; a leader's figures p99 ${results.overview.leaderFiguresP99Ms} ms, list p99 ${results.overview.leaderListP99Ms} ms (a case changed between requests); first request ${results.overview.projectionLoadMs} ms, projection heap ${results.overview.projectionHeapMb} MB`,
    `full scan per request: figures ${results.overview.baselineFullScanFiguresMs} ms, a leader's list ${results.overview.baselineFullScanLeaderListMs} ms`,
  ],
  ...(['sqlite', 'cosmos'] as const).map((kind): [string, string, string] => {
    const figures = results.import[kind];
    return [
      `import (${kind}, ${figures.cases.toLocaleString('en')} cases, ${figures.people.toLocaleString('en')} people)`,
      `${(figures.ms / 1000).toFixed(1)} s, peak RSS ${figures.peakRssMb} MB; re-run (nothing to change) ${(figures.rerunMs / 1000).toFixed(1)} s${
        'xlsxMs' in figures && figures.xlsxMs !== undefined
          ? `; the cases from Excel ${(figures.xlsxMs / 1000).toFixed(1)} s, peak RSS ${figures.xlsxPeakRssMb} MB`
          : ''
      }`,
      `one by one through the case service: ${figures.baselinePerCaseMs} ms/case (${figures.baselineCases.toLocaleString('en')} measured, ${(figures.baselineProjectedMs / 1000).toFixed(1)} s for ${figures.cases.toLocaleString('en')}), peak RSS ${figures.baselinePeakRssMb} MB`,
    ];
  }),
  [
    'turn floor (teams-ai echo bot)',
    `${results.turn.echoBotRps} turns/s, p99 ${results.turn.echoBotP99Ms} ms`,
    `ours ${results.turn.rps} turns/s = ${(results.turn.rps / results.turn.echoBotRps).toFixed(2)} × the echo bot`,
  ],
  ...Object.entries(results.readOnlyTurns).map(([kind, figures]): [string, string, string] => [
    `read-only turn: ${kind}`,
    `${figures.rps} turns/s, p99 ${figures.p99Ms} ms; store per turn: ${figures.storeCalls?.readsPerTurn ?? '?'} reads, ${figures.storeCalls?.writesPerTurn ?? '?'} writes`,
    `echo bot ${figures.echoBotRps} turns/s: ours = ${figures.ratio} ×`,
  ]),
  [
    `reminder wave (${results.wave.recipients.toLocaleString('en')} recipients, ${results.wave.instances} instances, limit 30/s)`,
    `shared budget: ${results.wave.seconds} s (limit allows ${results.wave.limitSeconds} s), ${results.wave.throttled429} × 429, ${results.wave.duplicates} duplicates, ${results.wave.lost} lost`,
    `budget per instance: ${results.wave.baseline.seconds} s, ${results.wave.baseline.throttled429} × 429, ${results.wave.baseline.duplicates} duplicates, ${results.wave.baseline.lost} lost`,
  ],
  [
    'startup (npm start, compiled)',
    `${results.startup.ms} ms to first 200 on /healthz, idle RSS ${results.startup.idleRssMb} MB`,
    `through tsx: ${results.startup.baselineTsxMs} ms, idle RSS ${results.startup.baselineTsxIdleRssMb} MB`,
  ],
  ...Object.entries(results.absent).map(([section, why]) => [section, `absent: ${why}`, '—'] as [string, string, string]),
];
const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`\nKoordinatorhjelpen bench (${results.mode}, ${results.machine.cpus} cores, Node ${results.machine.node})`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(width[0]!)}  ${b.padEnd(width[1]!)}  ${c}`);
console.log('\nwritten: bench/results/latest.json');
