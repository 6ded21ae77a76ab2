import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { directoryFileSchema, type DirectoryEntry } from './DirectoryEntry.js';

const dataFile = (name: string) => fileURLToPath(new URL(`../../data/directory/${name}.json`, import.meta.url));

/** The directory rows extracted by hand from the municipality's seed document, validated. */
export function seedEntries(municipality: MunicipalityId): DirectoryEntry[] {
  const file = directoryFileSchema.parse(JSON.parse(readFileSync(dataFile(municipality), 'utf8')));
  return file.entries;
}

/** Everyday words → directory words, shared by every municipality. */
export function synonymGroups(): string[][] {
  return (JSON.parse(readFileSync(dataFile('synonyms'), 'utf8')) as { groups: string[][] }).groups;
}
