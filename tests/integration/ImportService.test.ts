import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/Case.js';
import type { ImportFiles } from '../../src/onboarding/ImportService.js';
import type { StoredReminder } from '../../src/reminders/ReminderSchedule.js';
import { createServices, type Services } from '../../src/services.js';
import type { Store } from '../../src/store/Store.js';
import { reportForm } from '../support/reportForm.js';
import { bothStores } from '../support/stores.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const template = (name: string) => ({ name, bytes: readFileSync(`templates/${name}`) });
const templates: ImportFiles = { directory: template('directory.csv'), people: template('people.csv'), cases: template('cases.csv') };
const KARI = '7a1e0c52-1111-4c8e-9a11-000000000001';
const OLA = '7a1e0c52-1111-4c8e-9a11-000000000004';
const PER = '7a1e0c52-1111-4c8e-9a11-000000000002';

/** Everything in the municipality's partitions, to prove a refused import wrote nothing. */
async function snapshot(store: Store, m: string) {
  const containers = ['cases', 'roles', 'directory', 'reminders', 'audit', 'revisions'] as const;
  return Object.fromEntries(await Promise.all(containers.map(async (c) => [c, (await store.list(c, m)).map((doc) => [doc.id, doc.data])])));
}

for (const [name, open] of bothStores) {
  describe(`ImportService on ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let services: Services;

    beforeAll(async () => {
      ({ store, dispose } = await open());
      services = createServices(store, { now: () => NOW });
      await services.municipalities.add({ id: 'testvik', name: 'Testvik kommune', tenantIds: ['tenant-iks'] });
      await services.municipalities.add({ id: 'nordvik', name: 'Nordvik kommune', tenantIds: ['tenant-iks'] });
    });
    afterAll(async () => dispose());

    it('checks the templates without writing anything (dry run)', async () => {
      const before = await snapshot(store, 'testvik');
      const report = await services.imports.run('testvik', templates, { importedBy: 'operator:it', dryRun: true });
      expect(report).toMatchObject({
        problems: [],
        directory: { saved: 6, retired: 0 },
        people: { added: 6 },
        cases: { added: 4, unchanged: 0 },
        reminders: 9,
      });
      expect(await snapshot(store, 'testvik')).toEqual(before);
    });

    it('imports directory, people and cases as ordinary cases, with references, reminders and audit', async () => {
      const report = await services.imports.run('testvik', templates, { importedBy: 'operator:it', dryRun: false });
      expect(report.cases!.references).toEqual([
        { line: 2, externalId: 'IP-2025-014', reference: 'TESTVIK-2026-0001', isNew: true },
        { line: 3, externalId: 'IP-2025-021', reference: 'TESTVIK-2026-0002', isNew: true },
        { line: 4, externalId: 'IP-2026-003', reference: 'TESTVIK-2026-0003', isNew: true },
        { line: 5, externalId: 'IP-2024-007', reference: 'TESTVIK-2026-0004', isNew: true },
      ]);
      const cases = (await store.list<Case>('cases', 'testvik')).map((doc) => doc.data);
      expect(cases.map((c) => [c.externalId, c.state]).sort()).toEqual([
        ['IP-2024-007', 'closed'],
        ['IP-2025-014', 'planInProgress'],
        ['IP-2025-021', 'coordinatorAppointed'],
        ['IP-2026-003', 'reported'],
      ]);
      // The imported people are KE, leaders and coordinators as the file says; the picker offers them.
      const kari = await services.roles.actor('testvik', KARI);
      expect(kari).toMatchObject({ isKe: true });
      expect(await services.roles.has('testvik', KARI, 'keAdmin')).toBe(true);
      expect((await services.roles.people('testvik')).map((p) => p.name)).toContain('Aisha Ahmed');
      expect(await services.roles.leadersOf('testvik', 'PPT')).toEqual(['7a1e0c52-1111-4c8e-9a11-000000000005']);
      // Training: done where the file says so, otherwise the deadline runs from the first appointment.
      expect(await services.roles.training('testvik', PER)).toMatchObject({ completedOn: '2025-11-20' });
      expect(await services.roles.training('testvik', OLA)).toEqual({ startedAt: '2026-10-20T08:00:00.000Z' });
      const reminders = (await store.list<StoredReminder>('reminders', 'testvik')).map((doc) => doc.data);
      expect(reminders.map((r) => r.kind).sort()).toEqual([
        'contact',
        'contact',
        'evaluation',
        'keWaiting',
        'training',
        'training',
        'transition',
        'transition',
        'transition',
      ]);
      expect(reminders.find((r) => r.kind === 'training' && r.to.kind === 'user')?.dueAt.slice(0, 10)).toBe('2027-04-20');
      // People on a shared tenant belong to the municipality that imported them.
      expect(await services.municipalities.resolve('tenant-iks', OLA)).toMatchObject({ kind: 'resolved', municipality: { id: 'testvik' } });
      const audit = await services.audit.list('testvik', { limit: 20 });
      expect(audit.filter((entry) => entry.action === 'case.import')).toHaveLength(4);
      expect(audit.find((entry) => entry.action === 'import.run')).toMatchObject({
        actor: 'operator:it',
        details: { cases: 4, people: 6, files: 'directory.csv, people.csv, cases.csv' },
      });
      expect((await services.directory.search('testvik', 'helsesykepleier'))[0]?.entry.id).toBe('testvik-helsestasjon');
    });

    it('changes nothing and duplicates nothing when the same files are imported again', async () => {
      const before = await snapshot(store, 'testvik');
      const report = await services.imports.run('testvik', templates, { importedBy: 'operator:it', dryRun: false });
      expect(report).toMatchObject({
        directory: { saved: 0, retired: 0, unchanged: 6 },
        people: { added: 0, changed: 0, unchanged: 6 },
        cases: { added: 0, unchanged: 4 },
        reminders: 0,
      });
      expect(report.cases!.references.map((line) => line.reference)).toEqual([
        'TESTVIK-2026-0001',
        'TESTVIK-2026-0002',
        'TESTVIK-2026-0003',
        'TESTVIK-2026-0004',
      ]);
      expect(await snapshot(store, 'testvik')).toEqual(before);
    });

    it('writes nothing when any file has a bad row, and names file and line for each', async () => {
      const before = await snapshot(store, 'testvik');
      const people = `${readFileSync('templates/people.csv', 'utf8')}8b000000-0000-0000-0000-000000000009,Ny Person,,Hjemmetjenesten,,,\n`;
      const cases =
        readFileSync('templates/cases.csv', 'utf8').replace('IP-2026-003,Eksempel Ungdom,2009-01-15', 'IP-2026-003,Eksempel Ungdom,2031-01-15') +
        'IP-NEW,Ny,1990-01-01,voksen,Behov,testvik-ukjent,innbygger,skriftlig,2026-01-01,meldt,2026-01-01,,,,,,,,,,,,\n';
      const report = await services.imports.run(
        'testvik',
        { people: { name: 'people.csv', bytes: Buffer.from(people) }, cases: { name: 'saker.csv', bytes: Buffer.from(cases) } },
        { importedBy: 'operator:it', dryRun: false },
      );
      expect(report.problems).toEqual([
        expect.objectContaining({ file: 'cases', fileName: 'saker.csv', line: 4, key: 'import.problem.futureDate' }),
        expect.objectContaining({ file: 'cases', fileName: 'saker.csv', line: 6, key: 'import.problem.unknownService', params: { value: 'testvik-ukjent' } }),
      ]);
      expect(await snapshot(store, 'testvik')).toEqual(before);
    });

    it('refuses a directory file that names another municipality, and an empty one', async () => {
      const other = JSON.stringify({ municipality: 'nordvik', entries: [] });
      const report = await services.imports.run(
        'testvik',
        { directory: { name: 'nordvik.json', bytes: Buffer.from(other) } },
        { importedBy: 'operator:it', dryRun: false },
      );
      expect(report.problems.map((p) => p.key).sort()).toEqual(['import.problem.noRows', 'import.problem.otherMunicipality']);
      expect((await services.directory.list('testvik')).length).toBe(6);
    });

    it('asks before a directory file retires more than half of the directory, and retires when it is confirmed', async () => {
      const lines = Buffer.from(templates.directory!.bytes).toString('utf8').trimEnd().split(/\r?\n/);
      const twoOfSix = { name: 'kort.csv', bytes: Buffer.from(`${lines.slice(0, 3).join('\n')}\n`) };
      const refused = await services.imports.run('testvik', { directory: twoOfSix }, { importedBy: 'operator:it', dryRun: false });
      expect(refused.problems).toEqual([
        expect.objectContaining({ file: 'directory', line: 1, key: 'import.problem.largeRetire', params: { retired: 4, total: 6 } }),
      ]);
      expect((await services.directory.list('testvik')).length).toBe(6);

      const confirmed = await services.imports.run('testvik', { directory: twoOfSix }, { importedBy: 'operator:it', dryRun: false, allowLargeRetire: true });
      expect(confirmed.problems).toEqual([]);
      expect((await services.directory.list('testvik')).length).toBe(2);
      await services.imports.run('testvik', { directory: templates.directory! }, { importedBy: 'operator:it', dryRun: false }); // as it was
      expect((await services.directory.list('testvik')).length).toBe(6);
    });

    it('never crosses municipalities: the same external ids in a neighbour on the same tenant are its own cases', async () => {
      await services.imports.run('nordvik', { directory: templates.directory!, people: templates.people! }, { importedBy: 'operator:it', dryRun: false });
      const report = await services.imports.run('nordvik', { cases: templates.cases! }, { importedBy: 'operator:it', dryRun: false });
      expect(report.cases!.references.map((line) => line.reference)).toEqual([
        'NORDVIK-2026-0001',
        'NORDVIK-2026-0002',
        'NORDVIK-2026-0003',
        'NORDVIK-2026-0004',
      ]);
      expect((await store.list('cases', 'testvik')).length).toBe(4);
    });

    it('continues the reference numbering after cases reported in chat', async () => {
      const reporter = await services.roles.actor('testvik', PER);
      await services.cases.report(reporter, reportForm({ servicesInvolved: 'testvik-hjemmetjenesten,testvik-psykisk-helse', reporterUnit: 'Hjemmetjenesten' }));
      const file = `${readFileSync('templates/cases.csv', 'utf8')}IP-LATE,Sen Sak,1980-01-01,voksen,Behov,testvik-ppt,innbygger,muntlig,2026-11-01,meldt,2026-11-01,,,,,,,,,,,,\n`;
      const report = await services.imports.run(
        'testvik',
        { cases: { name: 'cases.csv', bytes: Buffer.from(file) } },
        { importedBy: 'operator:it', dryRun: false },
      );
      expect(report.cases!.references.at(-1)).toEqual({ line: 6, externalId: 'IP-LATE', reference: 'TESTVIK-2026-0006', isNew: true });
    });
  });
}
