import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CASE_COLUMNS } from '../src/onboarding/casesFile.js';
import { PEOPLE_COLUMNS } from '../src/onboarding/peopleFile.js';

const UNITS = 40;
const SERVICES = ['testvik-hjemmetjenesten', 'testvik-helsestasjon', 'testvik-ppt', 'testvik-psykisk-helse'];
const STATUSES = ['meldt', 'godtatt', 'avslått', 'oppnevnt', 'oppnevnt', 'startet', 'startet', 'startet', 'startet', 'avsluttet'] as const;

const personId = (i: number) => `7b000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const day = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A people file: everyone in a unit, one leader per unit, a handful in KE. */
export function peopleFile(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => ({
    aadObjectId: personId(i),
    name: `Ansatt ${i}`,
    email: `ansatt${i}@benchvik.kommune.no`,
    unit: `Enhet ${i % UNITS}`,
    leads: i < UNITS ? `Enhet ${i}` : '',
    ke: i >= UNITS && i < UNITS + 5 ? 'ja' : '',
    keAdmin: i === UNITS ? 'ja' : '',
  }));
  return stringify(rows, { header: true, columns: [...PEOPLE_COLUMNS] });
}

/** A cases file of every status, coordinators among the people, dates in order and in the past. */
export function casesFile(count: number, people: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const reportedAt = day('2024-01-01', i % 600);
    const withCoordinator = ['oppnevnt', 'startet', 'avsluttet'].includes(status);
    const coordinator = UNITS + 5 + (i % (people - UNITS - 5));
    const child = i % 4 === 0;
    return {
      externalId: `SAK-${i}`,
      residentName: `Innbygger ${i}`,
      birthDate: child ? day('2010-01-01', i % 4000) : day('1940-01-01', i % 20000),
      ageGroup: child ? 'barn' : 'voksen',
      need: 'Behov for koordinerte tjenester.',
      services: `${SERVICES[i % 4]};${SERVICES[(i + 1) % 4]}`,
      // A child under 16 does not consent alone (pbrl § 4-3): the parents do.
      consentGivenBy: child ? 'foreldre' : 'innbygger',
      consentForm: 'skriftlig',
      consentDate: reportedAt,
      status,
      reportedAt,
      decidedAt: status === 'meldt' ? '' : day(reportedAt, 10),
      coordinatorAadObjectId: withCoordinator ? personId(coordinator) : '',
      coordinatorUnit: withCoordinator ? `Enhet ${coordinator % UNITS}` : '',
      appointedAt: withCoordinator ? day(reportedAt, 20) : '',
      ipStartedAt: status === 'startet' || status === 'avsluttet' ? day(reportedAt, 40) : '',
      nextEvaluationAt: status === 'startet' ? day('2027-01-01', i % 365) : '',
      evaluationIntervalMonths: status === 'startet' ? '6' : '',
      trainingCompletedAt: withCoordinator && i % 3 === 0 ? day(reportedAt, 100) : '',
      closedAt: status === 'avsluttet' ? day(reportedAt, 200) : '',
      closingReason: status === 'avsluttet' ? 'behovet opphørt' : '',
    };
  });
  return stringify(rows, { header: true, columns: [...CASE_COLUMNS] });
}

/** Runs a script as a process of its own; its time and peak RSS (VmHWM, sampled until it exits). */
function measure(script: string, args: string[], env: Record<string, string>): Promise<{ ms: number; peakRssMb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let peakKb = 0;
    const sampler = setInterval(() => {
      try {
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
      } catch {
        // exited between samples
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`${script} exited with ${code}: ${stdout.slice(-500)}`));
      else resolve({ ms: Math.round(performance.now() - started), peakRssMb: Math.round(peakKb / 102.4) / 10, stdout });
    });
  });
}

export interface ImportBenchTarget {
  name: 'sqlite' | 'cosmos';
  env: Record<string, string>;
}

/**
 * `npm run import` of `cases` cases and `people` people into a fresh store, beside creating cases
 * one by one through the case service (as the meldeskjema does) in the same store kind.
 */
export async function benchImport(target: ImportBenchTarget, sizes: { cases: number; people: number; oneByOne: number }) {
  const dir = mkdtempSync(join(tmpdir(), `kh-bench-import-${target.name}-`));
  const env = { DATA_DIR: join(dir, 'data'), COSMOS_DATABASE: `bench${Date.now()}`, ...target.env };
  writeFileSync(join(dir, 'people.csv'), peopleFile(sizes.people));
  writeFileSync(join(dir, 'cases.csv'), casesFile(sizes.cases, sizes.people));
  await measure('scripts/municipality.ts', ['add', '--id', 'benchvik', '--name', 'Benchvik kommune', '--tenant', 'bench-tenant'], env);
  const files = ['--directory', 'templates/directory.csv', '--people', join(dir, 'people.csv'), '--cases', join(dir, 'cases.csv')];
  const run = await measure('scripts/import.ts', ['--municipality', 'benchvik', ...files], env);
  if (!run.stdout.includes(`SAK-${sizes.cases - 1} → BENCHVIK-`)) throw new Error(`import did not report every case: ${run.stdout.slice(-300)}`);
  const rerun = await measure('scripts/import.ts', ['--municipality', 'benchvik', ...files], env);
  // The same cases as an Excel workbook (as a KE keeps them), into a municipality of their own.
  let xlsx: { ms: number; peakRssMb: number } | undefined;
  if (target.name === 'sqlite') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Saker');
    for (const row of parse(casesFile(sizes.cases, sizes.people)) as string[][]) sheet.addRow(row);
    await workbook.xlsx.writeFile(join(dir, 'saker.xlsx'));
    await measure('scripts/municipality.ts', ['add', '--id', 'benchviky', '--name', 'Benchvik Excel', '--tenant', 'bench-tenant-x'], env);
    const filesX = ['--directory', 'templates/directory.csv', '--people', join(dir, 'people.csv'), '--cases', join(dir, 'saker.xlsx')];
    const runX = await measure('scripts/import.ts', ['--municipality', 'benchviky', ...filesX], env);
    if (!runX.stdout.includes(`SAK-${sizes.cases - 1} → BENCHVIKY-`)) throw new Error(`xlsx import did not report every case: ${runX.stdout.slice(-300)}`);
    xlsx = { ms: runX.ms, peakRssMb: runX.peakRssMb };
  }
  const oneByOne = await measure('bench/oneByOne.ts', [String(sizes.oneByOne)], {
    ...env,
    COSMOS_DATABASE: `${env.COSMOS_DATABASE}x`,
    DATA_DIR: join(dir, 'one-by-one'),
  });
  rmSync(dir, { recursive: true, force: true });
  const perCaseMs = Number(/perCaseMs=([\d.]+)/.exec(oneByOne.stdout)?.[1] ?? NaN);
  return {
    cases: sizes.cases,
    people: sizes.people,
    ms: run.ms,
    peakRssMb: run.peakRssMb,
    rerunMs: rerun.ms,
    ...(xlsx ? { xlsxMs: xlsx.ms, xlsxPeakRssMb: xlsx.peakRssMb } : {}),
    baselineCases: sizes.oneByOne,
    baselineMs: oneByOne.ms,
    baselinePerCaseMs: perCaseMs,
    baselinePeakRssMb: oneByOne.peakRssMb,
    /** What creating all `cases` one by one would take at the measured rate. */
    baselineProjectedMs: Math.round(perCaseMs * sizes.cases),
  };
}
