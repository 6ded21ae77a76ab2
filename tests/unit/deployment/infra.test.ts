import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containerNames, cosmosContainerDefinitions } from '../../../src/store/containers.js';

const bicep = readFileSync('infra/main.bicep', 'utf8');

describe('infra/ agrees with the code', () => {
  it('declares exactly the containers, partition keys and indexes the code uses (npm run infra:containers)', () => {
    const infra = JSON.parse(readFileSync('infra/containers.json', 'utf8'));
    expect(infra).toEqual(cosmosContainerDefinitions());
    expect(infra.map((c: { name: string }) => c.name)).toEqual(containerNames);
    expect(bicep).toContain("loadJsonContent('containers.json')");
    expect(bicep).toMatch(/partitionKey: \{ paths: \[container\.partitionKeyPath\]/);
    expect(bicep).toContain('indexingPolicy: container.indexingPolicy');
  });

  it('indexes every field a query filters or sorts on', () => {
    for (const definition of cosmosContainerDefinitions()) {
      expect(definition.indexingPolicy.includedPaths[0]).toEqual({ path: '/pk/?' });
    }
    const directory = cosmosContainerDefinitions().find((d) => d.name === 'directory')!;
    expect(directory.indexingPolicy.includedPaths).toContainEqual({ path: '/data/name/?' });
  });

  it('gives the app identity data access to Cosmos DB, with keys disabled', () => {
    expect(bicep).toContain('disableLocalAuth: true');
    expect(bicep).toContain('sqlRoleAssignments');
    expect(bicep).toContain("{ name: 'BOT_TYPE', value: 'UserAssignedMSI' }");
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
  });
});
