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
export async function startFakeConnector(): Promise<{ serviceUrl: string; sent: SentActivity[]; waitFor: (count: number, timeoutMs?: number) => Promise<SentActivity[]>; close: () => Promise<void> }> {
  const sent: SentActivity[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && match) {
        sent.push({ conversationId: decodeURIComponent(match[1]!), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (sent.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      return sent;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
