import { createHttpsServer } from '@vercel/cosmosdb-server';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosStore } from '../../src/store/CosmosStore.js';

/** A Cosmos DB for NoSQL wire-compatible server on a random loopback port, for contract and integration tests. */
export async function startCosmosServer(): Promise<{
  endpoint: string;
  agent: Agent;
  connect: (database?: string) => Promise<CosmosStore>;
  close: () => Promise<void>;
}> {
  const server = createHttpsServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `https://127.0.0.1:${port}`;
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  let counter = 0;
  return {
    endpoint,
    agent,
    connect: (database = `test${Date.now()}${counter++}`) => CosmosStore.connect({ endpoint, database, key: TEST_KEY, createIfMissing: true, agent }),
    close: async () => {
      agent.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The well-known Cosmos emulator key; the test server accepts any key. */
export const TEST_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
