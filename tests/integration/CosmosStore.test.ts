import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosStore } from '../../src/store/CosmosStore.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { startCosmosServer } from '../support/cosmosServer.js';
import { describeStoreContract } from './store.contract.js';

describeStoreContract('CosmosStore over the wire', async () => {
  const server = await startCosmosServer();
  const store = await server.connect();
  return { store, dispose: async () => { await store.close(); await server.close(); } };
});

describe('CosmosStore', () => {
  let server: Awaited<ReturnType<typeof startCosmosServer>>;
  beforeAll(async () => { server = await startCosmosServer(); });
  afterAll(async () => { await server.close(); });

  it('keeps documents in a database that a second client connects to', async () => {
    const first = await server.connect('shared');
    await first.put('tenants', 'global', 'tenant-x', { municipality: 'rana' });
    await first.close();
    const second = await server.connect('shared');
    expect((await second.get<{ municipality: string }>('tenants', 'global', 'tenant-x'))?.data.municipality).toBe('rana');
    await second.close();
  });

  it('turns an unreachable endpoint into StoreUnavailableError', async () => {
    await expect(
      CosmosStore.connect({ endpoint: 'https://127.0.0.1:9', database: 'x', key: 'a2V5', createIfMissing: true, agent: server.agent }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
  }, 60_000);
});
