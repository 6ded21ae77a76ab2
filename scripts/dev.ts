/**
 * `npm run dev`: the bot with the embedded SQLite store, plus Microsoft 365 Agents Playground on
 * http://localhost:56150 to chat with it. Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { translator } from '../src/i18n/translate.js';
import { startPlayground, waitForHttp } from './playground.js';

// Local settings, then local secrets; variables already in the environment win.
for (const file of ['env/.env.playground.user', 'env/.env.playground']) if (existsSync(file)) process.loadEnvFile(file);

const port = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);

const bot = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
  env: { ...process.env, PORT: String(port) },
  stdio: 'inherit',
});
await waitForHttp(`http://localhost:${port}/healthz`);

const playground = startPlayground({ botEndpoint: `http://localhost:${port}/api/messages`, port: playgroundPort });
await waitForHttp(`http://localhost:${playgroundPort}/`);
console.log(`\n  ${translator('nb')('cli.dev.running', { url: `http://localhost:${playgroundPort}` })}\n`);

function stop(): void {
  playground.kill('SIGTERM');
  bot.kill('SIGTERM');
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
bot.once('exit', (code) => {
  playground.kill('SIGTERM');
  process.exitCode = code ?? 0;
});
playground.once('exit', () => bot.kill('SIGTERM'));
