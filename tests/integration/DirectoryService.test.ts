import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/AuditLog.js';
import { DirectoryService } from '../../src/directory/DirectoryService.js';
import { seedEntries } from '../../src/directory/seedData.js';
import { searchLanguage } from '../../src/directory/searchLanguage.js';
import { NotAllowedError } from '../../src/errors.js';
import { Roles } from '../../src/roles/Roles.js';
import type { Store } from '../../src/store/Store.js';
import { bothStores } from '../support/stores.js';

const ADMIN = 'admin-rana';
const EMPLOYEE = 'employee-rana';

function describeDirectoryService(name: string, open: () => Promise<{ store: Store; dispose: () => Promise<void> }>) {
  describe(`DirectoryService on ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let directory: DirectoryService;
    const service = (refreshMs: number) =>
      new DirectoryService({ store, roles: new Roles(store), audit: new AuditLog(store), language: searchLanguage(), refreshMs });

    beforeAll(async () => {
      ({ store, dispose } = await open());
      await new Roles(store).grant('rana', ADMIN, 'keAdmin');
      await new Roles(store).grant('alesund', 'admin-alesund', 'keAdmin');
      directory = service(0);
      expect(await directory.seedIfEmpty('rana', seedEntries('rana'))).toBe(21);
      expect(await directory.seedIfEmpty('rana', seedEntries('rana'))).toBe(0);
    });
    afterAll(async () => dispose());

    it('answers from the index built from the store', async () => {
      const [first] = await directory.search('rana', 'uførepensjon');
      expect(first?.entry).toMatchObject({ id: 'rana-nav', phones: [{ number: '55553333' }] });
    });

    it('lets a KE admin change an entry, audits it, and every instance sees the change', async () => {
      const other = service(0); // a second bot instance on the same store
      await other.search('rana', 'frisklivssentralen');
      const entry = (await directory.get('rana', 'rana-frisklivssentralen'))!;
      await directory.save('rana', { userId: ADMIN }, { ...entry, keywords: [...entry.keywords, 'snusslutt'] });
      expect((await other.search('rana', 'snusslutt'))[0]?.entry.id).toBe('rana-frisklivssentralen');
      const [audit] = await new AuditLog(store).list('rana', { target: 'directory/rana-frisklivssentralen' });
      expect(audit).toMatchObject({ actor: ADMIN, action: 'directory.update', details: { changedFields: 'keywords' } });
    });

    it('refuses changes from someone who is not KE admin of that municipality', async () => {
      const entry = (await directory.get('rana', 'rana-nav'))!;
      await expect(directory.save('rana', { userId: EMPLOYEE }, { ...entry, name: 'Hacked' })).rejects.toBeInstanceOf(NotAllowedError);
      await expect(directory.save('rana', { userId: 'admin-alesund' }, { ...entry, name: 'Hacked' })).rejects.toBeInstanceOf(NotAllowedError);
      await expect(directory.retire('rana', { userId: undefined }, 'rana-nav')).rejects.toBeInstanceOf(NotAllowedError);
      expect((await directory.get('rana', 'rana-nav'))?.name).toBe('NAV');
    });

    it('rejects an invalid entry with a clear message and stores nothing', async () => {
      const entry = (await directory.get('rana', 'rana-nav'))!;
      await expect(directory.save('rana', { userId: ADMIN }, { ...entry, phones: [{ number: '12' }] })).rejects.toMatchObject({
        userMessage: { key: 'directory.invalid.field', labels: { field: 'directory.edit.phones' } },
      });
      expect((await directory.get('rana', 'rana-nav'))?.phones).toEqual([{ number: '55553333' }]);
    });

    it('retires an entry out of search but keeps it in the store', async () => {
      await directory.retire('rana', { userId: ADMIN }, 'rana-helsesparken');
      expect((await directory.search('rana', 'helsesparken')).map((h) => h.entry.id)).not.toContain('rana-helsesparken');
      expect((await directory.get('rana', 'rana-helsesparken'))?.retired).toBe(true);
    });

    it('plans an import as writes: changed entries, retired ones and a new revision; nothing is written until the caller does', async () => {
      await directory.seedIfEmpty('alesund', seedEntries('alesund'));
      const [first, second, ...rest] = seedEntries('alesund');
      const plan = await directory.importOps('alesund', [{ ...first!, offers: 'Nytt tilbud' }, ...rest]);
      expect(plan).toMatchObject({ saved: 1, retired: 1, unchanged: rest.length });
      expect(plan.ops.map((op) => `${op.container}/${op.id}`).sort()).toEqual([`directory/${first!.id}`, `directory/${second!.id}`, 'revisions/directory']);
      expect((await directory.get('alesund', second!.id))?.retired).toBeUndefined();
      await store.writeAll(plan.ops);
      directory.applied('alesund');
      expect((await directory.list('alesund')).map((e) => e.id)).not.toContain(second!.id);
      expect((await directory.get('alesund', first!.id))?.offers).toBe('Nytt tilbud');
      expect((await directory.importOps('alesund', [{ ...first!, offers: 'Nytt tilbud' }, ...rest])).ops).toEqual([]);
    });
  });
}

for (const [name, open] of bothStores) describeDirectoryService(name, open);
