import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { seedEntries } from '../directory/seedData.js';
import type { Municipalities } from '../municipalities/Municipalities.js';
import { municipalitySchema, type Municipality, type MunicipalityId } from '../municipalities/Municipality.js';

const folder = fileURLToPath(new URL('../../data/municipalities/', import.meta.url));

/** The shipped examples (Rana and Ålesund, from the seed documents): records in `data/municipalities/`, directories in `data/directory/`. */
export function exampleMunicipalities(): Municipality[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => municipalitySchema.parse(JSON.parse(readFileSync(`${folder}${name}`, 'utf8'))));
}

/** Adds each example that is missing, with its directory where it has none. Returns what was loaded. */
export async function loadExamples(
  municipalities: Municipalities,
  directory: DirectoryService,
): Promise<{ municipality: MunicipalityId; added: boolean; entries: number }[]> {
  const loaded = [];
  for (const example of exampleMunicipalities()) {
    const added = await municipalities.ensure(example);
    loaded.push({ municipality: example.id, added, entries: await directory.seedIfEmpty(example.id, seedEntries(example.id)) });
  }
  return loaded;
}
