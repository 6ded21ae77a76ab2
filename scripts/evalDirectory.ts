/**
 * `npm run eval:directory -- FILE [--verbose]`: top-1 / top-3 of the directory search on a JSON array of
 * { municipality, lang?, query, expectIds? | expectPhones? | expectNames? }, overall, per language and per
 * municipality. Runs the bot's own path (store → index → search). Lists the questions that missed the
 * top spot; `--verbose` lists every question and explains each answer: the terms searched (the user's
 * words, their bokmål forms, compound parts, synonyms) and which words of each service matched in
 * which fields. Last line: `top1=<0..1> top3=<0..1> n=<count>`.
 */
import { evaluate, readEvalCases } from '../src/directory/evaluate.js';
import { questionTopic } from '../src/language/norwegianText.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { cliServices } from './cliServices.js';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const verbose = process.argv.includes('--verbose');
if (!file) {
  console.error('Usage: npm run eval:directory -- FILE [--verbose]');
  process.exit(2);
}
const cases = readEvalCases(file);
const store = new SqliteStore(':memory:');
const { directory } = await cliServices(store, { examples: true });
const result = await evaluate(cases, (municipality, query) => directory.search(municipality, questionTopic(query), 3));
for (const outcome of result.outcomes) {
  if (outcome.rank === 1 && !verbose) continue;
  const { municipality, lang, query } = outcome.case;
  console.log(
    `${outcome.rank ? `top${outcome.rank}` : 'miss'}\t${municipality}/${lang}\t${query}\t→ ${outcome.hits.map((hit) => hit.entry.name).join(' | ') || '(ingen treff)'}`,
  );
  if (!verbose) continue;
  const searched = await directory.analyse(municipality, questionTopic(query));
  console.log(
    `\tsøkt: ${searched.map((t) => `${t.term}${t.origin === 'own' ? '' : ` (${t.origin} av «${t.from}»)`}×${t.weight.toFixed(2)}${t.head ? '' : ' [ledd]'}`).join(', ')}`,
  );
  outcome.hits.forEach((hit, i) => {
    const why = hit.matched.map((m) => `${m.word}${m.word === m.term ? '' : ` ~ ${m.term}`} i ${m.fields.join('+')}`).join('; ');
    console.log(`\t${i + 1}. ${hit.entry.name} (${hit.score.toFixed(1)}): ${why}`);
  });
}
await store.close();
for (const [group, score] of Object.entries(result.groups)) console.log(`${group}: top1=${score.top1} top3=${score.top3} n=${score.n}`);
console.log(`top1=${result.top1} top3=${result.top3} n=${result.n}`);
