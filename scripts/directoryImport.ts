/**
 * `npm run directory:import -- FILE [--municipality rana|alesund]`: replaces a municipality's directory
 * with the entries in FILE (.json as exported, or .csv). Validates every row before writing any; entries
 * missing from the file are retired, not deleted. Uses the configured store (COSMOS_ENDPOINT or DATA_DIR).
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig, municipalities, type Municipality } from '../src/config.js';
import { importFile } from '../src/directory/directoryFormats.js';
import { createStore } from '../src/store/createStore.js';
import { createDirectory } from './createDirectory.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { municipality: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run directory:import -- FILE [--municipality rana|alesund]');
  process.exit(2);
}
const parsed = importFile(file, readFileSync(file, 'utf8'));
const municipality = values.municipality ?? parsed.municipality;
const rows = parsed.rows;
if (!municipality || !(municipalities as readonly string[]).includes(municipality)) {
  console.error(`Name the municipality with --municipality (${municipalities.join(' or ')}).`);
  process.exit(2);
}
const store = await createStore(loadConfig());
try {
  const { directory } = await createDirectory(store);
  const result = await directory.importAll(municipality as Municipality, { operator: userInfo().username }, rows);
  console.log(`Importert til ${municipality}: ${result.saved} oppføringer lagret, ${result.retired} fjernet fra oversikten.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await store.close();
}
