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

interface SynonymsFile {
  groups: string[][];
  idioms: [string, string][];
}

const synonymsFile = (): SynonymsFile => JSON.parse(readFileSync(dataFile('synonyms'), 'utf8')) as SynonymsFile;

/** Everyday words → directory words, shared by every municipality. */
export function synonymGroups(): string[][] {
  return synonymsFile().groups;
}

/** Sayings whose words do not mean themselves («har ikke råd til» is money, not advice) → what they mean. */
export function idioms(): [string, string][] {
  return synonymsFile().idioms;
}
