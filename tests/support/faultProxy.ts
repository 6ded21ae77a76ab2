import { createServer, request as httpRequest, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

export type Fault = 'none' | 'throttle' | 'unavailable' | 'hang';

/**
 * A plain-HTTP proxy in front of the Cosmos test server that injects what Azure does on a bad day:
 * 429 with a retry hint, 503, or no answer at all. `failWrites` limits the fault to writes.
 */
export async function startFaultProxy(
  target: string,
): Promise<{ endpoint: string; set(fault: Fault, options?: { writesOnly?: boolean }): void; close(): Promise<void> }> {
  let fault: Fault = 'none';
  let writesOnly = false;
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const isWrite = req.method !== 'GET' && !(req.method === 'POST' && req.headers['x-ms-documentdb-isquery'] === 'True');
    const active = fault !== 'none' && (!writesOnly || isWrite);
    if (active && fault === 'throttle') {
      res.writeHead(429, { 'content-type': 'application/json', 'x-ms-retry-after-ms': '50', 'x-ms-substatus': '3200' });
      res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large (injected)' }));
      return;
    }
    if (active && fault === 'unavailable') {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'injected' }));
      return;
    }
    if (active && fault === 'hang') {
      hanging.add(() => res.destroy());
      return;
    }
    const upstream = (target.startsWith('https') ? httpsRequest : httpRequest)(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host }, rejectUnauthorized: false },
      (answer) => {
        // The server names itself in account metadata; the client must keep talking to the proxy.
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8').replaceAll(target, proxyUrl());
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint: proxyUrl(),
    set(next, options = {}) {
      fault = next;
      writesOnly = options.writesOnly ?? false;
      if (next !== 'hang') for (const release of hanging) release();
    },
    async close() {
      for (const release of hanging) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
