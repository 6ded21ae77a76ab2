/**
 * `npm run reminders:dry-run [-- --at 2027-01-04T09:00:00+01:00]`: what the reminder sweep would send
 * now (or at the given time), and to whom, without sending or claiming anything. Reads the
 * configured store (DATA_DIR or Cosmos), like the bot.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { createBot } from '../src/compositionRoot.js';
import { createLogger } from '../src/logger.js';
import { osloDateTime } from '../src/time/oslo.js';

const { values } = parseArgs({ options: { at: { type: 'string' } } });
const at = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(at.getTime())) {
  console.error(`--at: not a date: ${values.at}`);
  process.exit(64);
}
const bot = await createBot({ ...loadConfig(), reminderSweep: undefined, retentionRun: undefined }, { logger: createLogger('warn') });
try {
  for (const report of await bot.reminders.sweep.run(at, { dryRun: true })) {
    console.log(
      `\n${report.municipality} – ${osloDateTime(at)} (Oslo): ${report.workingTime ? 'arbeidstid, ville sendt nå' : 'utenfor arbeidstid, sendes ikke før arbeidstid'}`,
    );
    if (report.due === 0) {
      console.log('  Ingen påminnelser forfaller.');
      continue;
    }
    console.log(`  ${report.due} påminnelser forfaller, til ${report.plan.length} mottakere:`);
    for (const { userId, keys } of report.plan) {
      const name = (await bot.references.find(report.municipality, userId))?.user?.name ?? userId;
      console.log(`  • ${name} (${userId})`);
      for (const key of keys) {
        const doc = await bot.reminders.schedule.get(report.municipality, key);
        console.log(`      ${doc?.data.kind.padEnd(16)} ${doc?.data.reference ?? ''} forfalt ${doc ? osloDateTime(doc.data.dueAt) : ''}  [${key}]`);
      }
    }
  }
} finally {
  await bot.close();
}
