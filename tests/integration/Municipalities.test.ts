import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { createServices, type Services } from '../../src/services.js';
import type { Store } from '../../src/store/Store.js';
import { bothStores } from '../support/stores.js';

for (const [name, open] of bothStores) {
  describe(`Municipalities on ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let services: Services;

    beforeAll(async () => {
      ({ store, dispose } = await open());
      services = createServices(store);
      await services.municipalities.add({ id: 'testvik', name: 'Testvik kommune', tenantIds: ['tenant-iks'], phones: { servicetorget: '12345678' } });
      await services.municipalities.add({ id: 'nordvik', name: 'Nordvik kommune', tenantIds: ['tenant-iks'], defaultLanguage: 'nn' });
      await services.municipalities.add({ id: 'solo', name: 'Solo kommune', tenantIds: ['tenant-solo'] });
    });
    afterAll(async () => dispose());

    it('keeps a municipality as a record with defaults: bokmål, no phones, the standard reminder settings', async () => {
      const solo = await services.municipalities.get('solo');
      expect(solo).toMatchObject({ id: 'solo', name: 'Solo kommune', tenantIds: ['tenant-solo'], defaultLanguage: 'nb', phones: {}, reminders: {} });
      expect((await services.municipalities.list()).map((m) => m.id)).toEqual(['nordvik', 'solo', 'testvik']);
    });

    it.each([
      ['an id with capitals', { id: 'Testvik', name: 'Testvik kommune' }, 'id', 'Testvik'],
      ['a name of one letter', { id: 'x-by', name: 'X' }, 'name', 'X'],
      ['a phone that is not 8 digits', { id: 'x-by', name: 'X-by', phones: { ke: '123' } }, 'phones', '123'],
      ['a tenant id with spaces', { id: 'x-by', name: 'X-by', tenantIds: ['a b'] }, 'tenantIds', 'a b'],
    ])('refuses %s, saying what is wrong with which value', async (_name, input, field, value) => {
      const error = await services.municipalities.add(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).userMessage).toEqual({ key: `municipality.invalid.${field}`, params: { value } });
    });

    it('refuses a second municipality with the same id', async () => {
      await expect(services.municipalities.add({ id: 'solo', name: 'Solo igjen' })).rejects.toMatchObject({ userMessage: { key: 'municipality.exists' } });
    });

    it('resolves a tenant of one municipality to it, and an unknown tenant to «not connected»', async () => {
      expect(await services.municipalities.resolve('tenant-solo', 'anyone')).toMatchObject({ kind: 'resolved', municipality: { id: 'solo' } });
      expect(await services.municipalities.resolve('tenant-unknown', 'anyone')).toEqual({ kind: 'notConnected' });
      expect(await services.municipalities.resolve(undefined, 'anyone')).toEqual({ kind: 'notConnected' });
    });

    it('on a shared tenant, asks a person in no list to choose, and remembers the choice', async () => {
      const asked = await services.municipalities.resolve('tenant-iks', 'new-person');
      expect(asked.kind === 'choose' && asked.options.map((m) => m.id)).toEqual(['nordvik', 'testvik']);
      await services.municipalities.assignMember('tenant-iks', 'new-person', 'nordvik', 'chosen');
      expect(await services.municipalities.resolve('tenant-iks', 'new-person')).toMatchObject({
        kind: 'resolved',
        municipality: { id: 'nordvik', defaultLanguage: 'nn' },
      });
    });

    it('refuses to place someone in a municipality that is not on their tenant', async () => {
      await expect(services.municipalities.assignMember('tenant-iks', 'p', 'solo', 'chosen')).rejects.toMatchObject({
        userMessage: { key: 'municipality.notOnTenant' },
      });
    });

    it('moves the tenant index with the record: a tenant taken off no longer resolves to it', async () => {
      await services.municipalities.update('solo', (m) => ({ ...m, tenantIds: ['tenant-solo-2'] }));
      expect(await services.municipalities.resolve('tenant-solo', 'x')).toEqual({ kind: 'notConnected' });
      expect(await services.municipalities.resolve('tenant-solo-2', 'x')).toMatchObject({ kind: 'resolved', municipality: { id: 'solo' } });
    });

    it('refuses to remove a municipality that holds cases, and removes one that holds none', async () => {
      await store.put('cases', 'testvik', 'case-1', { id: 'case-1' });
      await expect(services.municipalities.remove('testvik')).rejects.toMatchObject({ userMessage: { key: 'municipality.holdsCases' } });
      expect(await services.municipalities.get('testvik')).toBeDefined();
      await services.municipalities.remove('solo');
      expect(await services.municipalities.get('solo')).toBeUndefined();
      expect(await services.municipalities.resolve('tenant-solo-2', 'x')).toEqual({ kind: 'notConnected' });
    });
  });
}
