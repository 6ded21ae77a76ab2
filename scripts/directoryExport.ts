/**
 * `npm run directory:export -- rana|alesund [--format json|csv|hsds] [--out FILE]`: the municipality's
 * directory, retired entries included (marked), from the configured store.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, municipalities, type Municipality } from '../src/config.js';
import { exportFile, type DirectoryFormat } from '../src/directory/directoryFormats.js';
import { createStore } from '../src/store/createStore.js';
import { createDirectory } from './createDirectory.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
const municipality = positionals[0] as Municipality;
if (!(municipalities as readonly string[]).includes(municipality) || !['json', 'csv', 'hsds'].includes(values.format!)) {
  console.error(`Usage: npm run directory:export -- ${municipalities.join('|')} [--format json|csv|hsds] [--out FILE]`);
  process.exit(2);
}
const store = await createStore(loadConfig());
const { directory } = await createDirectory(store, { seed: true });
const file = exportFile(values.format as DirectoryFormat, municipality, await directory.list(municipality, { includeRetired: true }));
await store.close();
if (values.out) writeFileSync(values.out, file.body);
else process.stdout.write(file.body);
