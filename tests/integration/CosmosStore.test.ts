import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosStore } from '../../src/store/CosmosStore.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { startCosmosServer } from '../support/cosmosServer.js';
import { describeStoreContract } from './store.contract.js';

describeStoreContract('CosmosStore over the wire', async () => {
  const server = await startCosmosServer();
  const store = await server.connect();
  return {
    store,
    dispose: async () => {
      await store.close();
      await server.close();
    },
  };
});

describe('CosmosStore', () => {
  let server: Awaited<ReturnType<typeof startCosmosServer>>;
  beforeAll(async () => {
    server = await startCosmosServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps documents in a database that a second client connects to', async () => {
    const first = await server.connect('shared');
    await first.put('tenants', 'global', 'tenant-x', { municipality: 'rana' });
    await first.close();
    const second = await server.connect('shared');
    expect((await second.get<{ municipality: string }>('tenants', 'global', 'tenant-x'))?.data.municipality).toBe('rana');
    await second.close();
  });

  it('rolls back a multi-document write whose process died before it committed, when a store next connects', async () => {
    const first = await server.connect('crashed');
    await first.put('roles', 'testvik', 'kept', { name: 'before' });
    // What writeAll leaves behind when the process dies mid-write: the journal head and its part, and half the writes.
    const stale = new Date(Date.now() - 10 * 60_000).toISOString();
    const entries = [
      { container: 'roles', partition: 'testvik', id: 'kept', previous: { name: 'before' } },
      { container: 'roles', partition: 'testvik', id: 'new', previous: null },
      // A create that lost to a document someone else had written: the roll-back must leave it.
      { container: 'roles', partition: 'testvik', id: 'theirs', previous: null, created: 'hash-of-what-this-write-would-have-written' },
    ];
    await first.put('journal', 'journal', 'run-1', { kind: 'head', parts: 1, touchedAt: stale });
    await first.put('journal', 'journal', 'run-1-0', { kind: 'part', runId: 'run-1', entries });
    await first.put('roles', 'testvik', 'kept', { name: 'half-written' });
    await first.put('roles', 'testvik', 'new', { name: 'half-written' });
    await first.put('roles', 'testvik', 'theirs', { name: 'not ours' });
    await first.close();

    const second = await server.connect('crashed');
    expect((await second.get<{ name: string }>('roles', 'testvik', 'kept'))?.data.name).toBe('before');
    expect(await second.get('roles', 'testvik', 'new')).toBeUndefined();
    expect((await second.get<{ name: string }>('roles', 'testvik', 'theirs'))?.data.name).toBe('not ours');
    expect(await second.list('journal', 'journal')).toEqual([]);
    await second.close();
  });

  it('leaves a write in progress elsewhere alone (its journal is fresh)', async () => {
    const first = await server.connect('busy');
    await first.put('journal', 'journal', 'run-2', { kind: 'head', parts: 1, touchedAt: new Date().toISOString() });
    await first.put('journal', 'journal', 'run-2-0', {
      kind: 'part',
      runId: 'run-2',
      entries: [{ container: 'roles', partition: 'x', id: 'y', previous: null }],
    });
    await first.put('roles', 'x', 'y', { name: 'being written' });
    expect(await first.rollBackInterruptedWrites()).toBe(0);
    expect((await first.get<{ name: string }>('roles', 'x', 'y'))?.data.name).toBe('being written');
    await first.close();
  });

  it('turns an unreachable endpoint into StoreUnavailableError', async () => {
    await expect(
      CosmosStore.connect({ endpoint: 'https://127.0.0.1:9', database: 'x', key: 'a2V5', createIfMissing: true, agent: server.agent }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
  }, 60_000);
});
