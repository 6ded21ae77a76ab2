import type { Municipality } from '../config.js';
import { ConflictError, InputError } from '../errors.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { Roles } from '../roles/Roles.js';
import type { Store } from '../store/Store.js';
import { directoryEntrySchema, type DirectoryEntry } from './DirectoryEntry.js';
import { DirectorySearch, type SearchHit } from './DirectorySearch.js';

interface Revision {
  revision: number;
  changedAt: string;
}

interface CachedIndex {
  revision: number;
  checkedAt: number;
  search: DirectorySearch;
}

/** Who changes the directory: a user in chat (must be KE admin) or an operator at the command line. */
export type Actor = { userId: string | undefined } | { operator: string };

export interface DirectoryServiceDeps {
  store: Store;
  roles: Roles;
  audit: AuditLog;
  synonyms: string[][];
  /** How long an instance trusts its index before asking the store for the revision again. */
  refreshMs: number;
  now?: () => Date;
}

/**
 * The service directory of each municipality: search over an in-memory index built from the store,
 * and KE admins' changes. A change bumps the municipality's revision document; every instance
 * compares revisions at most every `refreshMs` and rebuilds, so edits reach all instances.
 */
export class DirectoryService {
  private readonly indexes = new Map<Municipality, CachedIndex>();
  private readonly building = new Map<Municipality, Promise<CachedIndex>>();
  private readonly now: () => Date;

