/**
 * `npm run eval:directory -- FILE [--verbose]`: top-1 / top-3 of the directory search on a JSON array of
 * { municipality, query, expectPhones?, expectNames? }. Runs the bot's own path (store → index → search).
 * Last line: `top1=<0..1> top3=<0..1> n=<count>`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { evalCaseSchema, evaluate } from '../src/directory/evaluate.js';
import { questionTopic } from '../src/directory/norwegianText.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { cliServices } from './cliServices.js';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('Usage: npm run eval:directory -- FILE [--verbose]');
  process.exit(2);
}
const cases = z.array(evalCaseSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
const store = new SqliteStore(':memory:');
const { directory } = await cliServices(store, { examples: true });
const result = await evaluate(cases, async (municipality, query) => (await directory.search(municipality, questionTopic(query), 3)).map((hit) => hit.entry));
for (const outcome of result.outcomes) {
  if (outcome.rank === 1 && !process.argv.includes('--verbose')) continue;
  console.log(
    `${outcome.rank ? `top${outcome.rank}` : 'miss'}\t${outcome.case.municipality}\t${outcome.case.query}\t→ ${outcome.names.join(' | ') || '(ingen treff)'}`,
  );
}
await store.close();
console.log(`top1=${result.top1} top3=${result.top3} n=${result.n}`);
