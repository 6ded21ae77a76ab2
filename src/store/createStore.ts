import { join } from 'node:path';
import type { Config } from '../config.js';
import { CosmosStore } from './CosmosStore.js';
import { SqliteStore } from './SqliteStore.js';
import type { Store } from './Store.js';

/** Cosmos DB when `COSMOS_ENDPOINT` is set, otherwise the embedded SQLite file under `DATA_DIR`. */
export async function createStore(config: Pick<Config, 'cosmos' | 'dataDir'>): Promise<Store> {
  if (config.cosmos) {
    return CosmosStore.connect({
      endpoint: config.cosmos.endpoint,
      database: config.cosmos.database,
      key: config.cosmos.key,
      createIfMissing: Boolean(config.cosmos.key),
    });
  }
  return new SqliteStore(join(config.dataDir, 'koordinatorhjelpen.sqlite'));
}
