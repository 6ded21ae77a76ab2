/**
 * Run as its own process by the reminders test: a second bot, from the environment like production
 * (COSMOS_ENDPOINT…), says `ready`, waits for `go` on stdin so the sweeps start together, sweeps
 * reminders once at the given instant and prints its report as JSON.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/compositionRoot.js';
import { createLogger } from '../../src/logger.js';

const at = new Date(process.argv[2] ?? '');
// Logs go to stderr: stdout carries only the handshake and the report.
const bot = await createBot(loadConfig(), { logger: createLogger('warn', process.stderr) });
try {
  process.stdout.write('ready\n');
  await once(createInterface({ input: process.stdin }), 'line');
  process.stdout.write(`${JSON.stringify(await bot.reminders.sweep.run(at))}\n`);
} finally {
  await bot.close();
}
