import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { reportForm } from '../support/reportForm.js';
import { startBot } from '../support/startBot.js';

const run = promisify(execFile);

describe('npm run reminders:dry-run', () => {
  it('prints what would be sent and to whom, and sends or claims nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-dry-'));
    const connector = await startFakeConnector();
    const bot = await startBot({ DATA_DIR: dataDir, KE_ADMINS: 'rana:ke-1' });
    await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'ke-1', text: 'hjelp', name: 'Kari KE' }));
    await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'reporter', text: 'hjelp' }));
    const reported = await bot.bot.cases.report(await bot.bot.roles.actor('rana', 'reporter'), reportForm());
    await bot.close();
    const sentBefore = connector.sent.length;

    const at = new Date(Date.now() + 20 * 86_400_000);
    at.setUTCHours(9, 0, 0, 0);
    while ([0, 6].includes(at.getUTCDay())) at.setUTCDate(at.getUTCDate() + 1);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/remindersDryRun.ts', '--at', at.toISOString()], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    expect(stdout).toContain('rana – ');
    expect(stdout).toContain('1 påminnelse forfaller, til 1 mottaker:');
    // The case outboxes: KE's notice of the report was never sent (the bot stopped first).
    expect(stdout).toMatch(/Varsler i sakenes utboks: \d+ venter, \d+ kan sendes nå\./);
    expect(stdout).toContain('• Kari KE (ke-1)');
    expect(stdout).toContain(`keWaiting        ${reported.reference}`);

    const again = await startBot({ DATA_DIR: dataDir });
    expect((await again.bot.reminders.schedule.get('rana', `keWaiting:${reported.id}:decision`))?.data.status).toBe('pending');
    await again.close();
    expect(connector.sent.length).toBe(sentBefore);
    await connector.close();
  }, 60_000);
});
