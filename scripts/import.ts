/**
 * `npm run import -- --municipality <id> [--directory FILE] [--people FILE] [--cases FILE] [--unit "Department=Unit" …] [--dry-run] [--allow-retire]`:
 * brings a KE's existing work into the store the bot uses. Every file is checked before anything
 * is written; then everything is written, or nothing. Prints one line per case (externalId → reference).
 * Exit codes: 0 done (or a clean dry run), 1 problems in the files (nothing written), 2 wrong usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportFileKind } from '../src/files/Problem.js';
import { translator } from '../src/i18n/translate.js';
import { describeImport } from '../src/onboarding/importReport.js';
import type { ImportFiles } from '../src/onboarding/ImportService.js';
import { withServices } from './cliServices.js';

const t = translator('nb');
const { values } = parseArgs({
  options: {
    municipality: { type: 'string' },
    directory: { type: 'string' },
    people: { type: 'string' },
    cases: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'allow-retire': { type: 'boolean', default: false },
    /** A department in the people file (the Entra list's «Department») named as the municipality's unit: «Hjemmesykepleien=Hjemmetjenesten». */
    unit: { type: 'string', multiple: true, default: [] },
  },
});
const units: Record<string, string> = {};
for (const rename of values.unit ?? []) {
  const [from, to] = rename.split('=').map((part) => part.trim());
  if (!from || !to) {
    console.error(t('cli.usage.import'));
    process.exit(2);
  }
  units[from] = to;
}
const kinds: ImportFileKind[] = ['directory', 'people', 'cases'];
if (!values.municipality || !kinds.some((kind) => values[kind])) {
  console.error(t('cli.usage.import'));
  process.exit(2);
}
const files: ImportFiles = {};
for (const kind of kinds) {
  const path = values[kind];
  if (!path) continue;
  if (!existsSync(path)) {
    console.error(t('cli.fileMissing', { file: path }));
    process.exit(2);
  }
  files[kind] = { name: basename(path), bytes: readFileSync(path) };
}

await withServices(async ({ imports, municipalities }) => {
  const municipality = await municipalities.require(values.municipality!);
  const report = await imports.run(municipality.id, files, {
    importedBy: `operator:${userInfo().username}`,
    dryRun: values['dry-run'],
    allowLargeRetire: values['allow-retire'],
    units,
  });
  const words = describeImport(t, report, municipality.name);
  console.log(words.title);
  for (const line of [...words.summary, ...words.problems]) console.log(`  ${line}`);
  for (const line of words.warnings) console.log(`  ! ${line}`);
  if (report.problems.length === 0) for (const line of words.cases) console.log(`  ${line}`);
  process.exitCode = report.problems.length ? 1 : 0;
}, 2);
