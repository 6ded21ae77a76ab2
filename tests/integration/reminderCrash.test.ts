import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/services.js';
import { SqliteStore } from '../../src/store/SqliteStore.js';
import { reportForm } from '../support/reportForm.js';

const dataDir = mkdtempSync(join(tmpdir(), 'kh-crash-'));
const file = join(dataDir, 'koordinatorhjelpen.sqlite');

/** The bot's services on the store a killed process left, with a clock of the test's. */
function open(now: () => Date): { store: SqliteStore; services: Services } {
  const store = new SqliteStore(file);
  return { store, services: createServices(store, { now }) };
}

/** Another process reports the case and is killed (SIGKILL) as soon as the case is written. */
function reportAndDie(form: Record<string, unknown>): void {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/reportAndDie.ts', dataDir, JSON.stringify(form)], { encoding: 'utf8' });
  expect(child.signal).toBe('SIGKILL');
  expect(child.stdout).not.toContain('survived');
}

describe('a process killed between a report’s write and its reminders’', () => {
  it('leaves a case the next sweep gives its reminders, and a resend of the form repairs at once', async () => {
    const setup = open(() => new Date());
    await setup.services.municipalities.add({
      id: 'rana',
      name: 'Rana kommune',
      tenantIds: ['00000000-0000-0000-0000-000000000001'],
      phones: {},
      defaultLanguage: 'nb',
    });
    await setup.store.close();

    const swept = reportForm();
    const resent = reportForm();
    reportAndDie(swept);
    reportAndDie(resent);

    // Three minutes later, in a new process.
    const later = new Date(Date.now() + 3 * 60_000);
    const { store, services } = open(() => later);
    const cases = await services.cases.changedSince('rana');
    expect(cases).toHaveLength(2);
    const keWaiting = async (caseId: string) => (await services.schedule.ofCase('rana', caseId)).filter((doc) => doc.data.kind === 'keWaiting');
    for (const c of cases) expect(await keWaiting(c.id)).toEqual([]);

    // The reporter presses «Send» again (or Teams resends): the same case, with its reminders now.
    const again = await services.cases.report(await services.roles.actor('rana', 'reporter'), resent);
    expect(await keWaiting(again.id)).toHaveLength(1);

    // The sweep repairs the other, once.
    expect(await services.schedule.repair('rana')).toBe(1);
    expect(await services.schedule.repair('rana')).toBe(0);
    for (const c of cases) expect(await keWaiting(c.id)).toHaveLength(1);
    await store.close();
  }, 60_000);
});
