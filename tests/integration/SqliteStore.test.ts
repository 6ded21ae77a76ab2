import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/SqliteStore.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { describeStoreContract } from './store.contract.js';

describeStoreContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-sqlite-'));
  const store = new SqliteStore(join(dir, 'store.sqlite'));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteStore', () => {
  it('keeps what was stored across a restart (a new process opening the same file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-sqlite-restart-'));
    const file = join(dir, 'nested', 'store.sqlite');
    const first = new SqliteStore(file);
    const written = await first.put('tenants', 'global', 'tenant-1', { municipality: 'alesund' });
    await first.close();
    const second = new SqliteStore(file);
    expect(await second.get('tenants', 'global', 'tenant-1')).toEqual(written);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers StoreUnavailableError, not a crash, once the database is closed', async () => {
    const store = new SqliteStore(':memory:');
    await store.close();
    await expect(store.get('tenants', 'global', 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.health()).toMatchObject({ ok: false });
  });
});
