/**
 * The baseline for the import benchmark: N cases created one at a time through the case service,
 * as the meldeskjema does (receipt, reference, audit, reminders), in the configured store. Prints perCaseMs=….
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { createServices } from '../src/services.js';
import { createStore } from '../src/store/createStore.js';

const count = Number(process.argv[2] ?? 1000);
const store = await createStore(loadConfig());
const { municipalities, imports, roles, cases } = createServices(store);
await municipalities.ensure({ id: 'benchvik', name: 'Benchvik kommune' });
await imports.run('benchvik', { directory: { name: 'directory.csv', bytes: readFileSync('templates/directory.csv') } }, { importedBy: 'operator:bench', dryRun: false });
const reporter = await roles.actor('benchvik', 'reporter-1');
const started = performance.now();
for (let i = 0; i < count; i++) {
  await cases.report(reporter, {
    residentName: `Innbygger ${i}`,
    residentBirthDate: '1970-01-01',
    ageGroup: 'adult',
    servicesInvolved: 'testvik-hjemmetjenesten,testvik-psykisk-helse',
    need: 'Behov for koordinerte tjenester.',
    consentGiven: 'true',
    consentGivenBy: 'resident',
    consentForm: 'written',
    consentDate: '2026-01-01',
    reporterUnit: 'Hjemmetjenesten',
    submissionId: randomUUID(),
  });
}
console.log(`perCaseMs=${((performance.now() - started) / count).toFixed(3)}`);
await store.close();
