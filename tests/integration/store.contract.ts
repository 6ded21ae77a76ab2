import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import type { Store } from '../../src/store/Store.js';
import { StoreStorage } from '../../src/store/StoreStorage.js';

interface Tenant {
  municipality: string;
  since: number;
  note?: string | null;
}

/** The one contract every Store adapter must pass. Each adapter's test file calls this with its factory. */
export function describeStoreContract(name: string, open: () => Promise<{ store: Store; dispose: () => Promise<void> }>): void {
  describe(`${name} (Store contract)`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let n = 0;
    const uniqueId = (prefix: string) => `${prefix}-${Date.now()}-${n++}`;

    beforeAll(async () => {
      ({ store, dispose } = await open());
    });
    afterAll(async () => {
      await dispose();
    });

    it('returns undefined for a document that does not exist', async () => {
      expect(await store.get('tenants', 'p', uniqueId('missing'))).toBeUndefined();
    });

    it('creates a document and reads it back with an etag', async () => {
      const id = uniqueId('t');
      const created = await store.create<Tenant>('tenants', 'global', id, { municipality: 'rana', since: 1 });
      expect(created.etag).not.toBe('');
      const read = await store.get<Tenant>('tenants', 'global', id);
      expect(read).toEqual({ id, partition: 'global', data: { municipality: 'rana', since: 1 }, etag: created.etag });
    });

    it('refuses to create the same id twice, so a claim happens exactly once', async () => {
      const id = uniqueId('claim');
      const attempts = await Promise.allSettled([1, 2, 3].map((i) => store.create('tenants', 'global', id, { municipality: 'rana', since: i })));
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(rejected).toHaveLength(2);
      for (const r of rejected) expect(r.reason).toBeInstanceOf(ConflictError);
    });

    it('keeps partitions apart', async () => {
      const id = uniqueId('same');
      await store.put('tenants', 'rana', id, { municipality: 'rana', since: 1 });
      await store.put('tenants', 'alesund', id, { municipality: 'alesund', since: 2 });
      expect((await store.get<Tenant>('tenants', 'rana', id))?.data.municipality).toBe('rana');
      expect((await store.get<Tenant>('tenants', 'alesund', id))?.data.municipality).toBe('alesund');
      expect((await store.list<Tenant>('tenants', 'rana')).every((d) => d.partition === 'rana')).toBe(true);
    });

    it('writes with a matching etag and changes the etag', async () => {
      const id = uniqueId('v');
      const first = await store.put<Tenant>('tenants', 'global', id, { municipality: 'rana', since: 1 });
      const second = await store.put<Tenant>('tenants', 'global', id, { municipality: 'alesund', since: 2 }, first.etag);
      expect(second.etag).not.toBe(first.etag);
      expect((await store.get<Tenant>('tenants', 'global', id))?.data.municipality).toBe('alesund');
    });

    it('rejects a write with a stale etag as a ConflictError and keeps the newer data', async () => {
      const id = uniqueId('stale');
      const first = await store.put<Tenant>('tenants', 'global', id, { municipality: 'rana', since: 1 });
      await store.put<Tenant>('tenants', 'global', id, { municipality: 'alesund', since: 2 }, first.etag);
      await expect(store.put<Tenant>('tenants', 'global', id, { municipality: 'rana', since: 3 }, first.etag)).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get<Tenant>('tenants', 'global', id))?.data.since).toBe(2);
    });

    it('lets exactly one of two concurrent writers with the same etag win', async () => {
      const id = uniqueId('race');
      const base = await store.put<Tenant>('tenants', 'global', id, { municipality: 'rana', since: 0 });
      const results = await Promise.allSettled([1, 2].map((since) => store.put<Tenant>('tenants', 'global', id, { municipality: 'rana', since }, base.etag)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('treats a conditional write on a missing document as a conflict', async () => {
      await expect(store.put('tenants', 'global', uniqueId('gone'), { municipality: 'rana', since: 1 }, 'some-etag')).rejects.toBeInstanceOf(ConflictError);
    });

    it('deletes, reporting whether there was anything to delete', async () => {
      const id = uniqueId('del');
      await store.put('tenants', 'global', id, { municipality: 'rana', since: 1 });
      expect(await store.delete('tenants', 'global', id)).toBe(true);
      expect(await store.get('tenants', 'global', id)).toBeUndefined();
      expect(await store.delete('tenants', 'global', id)).toBe(false);
    });

    it('refuses a delete with a stale etag', async () => {
      const id = uniqueId('delstale');
      const first = await store.put<Tenant>('tenants', 'global', id, { municipality: 'rana', since: 1 });
      await store.put<Tenant>('tenants', 'global', id, { municipality: 'rana', since: 2 });
      await expect(store.delete('tenants', 'global', id, first.etag)).rejects.toBeInstanceOf(ConflictError);
      expect(await store.get('tenants', 'global', id)).toBeDefined();
    });

    it('lists with equality and range filters, ordering and a limit', async () => {
      const partition = uniqueId('list');
      for (const [i, municipality] of ['rana', 'alesund', 'rana', 'rana', 'alesund'].entries()) {
        await store.put<Tenant>('tenants', partition, `d${i}`, { municipality, since: i * 10 });
      }
      const rana = await store.list<Tenant>('tenants', partition, {
        where: [{ field: 'municipality', op: '=', value: 'rana' }],
        orderBy: { field: 'since', direction: 'desc' },
      });
      expect(rana.map((d) => d.data.since)).toEqual([30, 20, 0]);
      const recent = await store.list<Tenant>('tenants', partition, {
        where: [{ field: 'since', op: '>=', value: 20 }],
        orderBy: { field: 'since', direction: 'asc' },
        limit: 2,
      });
      expect(recent.map((d) => d.id)).toEqual(['d2', 'd3']);
      expect(await store.list('tenants', partition, { where: [{ field: 'municipality', op: '=', value: 'oslo' }] })).toEqual([]);
    });

    it('answers the coordination work’s queries: a person’s open tasks by deadline, overdue tasks, a case’s meetings to come', async () => {
      const partition = uniqueId('work');
      const task = (i: number, ownerUserId: string, state: string, dueOn: string) => ({ caseId: `case-${i % 2}`, ownerUserId, state, dueOn });
      const tasks = [
        task(0, 'per', 'open', '2026-12-20'),
        task(1, 'per', 'open', '2026-12-10'),
        task(2, 'per', 'done', '2026-12-01'),
        task(3, 'kari', 'open', '2026-12-05'),
      ];
      for (const [i, data] of tasks.entries()) await store.put('tasks', partition, `t${i}`, data);
      const mine = await store.list<{ dueOn: string }>('tasks', partition, {
        where: [
          { field: 'ownerUserId', op: '=', value: 'per' },
          { field: 'state', op: '=', value: 'open' },
        ],
        orderBy: { field: 'dueOn', direction: 'asc' },
        limit: 50,
      });
      expect(mine.map((d) => d.id)).toEqual(['t1', 't0']);
      const overdue = await store.list('tasks', partition, {
        where: [
          { field: 'state', op: '=', value: 'open' },
          { field: 'dueOn', op: '<', value: '2026-12-11' },
        ],
      });
      expect(overdue.map((d) => d.id).sort()).toEqual(['t1', 't3']);
      for (const [i, startsAt] of ['2026-12-01T08:00:00.000Z', '2026-12-14T08:00:00.000Z', '2026-12-10T08:00:00.000Z'].entries())
        await store.put('meetings', partition, `m${i}`, { caseId: 'case-0', startsAt });
      const ahead = await store.list('meetings', partition, {
        where: [
          { field: 'caseId', op: '=', value: 'case-0' },
          { field: 'startsAt', op: '>', value: '2026-12-07T00:00:00.000Z' },
        ],
        orderBy: { field: 'startsAt', direction: 'asc' },
      });
      expect(ahead.map((d) => d.id)).toEqual(['m2', 'm1']);
      await store.put('partners', partition, 'p0', { caseId: 'case-0', userId: 'per' });
      expect((await store.list('partners', partition, { where: [{ field: 'userId', op: '=', value: 'per' }] })).map((d) => d.id)).toEqual(['p0']);
    });

    it('treats user-supplied values as data, never as query text', async () => {
      const partition = uniqueId('inject');
      await store.put<Tenant>('tenants', partition, 'x', { municipality: "rana' OR 1=1 --", since: 1 });
      await store.put<Tenant>('tenants', partition, 'y', { municipality: 'alesund', since: 2 });
      const hits = await store.list<Tenant>('tenants', partition, { where: [{ field: 'municipality', op: '=', value: "rana' OR 1=1 --" }] });
      expect(hits.map((d) => d.id)).toEqual(['x']);
      await expect(store.list('tenants', partition, { where: [{ field: "x') OR 1=1 --", op: '=', value: 1 }] })).rejects.toThrow(/Invalid field path/);
    });

    it('stores ids that contain slashes and colons (bot state keys)', async () => {
      const id = `msteams/bot/conversations/a:1?x#y/${uniqueId('k')}`;
      await store.put('botState', id, id, { hello: 'verden' });
      expect((await store.get<{ hello: string }>('botState', id, id))?.data.hello).toBe('verden');
    });

    it('reports itself healthy', async () => {
      expect(await store.health()).toMatchObject({ ok: true, kind: store.kind });
    });

    describe('writeAll()', () => {
      it('writes, replaces and deletes documents across containers and partitions in one call', async () => {
        const [a, b, gone] = [uniqueId('w'), uniqueId('w'), uniqueId('w')];
        await store.put('roles', 'p1', b, { before: true });
        await store.put('roles', 'p2', gone, { before: true });
        await store.writeAll([
          { container: 'tenants', partition: 'global', id: a, data: { municipality: 'rana', since: 1 } },
          { container: 'roles', partition: 'p1', id: b, data: { before: false } },
          { container: 'roles', partition: 'p2', id: gone },
        ]);
        expect((await store.get<Tenant>('tenants', 'global', a))?.data).toEqual({ municipality: 'rana', since: 1 });
        expect((await store.get('roles', 'p1', b))?.data).toEqual({ before: false });
        expect(await store.get('roles', 'p2', gone)).toBeUndefined();
      });

      it('writes nothing when a conditional write in the batch loses, whatever came before it', async () => {
        const [first, counter, absent] = [uniqueId('w'), uniqueId('c'), uniqueId('a')];
        const read = await store.put('revisions', 'p', counter, { n: 1 });
        await store.put('revisions', 'p', counter, { n: 2 }); // someone else moved the counter on
        await store.put('revisions', 'p', absent, { n: 9 });
        for (const losing of [
          { container: 'revisions' as const, partition: 'p', id: counter, data: { n: 5 }, ifMatch: read.etag },
          { container: 'revisions' as const, partition: 'p', id: absent, data: { n: 5 }, ifMatch: null },
        ]) {
          await expect(
            store.writeAll([{ container: 'tenants', partition: 'global', id: first, data: { municipality: 'x', since: 1 } }, losing]),
          ).rejects.toBeInstanceOf(ConflictError);
          expect(await store.get('tenants', 'global', first)).toBeUndefined();
        }
        expect((await store.get<{ n: number }>('revisions', 'p', counter))?.data.n).toBe(2);
        expect((await store.get<{ n: number }>('revisions', 'p', absent))?.data.n).toBe(9);
      });

      it('writes a conditional document when its condition holds', async () => {
        const [counter, fresh] = [uniqueId('c'), uniqueId('f')];
        const read = await store.put('revisions', 'p', counter, { n: 1 });
        await store.writeAll([
          { container: 'revisions', partition: 'p', id: counter, data: { n: 3 }, ifMatch: read.etag },
          { container: 'revisions', partition: 'p', id: fresh, data: { n: 1 }, ifMatch: null },
        ]);
        expect((await store.get<{ n: number }>('revisions', 'p', counter))?.data.n).toBe(3);
        expect((await store.get<{ n: number }>('revisions', 'p', fresh))?.data.n).toBe(1);
      });
    });

    describe('StoreStorage (botbuilder Storage)', () => {
      it('round-trips items and honours eTags', async () => {
        const storage = new StoreStorage(store);
        const key = `msteams/bot/users/${uniqueId('u')}`;
        await storage.write({ [key]: { locale: 'nn' } });
        const first = await storage.read([key, 'no/such/key']);
        expect(Object.keys(first)).toEqual([key]);
        expect(first[key]).toMatchObject({ locale: 'nn' });
        await storage.write({ [key]: { ...first[key], locale: 'en' } });
        await expect(storage.write({ [key]: { ...first[key], locale: 'nb' } })).rejects.toBeInstanceOf(ConflictError);
        await storage.write({ [key]: { locale: 'nb', eTag: '*' } });
        expect((await storage.read([key]))[key]).toMatchObject({ locale: 'nb' });
        await storage.delete([key]);
        expect(await storage.read([key])).toEqual({});
      });
    });
  });
}
