/**
 * `npm run directory:export -- <municipality> [--format json|csv|hsds] [--out FILE]`: the municipality's
 * directory, retired entries included (marked), from the configured store.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { exportFile, type DirectoryFormat } from '../src/directory/directoryFormats.js';
import { createStore } from '../src/store/createStore.js';
import { createServices } from '../src/services.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
const municipality = positionals[0];
if (!municipality || !['json', 'csv', 'hsds'].includes(values.format!)) {
  console.error('Usage: npm run directory:export -- <municipality> [--format json|csv|hsds] [--out FILE]');
  process.exit(2);
}
const store = await createStore(loadConfig());
const { directory, municipalities } = createServices(store);
if (!(await municipalities.get(municipality))) {
  console.error(`Unknown municipality: ${municipality} (npm run municipality -- list)`);
  await store.close();
  process.exit(2);
}
const file = exportFile(values.format as DirectoryFormat, municipality, await directory.list(municipality, { includeRetired: true }));
await store.close();
if (values.out) writeFileSync(values.out, file.body);
else process.stdout.write(file.body);
