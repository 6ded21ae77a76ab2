import { municipalities, type Municipality } from '../config.js';
import type { DirectoryService } from './DirectoryService.js';
import { seedEntries } from './seedData.js';

/** Loads the seed directory into every municipality that has none yet; returns what was loaded where. */
export async function seedDirectories(directory: DirectoryService): Promise<{ municipality: Municipality; loaded: number }[]> {
  const results = [];
  for (const municipality of municipalities) results.push({ municipality, loaded: await directory.seedIfEmpty(municipality, seedEntries(municipality)) });
  return results;
}
