import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForHttp } from '../../scripts/playground.js';
import { messageActivity } from '../support/activities.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { freePort } from '../support/freePort.js';

describe('graceful shutdown', () => {
  it('finishes the turn in flight on SIGTERM, takes no new ones, and exits cleanly', async () => {
    const connector = await startFakeConnector({ delayMs: 1500 });
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'kh-shutdown-')),
        DEFAULT_MUNICIPALITY: 'rana',
        EXAMPLE_MUNICIPALITIES: 'on',
        LOG_LEVEL: 'warn',
        REMINDER_SWEEP: 'off',
        RETENTION_RUN: 'off',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000);
      const url = `http://127.0.0.1:${port}/api/messages`;
      const post = (userId: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(messageActivity({ serviceUrl: connector.serviceUrl, userId, text: 'hjelp' })),
        });

      const inFlight = post('in-flight');
      await new Promise((resolve) => setTimeout(resolve, 300)); // the turn is now waiting on the slow connector
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const late = await post('too-late').then(
        (response) => response.status,
        () => 'refused',
      );

      expect((await inFlight).status).toBe(200);
      expect(connector.sent.filter((a) => a.conversationId === 'a:in-flight')).toHaveLength(1);
      expect(late).toBe('refused');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await connector.close();
    }
  }, 60_000);
});
