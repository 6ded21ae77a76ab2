import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Starts Microsoft 365 Agents Playground (the offline Teams client) against a bot endpoint.
 * Its stdin is kept open on purpose: the Playground exits when stdin closes.
 */
export function startPlayground(options: { botEndpoint: string; port: number; stdio?: 'inherit' | 'pipe' }): ChildProcess {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  return spawn(process.execPath, [cli, 'start', '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--dt'], {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', BROWSER: 'none' },
    stdio: ['pipe', options.stdio ?? 'inherit', options.stdio ?? 'inherit'],
  });
}

/** Resolves once an HTTP GET on the url answers, or rejects after the timeout. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
