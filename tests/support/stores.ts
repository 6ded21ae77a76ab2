import { SqliteStore } from '../../src/store/SqliteStore.js';
import type { Store } from '../../src/store/Store.js';
import { startCosmosServer } from './cosmosServer.js';

export type OpenStore = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

/** Both adapters, for suites that must hold on each: SQLite in memory, and Cosmos over the wire. */
export const bothStores: [string, OpenStore][] = [
  [
    'SQLite',
    async () => {
      const store = new SqliteStore(':memory:');
      return { store, dispose: () => store.close() };
    },
  ],
  [
    'Cosmos over the wire',
    async () => {
      const server = await startCosmosServer();
      const store = await server.connect();
      return {
        store,
        dispose: async () => {
          await store.close();
          await server.close();
        },
      };
    },
  ],
];
