/**
 * Store calls per turn: the real bot in this process over a SQLite store that counts every call, the
 * users warmed up (each has written once), then turns of one kind from them. A read-only turn must
 * write nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/SqliteStore.js';
import type { Store } from '../src/store/Store.js';
import { messageActivity } from '../tests/support/activities.js';
import { startFakeConnector } from '../tests/support/fakeConnector.js';
import { startBot } from '../tests/support/startBot.js';

const READS = new Set(['get', 'list']);
const WRITES = new Set(['create', 'put', 'delete', 'writeAll']);

/** A store that counts its calls by method. */
function counting(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const method = String(property);
        calls.set(method, (calls.get(method) ?? 0) + 1);
        if (READS.has(method) || WRITES.has(method)) calls.set(`${method} ${String(args[0])}`, (calls.get(`${method} ${String(args[0])}`) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

export interface StoreCalls {
  turns: number;
  readsPerTurn: number;
  writesPerTurn: number;
  /** Calls per turn by method and container. */
  byMethod: Record<string, number>;
}

export async function benchStoreCalls(texts: Record<string, string>, users = 20, turnsPerUser = 5): Promise<Record<string, StoreCalls>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kh-calls-'));
  const { store, calls } = counting(new SqliteStore(join(dataDir, 'koordinatorhjelpen.sqlite')));
  const connector = await startFakeConnector();
  const running = await startBot({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, store);
  const say = async (userId: string, text: string) => {
    const response = await running.post(messageActivity({ serviceUrl: connector.serviceUrl, userId, text }));
    if (response.status >= 300) throw new Error(`the bot answered ${response.status}`);
  };
  try {
    for (let u = 0; u < users; u++) for (const text of Object.values(texts)) await say(`calls-${u}`, text);
    const results: Record<string, StoreCalls> = {};
    for (const [name, text] of Object.entries(texts)) {
      calls.clear();
      for (let round = 0; round < turnsPerUser; round++) for (let u = 0; u < users; u++) await say(`calls-${u}`, text);
      const turns = users * turnsPerUser;
      const per = (methods: Set<string>) => [...calls].filter(([m]) => methods.has(m)).reduce((sum, [, n]) => sum + n, 0) / turns;
      // Calls by method and container («get botState»).
      results[name] = {
        turns,
        readsPerTurn: per(READS),
        writesPerTurn: per(WRITES),
        byMethod: Object.fromEntries([...calls].filter(([m]) => m.includes(' ')).map(([method, n]) => [method, Math.round((n / turns) * 100) / 100])),
      };
    }
    return results;
  } finally {
    await running.close();
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
