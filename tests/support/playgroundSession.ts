import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startPlayground, waitForHttp } from '../../scripts/playground.js';
import { launchChromium } from './browser.js';
import { freePort } from './freePort.js';
import { startBot, type RunningBot } from './startBot.js';

export const SCREENSHOTS = 'tests/e2e/screenshots';

export interface PlaygroundSession {
  page: Page;
  /** The bot behind the Playground, for setting up what the test does not click through. */
  bot: RunningBot;
  /** Types in the compose box and sends. */
  send(text: string): Promise<void>;
  /** Waits until the text shows up (in the chat, the chat list preview or the log panel). */
  seen(text: string | RegExp): Promise<void>;
  lastCard(): Locator;
  /** Types a date into an Adaptive Card date field and closes its picker. */
  pickDate(field: Locator, value: string): Promise<void>;
  /** The newest card that contains the text. */
  cardWith(text: string): Locator;
  close(): Promise<void>;
}

/** The real bot, the real Agents Playground on a free port, and Debian Chromium looking at it. */
export async function startPlaygroundSession(env: Record<string, string> = {}): Promise<PlaygroundSession> {
  const bot: RunningBot = await startBot(env);
  const port = await freePort();
  const playground: ChildProcess = startPlayground({ botEndpoint: `${bot.url}/api/messages`, port, stdio: 'pipe' });
  await waitForHttp(`http://127.0.0.1:${port}/`);
  const browser: Browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const cards = page.locator('.ac-adaptiveCard');
  return {
    page,
    bot,
    async send(text) {
      const compose = page.locator('[data-lexical-editor="true"]');
      await compose.fill(text);
      await compose.press('Enter');
    },
    async seen(text) {
      await expect.poll(() => page.getByText(text).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    },
    lastCard: () => cards.last(),
    async pickDate(field, value) {
      await field.fill(value);
      await field.press('Enter');
      await page.keyboard.press('Escape');
    },
    cardWith: (text) => cards.filter({ hasText: text }).last(),
    async close() {
      await browser?.close();
      playground?.kill('SIGTERM');
      await bot?.close();
    },
  };
}
