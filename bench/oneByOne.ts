/**
 * The baseline for the import benchmark: N cases created one at a time through the case service,
 * as the meldeskjema does (receipt, reference, audit, reminders), in the configured store. Prints perCaseMs=….
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { createServices } from '../src/services.js';
import { createStore } from '../src/store/createStore.js';
import { reportForm } from '../tests/support/reportForm.js';

const count = Number(process.argv[2] ?? 1000);
const store = await createStore(loadConfig());
const { municipalities, imports, roles, cases } = createServices(store);
await municipalities.ensure({ id: 'benchvik', name: 'Benchvik kommune' });
await imports.run(
  'benchvik',
  { directory: { name: 'directory.csv', bytes: readFileSync('templates/directory.csv') } },
  { importedBy: 'operator:bench', dryRun: false },
);
const reporter = await roles.actor('benchvik', 'reporter-1');
const started = performance.now();
for (let i = 0; i < count; i++) {
  await cases.report(
    reporter,
    reportForm({ residentName: `Innbygger ${i}`, servicesInvolved: 'testvik-hjemmetjenesten,testvik-psykisk-helse', reporterUnit: 'Hjemmetjenesten' }),
  );
}
console.log(`perCaseMs=${((performance.now() - started) / count).toFixed(3)}`);
await store.close();
