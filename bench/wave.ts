/**
 * A reminder wave: N recipients in one tenant, sent by two bot instances at once through the real
 * ProactiveSender and Bot Framework adapter, to a Bot Connector stand-in that enforces Teams' limit
 * (30 requests per second per app and tenant, fixed one-second windows) and answers 429 with
 * Retry-After above it. With the shared budget (SendBudget over one store) beside the baseline of a
 * budget per instance (as before: N instances send N × the limit).
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Attachment } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../src/logger.js';
import { ConversationReferences } from '../src/conversation/ConversationReferences.js';
import { ProactiveSender } from '../src/notifications/ProactiveSender.js';
import { SendBudget } from '../src/notifications/SendBudget.js';
import { SqliteStore } from '../src/store/SqliteStore.js';

const TENANT = 'tenant-wave';
const LIMIT = 30;
const INSTANCES = 2;
const IN_FLIGHT_PER_INSTANCE = 64;

export interface WaveFigures {
  recipients: number;
  instances: number;
  seconds: number;
  /** What the limit allows for this many recipients. */
  limitSeconds: number;
  throttled429: number;
  duplicates: number;
  lost: number;
  peakPerSecond: number;
}

/** The Bot Connector stand-in: counts requests per tenant per second and refuses what is over the limit. */
async function limitedConnector() {
  const windows = new Map<number, number>();
  const delivered = new Map<string, number>();
  let throttled = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const second = Math.floor(Date.now() / 1000);
      const count = (windows.get(second) ?? 0) + 1;
      windows.set(second, count);
      if (count > LIMIT) {
        throttled++;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'over the limit' } }));
        return;
      }
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1] ?? '');
      delivered.set(conversation, (delivered.get(conversation) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${count}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    delivered,
    throttled: () => throttled,
    peak: () => Math.max(0, ...[...windows.values()].map((count) => Math.min(count, LIMIT))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const card: Attachment = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Påminnelse' }] },
};

async function wave(recipients: number, shared: boolean): Promise<WaveFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kh-wave-'));
  const connector = await limitedConnector();
  const quiet = createLogger('silent', new Writable({ write: (_chunk, _encoding, done) => done() }));
  // Two instances: each its own connection to the one database file, as two processes would have.
  const stores = Array.from({ length: INSTANCES }, () => new SqliteStore(join(dir, 'bot.sqlite')));
  try {
    const setup = new ConversationReferences(stores[0]!);
    for (let i = 0; i < recipients; i++) {
      await setup.remember('rana', `user-${i}`, {
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        conversation: { id: `a:user-${i}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
        user: { id: `29:user-${i}`, name: '', aadObjectId: `user-${i}` },
        bot: { id: '28:bot', name: 'Koordinatorhjelpen' },
      });
    }
    const senders = stores.map(
      (store) =>
        new ProactiveSender(
          {
            adapter: new TeamsAdapter({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }),
            botAppId: '',
            references: new ConversationReferences(store),
            // The baseline: a budget per instance (its own store), as the per-process throttle was.
            budget: new SendBudget(shared ? store : new SqliteStore(':memory:'), { perSecond: shared ? undefined : LIMIT }),
            logger: quiet,
          },
          { retries: 10, minTimeoutMs: 200 },
        ),
    );
    const started = performance.now();
    await Promise.all(
      senders.map(async (sender, instance) => {
        const mine = Array.from({ length: recipients }, (_, i) => i).filter((i) => i % INSTANCES === instance);
        let next = 0;
        await Promise.all(
          Array.from({ length: IN_FLIGHT_PER_INSTANCE }, async () => {
            while (next < mine.length) {
              const i = mine[next++]!;
              await sender.send('rana', `user-${i}`, () => card);
            }
          }),
        );
      }),
    );
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const counts = Array.from({ length: recipients }, (_, i) => connector.delivered.get(`a:user-${i}`) ?? 0);
    return {
      recipients,
      instances: INSTANCES,
      seconds,
      limitSeconds: Math.round((recipients / LIMIT) * 10) / 10,
      throttled429: connector.throttled(),
      duplicates: counts.filter((n) => n > 1).length,
      lost: counts.filter((n) => n === 0).length,
      peakPerSecond: connector.peak(),
    };
  } finally {
    for (const store of stores) await store.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The wave with the shared budget, beside the baseline of one budget per instance. */
export async function benchWave(quick: boolean): Promise<WaveFigures & { baseline: WaveFigures }> {
  const recipients = quick ? 300 : 3000;
  const shared = await wave(recipients, true);
  const baseline = await wave(recipients, false);
  return { ...shared, baseline };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchWave(process.argv.includes('--quick')), null, 2));
}
