import type { Store } from '../store/Store.js';
import { updateDocument } from '../store/updateDocument.js';

/** Teams allows about 30 requests per second per app and tenant; a little below it leaves room for clocks and flight time. */
export const TEAMS_REQUESTS_PER_SECOND = 28;
const LAST_TENTH = 900;

export interface SendBudgetOptions {
  perSecond?: number;
  /** Slots an instance claims at once, to write the store once per few messages rather than once per message. */
  block?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Window {
  used: number;
}

/**
 * The per-tenant send budget, shared by every instance through the store: each second is a
 * document (`sendBudget`, partition = tenant) counting the slots claimed in it, claimed with a
 * conditional write. An instance takes a few slots at a time and keeps them for that second only;
 * when the second is spent, it waits for the next. So N instances together stay under Teams'
 * limit, instead of N × the limit.
 */
export class SendBudget {
  private readonly perSecond: number;
  private readonly block: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly held = new Map<string, { window: number; left: number }>();
  /** One claim at a time per tenant in this instance: the others wait for its slots. */
  private readonly claiming = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    options: SendBudgetOptions = {},
  ) {
    this.perSecond = options.perSecond ?? TEAMS_REQUESTS_PER_SECOND;
    this.block = Math.min(options.block ?? 4, this.perSecond);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves when this instance may send one request to the tenant. */
  async take(tenant: string): Promise<void> {
    for (;;) {
      // Nothing starts in a second's last tenth: a request taken then could reach Teams in the next second and overfill it.
      const into = this.now() % 1000;
      if (into >= LAST_TENTH) {
        await this.sleep(1000 - into);
        continue;
      }
      const window = Math.floor(this.now() / 1000);
      const held = this.held.get(tenant);
      if (held && held.window === window && held.left > 0) {
        held.left--;
        return;
      }
      const inFlight = this.claiming.get(tenant);
      if (inFlight) {
        await inFlight;
        continue;
      }
      const claim = this.claim(tenant, window).finally(() => this.claiming.delete(tenant));
      this.claiming.set(tenant, claim);
      await claim;
      const after = this.held.get(tenant);
      if (after && after.window === window && after.left > 0) continue;
      // The second is spent, by this instance or others: wait for the next one.
      await this.sleep(1000 - (this.now() % 1000) + Math.floor(Math.random() * 15));
    }
  }

  private async claim(tenant: string, window: number): Promise<void> {
    let granted = 0;
    let created = false;
    await updateDocument<Window>(this.store, 'sendBudget', tenant, String(window), (current) => {
      const used = current?.used ?? 0;
      granted = Math.max(0, Math.min(this.block, this.perSecond - used));
      created = current === undefined;
      return granted > 0 ? { used: used + granted } : undefined;
    });
    this.held.set(tenant, { window, left: granted });
    // Seconds long past are of no use to anyone (Cosmos expires them too).
    if (created) await this.store.delete('sendBudget', tenant, String(window - 5)).catch(() => false); // best effort: a leftover second harms nobody
  }
}
