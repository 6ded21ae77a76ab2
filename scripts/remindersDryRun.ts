/**
 * `npm run reminders:dry-run [-- --at 2027-01-04T09:00:00+01:00]`: what the reminder sweep would send
 * now (or at the given time), and to whom, without sending or claiming anything. Reads the
 * configured store (DATA_DIR or Cosmos), like the bot.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { createBot } from '../src/compositionRoot.js';
import { createLogger } from '../src/logger.js';
import { translator } from '../src/i18n/translate.js';
import { osloDateTime } from '../src/time/oslo.js';

const t = translator('nb');

const { values } = parseArgs({ options: { at: { type: 'string' } } });
const at = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(at.getTime())) {
  console.error(t('cli.dryRun.badDate', { value: values.at ?? '' }));
  process.exit(64);
}
// Nothing runs on its own here: no sweeps, no retention, no outbox deliveries.
const bot = await createBot({ ...loadConfig(), reminderSweep: undefined, retentionRun: undefined, noticeSweep: undefined }, { logger: createLogger('warn') });
try {
  for (const report of await bot.reminders.sweep.run(at, { dryRun: true })) {
    console.log(
      `\n${t('cli.dryRun.heading', { municipality: report.municipality, at: osloDateTime(at), when: t(report.workingTime ? 'cli.dryRun.workingTime' : 'cli.dryRun.outsideWorkingTime') })}`,
    );
    // The case outboxes: notices waiting (due now or backed off) and how long the oldest due one has waited.
    const backlog = await bot.cases.noticeBacklog(report.municipality);
    console.log(
      `  ${t('cli.dryRun.notices', {
        waiting: backlog.waiting,
        due: backlog.due,
        oldest: backlog.oldestDueAt
          ? t('cli.dryRun.oldestDue', { minutes: Math.max(0, Math.round((Date.now() - Date.parse(backlog.oldestDueAt)) / 60_000)) })
          : '',
      })}`,
    );
    if (report.due === 0) {
      console.log(`  ${t('cli.dryRun.none')}`);
      continue;
    }
    const recipients = report.plan.length;
    console.log(
      `  ${t('cli.dryRun.due', {
        due: t(report.due === 1 ? 'cli.dryRun.reminderOne' : 'cli.dryRun.reminderOther', { count: report.due }),
        recipients: t(recipients === 1 ? 'cli.dryRun.recipientOne' : 'cli.dryRun.recipientOther', { count: recipients }),
      })}`,
    );
    for (const { userId, keys } of report.plan) {
      const name = (await bot.references.find(report.municipality, userId))?.user?.name ?? userId;
      console.log(`  • ${name} (${userId})`);
      for (const key of keys) {
        const doc = await bot.reminders.schedule.get(report.municipality, key);
        console.log(
          `      ${t('cli.dryRun.item', { kind: doc?.data.kind.padEnd(16) ?? '', reference: doc?.data.reference ?? '', dueAt: doc ? osloDateTime(doc.data.dueAt) : '', key })}`,
        );
      }
    }
  }
} finally {
  await bot.close();
}
