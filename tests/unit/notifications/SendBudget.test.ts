import { afterAll, describe, expect, it } from 'vitest';
import { SendBudget } from '../../../src/notifications/SendBudget.js';
import { SqliteStore } from '../../../src/store/SqliteStore.js';

describe('SendBudget: one budget per tenant for every instance, through the store', () => {
  const store = new SqliteStore(':memory:');
  afterAll(() => store.close());
  // A fixed clock that only moves when someone waits.
  let now = Date.UTC(2026, 10, 25, 9, 0, 0, 100);
  const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };

  it('lets two instances together take at most the budget in any one second, and nearly all of it when there is demand', async () => {
    const instances = [new SendBudget(store, { perSecond: 28, ...clock }), new SendBudget(store, { perSecond: 28, ...clock })];
    const perSecond = new Map<number, number>();
    for (let request = 0; request < 150; request++) {
      await instances[request % 2]!.take('tenant-a');
      const second = Math.floor(now / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    const counts = [...perSecond.values()];
    expect(Math.max(...counts)).toBeLessThanOrEqual(28);
    // Slots another instance claimed and did not use are lost for that second; here (where one instance waiting stops the clock for both) at most 3 each.
    expect(Math.min(...counts.slice(0, -1))).toBeGreaterThanOrEqual(22);
  });

  it('keeps tenants apart: one tenant’s burst does not spend another’s budget', async () => {
    const budget = new SendBudget(store, { perSecond: 28, ...clock });
    const start = Math.floor(now / 1000);
    for (let request = 0; request < 28; request++) await budget.take('tenant-b');
    for (let request = 0; request < 28; request++) await budget.take('tenant-c');
    expect(Math.floor(now / 1000)).toBe(start);
  });
});
