import { AuditLog } from '../src/audit/AuditLog.js';
import { municipalities } from '../src/config.js';
import { DirectoryService } from '../src/directory/DirectoryService.js';
import { seedEntries, synonymGroups } from '../src/directory/seedData.js';
import { Roles } from '../src/roles/Roles.js';
import type { Store } from '../src/store/Store.js';

/** A DirectoryService over a store, as the bot builds it; optionally seeded. */
export async function createDirectory(store: Store, options: { seed?: boolean } = {}): Promise<{ directory: DirectoryService; roles: Roles }> {
  const roles = new Roles(store);
  const directory = new DirectoryService({ store, roles, audit: new AuditLog(store), synonyms: synonymGroups(), refreshMs: 0 });
  if (options.seed) for (const municipality of municipalities) await directory.seedIfEmpty(municipality, seedEntries(municipality));
  return { directory, roles };
}
