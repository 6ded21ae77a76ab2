import { AuditLog } from '../src/audit/AuditLog.js';
import { DirectoryService } from '../src/directory/DirectoryService.js';
import { synonymGroups } from '../src/directory/seedData.js';
import { seedDirectories } from '../src/directory/seedDirectories.js';
import { Roles } from '../src/roles/Roles.js';
import type { Store } from '../src/store/Store.js';

/** A DirectoryService over a store, as the bot builds it; optionally seeded. */
export async function createDirectory(store: Store, options: { seed?: boolean } = {}): Promise<{ directory: DirectoryService; roles: Roles }> {
  const roles = new Roles(store);
  const directory = new DirectoryService({ store, roles, audit: new AuditLog(store), synonyms: synonymGroups(), refreshMs: 0 });
  if (options.seed) await seedDirectories(directory);
  return { directory, roles };
}
