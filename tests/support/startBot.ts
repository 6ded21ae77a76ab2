import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { createBot, type Bot } from '../../src/compositionRoot.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/Store.js';

export interface RunningBot {
  bot: Bot;
  url: string;
  logLines: string[];
  post: (activity: unknown, headers?: Record<string, string>) => Promise<Response>;
  close: () => Promise<void>;
}

/** Starts the real bot (real adapter, app, routes, store) on a random loopback port. */
export async function startBot(env: Record<string, string> = {}, store?: Store): Promise<RunningBot> {
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kh-bot-')),
    DEFAULT_MUNICIPALITY: 'rana',
    EXAMPLE_MUNICIPALITIES: 'on',
    LOG_LEVEL: 'info',
    REMINDER_SWEEP: 'off',
    NOTICE_SWEEP: 'off',
    RETENTION_RUN: 'off',
    ...env,
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const bot = await createBot(config, { logger: createLogger(config.logLevel, sink), ...(store ? { store } : {}) });
  await new Promise<void>((resolve) => bot.server.listen(0, '127.0.0.1', resolve));
  const { port } = bot.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    bot,
    url,
    logLines,
    post: (activity, headers = {}) =>
      fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      }),
    close: () => bot.close(),
  };
}
