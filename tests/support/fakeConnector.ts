import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  conversationId: string;
  body: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: unknown }[];
    [key: string]: unknown;
  };
}

/** Stands in for the Bot Connector service: records what the bot posts to its `serviceUrl`. */
export interface FakeConnector {
  serviceUrl: string;
  sent: SentActivity[];
  /** Personal chats the bot opened (createConversation), by member id; the chat's id is `a:<member>`. */
  opened: { member: string; tenantId?: string }[];
  /** Every POST, accepted or not, in order. */
  attempts: { conversationId: string; status: number }[];
  waitFor: (count: number, timeoutMs?: number) => Promise<SentActivity[]>;
  /** Waits until `done` holds for what was sent (or the time is up): for messages whose order other senders may interleave. */
  waitUntil: (done: (sent: readonly SentActivity[]) => boolean, timeoutMs?: number) => Promise<SentActivity[]>;
  /** The next answers to posts into this conversation (then 200 again), e.g. [429, 200] or [403]; `open:<member>` scripts opening a chat. */
  script: (conversationId: string, statuses: number[], headers?: Record<string, string>) => void;
  close: () => Promise<void>;
}

/** `delayMs` holds every answer that long, like a slow Bot Connector. */
export async function startFakeConnector(options: { delayMs?: number } = {}): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  const attempts: FakeConnector['attempts'] = [];
  const opened: FakeConnector['opened'] = [];
  const scripts = new Map<string, { statuses: number[]; headers: Record<string, string> }>();
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      setTimeout(() => {
        if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(req.url ?? '')) {
          const parameters = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { members?: { id: string }[]; tenantId?: string };
          const member = parameters.members?.[0]?.id ?? '';
          const status = scripts.get(`open:${member}`)?.statuses.shift() ?? 200;
          res.writeHead(status, { 'content-type': 'application/json' });
          if (status !== 200) {
            res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'scripted failure' } }));
            return;
          }
          opened.push({ member, tenantId: parameters.tenantId });
          res.end(JSON.stringify({ id: `a:${member}` }));
          return;
        }
        const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method === 'POST' && match) {
          const conversationId = decodeURIComponent(match[1]!);
          const scripted = scripts.get(conversationId);
          const status = scripted?.statuses.shift() ?? 200;
          attempts.push({ conversationId, status });
          if (status !== 200) {
            res.writeHead(status, { 'content-type': 'application/json', ...scripted?.headers });
            res.end(JSON.stringify({ error: { code: status === 403 ? 'ConversationBlockedByUser' : 'Throttled', message: 'scripted failure' } }));
            return;
          }
          sent.push({ conversationId, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${++counter}` }));
      }, options.delayMs ?? 0),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const waitUntil: FakeConnector['waitUntil'] = async (done, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!done(sent) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return sent;
  };
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    opened,
    attempts,
    script(conversationId, statuses, headers = {}) {
      scripts.set(conversationId, { statuses: [...statuses], headers });
    },
    waitFor: (count, timeoutMs) => waitUntil((all) => all.length >= count, timeoutMs),
    waitUntil,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
