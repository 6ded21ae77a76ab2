/** `npm run infra:containers`: writes infra/containers.json (loaded by infra/main.bicep) from src/store/containers.ts. */
import { writeFileSync } from 'node:fs';
import { cosmosContainerDefinitions } from '../src/store/containers.js';

writeFileSync('infra/containers.json', `${JSON.stringify(cosmosContainerDefinitions(), null, 2)}\n`);
console.log('wrote infra/containers.json');