  constructor(private readonly deps: DirectoryServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async search(municipality: Municipality, query: string, limit = 3): Promise<SearchHit[]> {
    return (await this.index(municipality)).search.search(query, limit);
  }

  async categories(municipality: Municipality): Promise<string[]> {
    const entries = await this.list(municipality);
    return [...new Set(entries.map((entry) => entry.category))].sort((a, b) => a.localeCompare(b, 'nb'));
  }

  async get(municipality: Municipality, id: string): Promise<DirectoryEntry | undefined> {
    return (await this.deps.store.get<DirectoryEntry>('directory', municipality, id))?.data;
  }

  async list(municipality: Municipality, options: { includeRetired?: boolean } = {}): Promise<DirectoryEntry[]> {
    const docs = await this.deps.store.list<DirectoryEntry>('directory', municipality, { orderBy: { field: 'name', direction: 'asc' } });
    return docs.map((doc) => doc.data).filter((entry) => options.includeRetired || !entry.retired);
  }

  /** Loads the seed rows when the municipality has no directory yet. Returns how many were loaded. */
  async seedIfEmpty(municipality: Municipality, entries: readonly DirectoryEntry[]): Promise<number> {
    const existing = await this.deps.store.list('directory', municipality, { limit: 1 });
    if (existing.length > 0) return 0;
    for (const entry of entries) await this.deps.store.put('directory', municipality, entry.id, entry);
    await this.bumpRevision(municipality);
    return entries.length;
  }

  /** Adds or replaces an entry. KE admins of the municipality only; audited. */
  async save(municipality: Municipality, actor: Actor, input: unknown): Promise<DirectoryEntry> {
    const userId = await this.authorize(municipality, actor);
    const entry = parseEntry(input);
    const previous = await this.get(municipality, entry.id);
    await this.deps.store.put('directory', municipality, entry.id, entry);
    await this.deps.audit.record(municipality, {
      actor: userId,
      action: previous ? 'directory.update' : 'directory.create',
      target: `directory/${entry.id}`,
      details: { changedFields: previous ? changedFields(previous, entry).join(',') : 'all' },
    });
    await this.bumpRevision(municipality);
    return entry;
  }

  /** Retires an entry: it leaves search but stays in the store and the audit trail. */
  async retire(municipality: Municipality, actor: Actor, id: string): Promise<DirectoryEntry> {
    const userId = await this.authorize(municipality, actor);
    const current = await this.deps.store.get<DirectoryEntry>('directory', municipality, id);
    if (!current) throw new InputError(`Fant ingen oppføring med id «${id}».`);
    const retired = { ...current.data, retired: true };
    await this.deps.store.put('directory', municipality, id, retired, current.etag);
    await this.deps.audit.record(municipality, { actor: userId, action: 'directory.retire', target: `directory/${id}` });
    await this.bumpRevision(municipality);
    return retired;
  }

  /**
   * Replaces the whole directory with validated entries (entries missing from the import are retired,
   * not deleted). Validates everything before writing anything.
   */
  async importAll(municipality: Municipality, actor: Actor, input: unknown[]): Promise<{ saved: number; retired: number }> {
    const userId = await this.authorize(municipality, actor);
    const entries = input.map((raw, index) => parseEntry(raw, index + 1));
    const ids = new Set(entries.map((entry) => entry.id));
    if (ids.size !== entries.length) throw new InputError('Importfilen har samme id på flere rader.');
    const stale = (await this.list(municipality)).filter((entry) => !ids.has(entry.id));
    for (const entry of entries) await this.deps.store.put('directory', municipality, entry.id, entry);
    for (const entry of stale) await this.deps.store.put('directory', municipality, entry.id, { ...entry, retired: true });
    await this.deps.audit.record(municipality, {
      actor: userId,
      action: 'directory.import',
      target: `directory/*`,
      details: { saved: entries.length, retired: stale.length },
    });
    await this.bumpRevision(municipality);
    return { saved: entries.length, retired: stale.length };
  }

  /** KE admins of the municipality may change its directory; operators (shell access to the store) may too. Returns the audit identity. */
  private async authorize(municipality: Municipality, actor: Actor): Promise<string> {
    if ('operator' in actor) return `operator:${actor.operator}`;
    return this.deps.roles.require(municipality, actor.userId, 'keAdmin');
  }

  private async index(municipality: Municipality): Promise<CachedIndex> {
    const cached = this.indexes.get(municipality);
    const now = this.now().getTime();
    if (cached && now - cached.checkedAt < this.deps.refreshMs) return cached;
    const pending = this.building.get(municipality);
    if (pending) return pending;
    const refresh = (async () => {
      const revision = (await this.deps.store.get<Revision>('revisions', municipality, 'directory'))?.data.revision ?? 0;
      if (cached && cached.revision === revision) {
        cached.checkedAt = now;
        return cached;
      }
      const fresh: CachedIndex = { revision, checkedAt: now, search: new DirectorySearch(await this.list(municipality), this.deps.synonyms) };
      this.indexes.set(municipality, fresh);
      return fresh;
    })();
    this.building.set(municipality, refresh);
    try {
      return await refresh;
    } finally {
      this.building.delete(municipality);
    }
  }

  private async bumpRevision(municipality: Municipality): Promise<void> {
    for (;;) {
      const current = await this.deps.store.get<Revision>('revisions', municipality, 'directory');
      const next: Revision = { revision: (current?.data.revision ?? 0) + 1, changedAt: this.now().toISOString() };
      try {
        if (current) await this.deps.store.put('revisions', municipality, 'directory', next, current.etag);
        else await this.deps.store.create('revisions', municipality, 'directory', next);
        break;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    this.indexes.delete(municipality);
  }
}

function parseEntry(input: unknown, row?: number): DirectoryEntry {
  const parsed = directoryEntrySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = row === undefined ? '' : `Rad ${row}: `;
  throw new InputError(`${where}feltet «${issue.path.join('.') || 'oppføring'}» ${problem(issue.code, issue.message)}.`);
}

/** Zod's issue codes in words a KE admin understands. */
function problem(code: string, message: string): string {
  if (message.startsWith('telefonnummer')) return `er ugyldig: ${message}`;
  switch (code) {
    case 'too_small':
      return 'mangler eller er for kort';
    case 'too_big':
      return 'er for langt';
    case 'invalid_type':
      return 'mangler eller har feil type';
    default:
      return 'har feil format';
  }
}

function changedFields(before: DirectoryEntry, after: DirectoryEntry): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof DirectoryEntry>;
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
