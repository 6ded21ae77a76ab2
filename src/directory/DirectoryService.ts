import type { MunicipalityId } from '../municipalities/Municipality.js';
import { InputError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { Roles } from '../roles/Roles.js';
import type { Store, WriteOp } from '../store/Store.js';
import { updateDocument } from '../store/updateDocument.js';
import { directoryEntrySchema, type DirectoryEntry } from './DirectoryEntry.js';
import { stem } from '../language/norwegianText.js';
import { DirectorySearch, type QueryTerm, type SearchHit, type SearchLanguage } from './DirectorySearch.js';

interface Revision {
  revision: number;
  changedAt: string;
}

interface Asked {
  count: number;
  lastAt: string;
}

interface CachedIndex {
  revision: number;
  checkedAt: number;
  search: DirectorySearch;
  /** Answers to questions asked lately, by limit and question, most recent last: people ask the same things. Goes with the index. */
  answers: Map<string, SearchHit[]>;
}

/** How many recent questions' answers an instance keeps per municipality. */
const ANSWERS_KEPT = 1_000;

/** Who changes the directory: a user in chat (must be KE admin) or an operator at the command line. */
export type Actor = { userId: string | undefined } | { operator: string };

export interface DirectoryServiceDeps {
  store: Store;
  roles: Roles;
  audit: AuditLog;
  language: SearchLanguage;
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
  private readonly indexes = new Map<MunicipalityId, CachedIndex>();
  private readonly building = new Map<MunicipalityId, Promise<CachedIndex>>();
  /** Answers counted in this instance and not yet written: municipality → entry id → times. */
  private asked = new Map<MunicipalityId, Map<string, number>>();
  private readonly now: () => Date;

  constructor(private readonly deps: DirectoryServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The best `limit` services for a question; a question asked lately is answered from memory until the directory changes. */
  async search(municipality: MunicipalityId, query: string, limit = 3): Promise<readonly SearchHit[]> {
    const { search, answers } = await this.index(municipality);
    const key = `${limit}\n${query}`;
    let hits = answers.get(key);
    if (hits) answers.delete(key);
    else hits = search.search(query, limit);
    answers.set(key, hits);
    if (answers.size > ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
    return hits;
  }

  /**
   * Counts a service as the answer to someone's question, for `mostAsked`: in this instance's memory,
   * written by `flushAsked` (once a minute), so answering a question writes nothing.
   */
  recordAsked(municipality: MunicipalityId, entryId: string, times = 1): void {
    const counts = this.asked.get(municipality) ?? new Map<string, number>();
    counts.set(entryId, (counts.get(entryId) ?? 0) + times);
    this.asked.set(municipality, counts);
  }

  /**
   * Adds the counts gathered since the last flush to the stored ones, each merged into what other
   * instances wrote meanwhile (a conditional write per service asked for). Counts that fail to write
   * stay for the next flush. Returns how many services' counts were written.
   */
  async flushAsked(): Promise<number> {
    const pending = this.asked;
    this.asked = new Map();
    let written = 0;
    for (const [municipality, counts] of pending) {
      for (const [entryId, delta] of counts) {
        try {
          await updateDocument<Asked>(this.deps.store, 'directoryAsked', municipality, entryId, (current) => ({
            count: (current?.count ?? 0) + delta,
            lastAt: this.now().toISOString(),
          }));
          written++;
        } catch {
          this.recordAsked(municipality, entryId, delta); // kept for the next flush
        }
      }
    }
    return written;
  }

  /** The services most often given as answers, most asked first; the rest of the directory after them, in its order. */
  async mostAsked(municipality: MunicipalityId, limit: number): Promise<DirectoryEntry[]> {
    return this.byAsked(municipality, await this.list(municipality), limit);
  }

  /**
   * The services a form offers to choose from: all of them while they fit in a card; beyond
   * `limit`, the most asked-for, and the form searches the rest as the user types.
   */
  async formChoices(municipality: MunicipalityId, limit: number): Promise<{ services: DirectoryEntry[]; searchable: boolean }> {
    const services = await this.list(municipality);
    return services.length <= limit ? { services, searchable: false } : { services: await this.byAsked(municipality, services, limit), searchable: true };
  }

  private async byAsked(municipality: MunicipalityId, entries: readonly DirectoryEntry[], limit: number): Promise<DirectoryEntry[]> {
    const stored = await this.deps.store.list<Asked>('directoryAsked', municipality, { orderBy: { field: 'count', direction: 'desc' }, limit: limit * 2 });
    // What this instance counted since its last flush adds to what is stored.
    const counts = new Map(stored.map((doc) => [doc.id, doc.data.count]));
    for (const [id, delta] of this.asked.get(municipality) ?? []) counts.set(id, (counts.get(id) ?? 0) + delta);
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const top = [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => byId.get(id))
      .filter((entry): entry is DirectoryEntry => entry !== undefined);
    const chosen = new Set(top.map((entry) => entry.id));
    return [...top, ...entries.filter((entry) => !chosen.has(entry.id))].slice(0, limit);
  }

  /** The categories nearest a question that found nothing, nearest first. */
  async nearestCategories(municipality: MunicipalityId, query: string, limit = 3): Promise<string[]> {
    return (await this.index(municipality)).search.nearestCategories(query, limit);
  }

  /** The terms a question is searched with, and where each came from (for `eval:directory --verbose`). */
  async analyse(municipality: MunicipalityId, query: string): Promise<QueryTerm[]> {
    return (await this.index(municipality)).search.analyse(query);
  }

  /**
   * What a question is about as the search reads it (its terms after stemming and spelling
   * correction, sorted): questions with the same key are grouped as one.
   */
  async questionKey(municipality: MunicipalityId, query: string): Promise<string[]> {
    return (await this.index(municipality)).search.questionKey(query);
  }

  /** Tells whether a term (stemmed) is one of the directory's own words or synonyms. */
  async knownTerms(municipality: MunicipalityId): Promise<(term: string) => boolean> {
    const { search } = await this.index(municipality);
    return (term) => search.knows(term);
  }

  /** Tells whether a word is Norwegian (the dictionaries), and whether it is the directory's own: what a personal name is not. */
  async knownWords(municipality: MunicipalityId): Promise<{ norwegian: (word: string) => boolean; directory: (word: string) => boolean }> {
    const { search } = await this.index(municipality);
    const { lexicon } = this.deps.language;
    return {
      norwegian: (word) => lexicon.isWord(word.toLowerCase()) || lexicon.isWordForm(word.toLowerCase()),
      directory: (word) => search.knows(stem(word.toLowerCase())),
    };
  }

  async categories(municipality: MunicipalityId): Promise<string[]> {
    const entries = await this.list(municipality);
    return [...new Set(entries.map((entry) => entry.category))].sort((a, b) => a.localeCompare(b, 'nb'));
  }

  async get(municipality: MunicipalityId, id: string): Promise<DirectoryEntry | undefined> {
    return (await this.deps.store.get<DirectoryEntry>('directory', municipality, id))?.data;
  }

  async list(municipality: MunicipalityId, options: { includeRetired?: boolean } = {}): Promise<DirectoryEntry[]> {
    const docs = await this.deps.store.list<DirectoryEntry>('directory', municipality, { orderBy: { field: 'name', direction: 'asc' } });
    return docs.map((doc) => doc.data).filter((entry) => options.includeRetired || !entry.retired);
  }

  /** Loads the seed rows when the municipality has no directory yet. Returns how many were loaded. */
  async seedIfEmpty(municipality: MunicipalityId, entries: readonly DirectoryEntry[]): Promise<number> {
    const existing = await this.deps.store.list('directory', municipality, { limit: 1 });
    if (existing.length > 0) return 0;
    for (const entry of entries) await this.deps.store.put('directory', municipality, entry.id, entry);
    await this.bumpRevision(municipality);
    return entries.length;
  }

  /** Adds or replaces an entry. KE admins of the municipality only; audited. */
  async save(municipality: MunicipalityId, actor: Actor, input: unknown): Promise<DirectoryEntry> {
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

  /**
   * Adds search words to an entry (a KE admin's answer to questions the directory missed): those it
   * does not have yet, validated like any edit, audited, and reaching every instance by the revision.
   */
  async addKeywords(municipality: MunicipalityId, actor: Actor, id: string, words: readonly string[]): Promise<{ entry: DirectoryEntry; added: string[] }> {
    const userId = await this.authorize(municipality, actor);
    const current = await this.deps.store.get<DirectoryEntry>('directory', municipality, id);
    if (!current || current.data.retired) throw new InputError(`no directory entry ${id}`, { key: 'error.unknownAction' });
    const have = new Set(current.data.keywords.map((k) => k.toLowerCase()));
    const added = [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w && !have.has(w)))];
    if (added.length === 0) return { entry: current.data, added };
    const entry = parseEntry({ ...current.data, keywords: [...current.data.keywords, ...added] });
    await this.deps.store.put('directory', municipality, id, entry, current.etag);
    await this.deps.audit.record(municipality, {
      actor: userId,
      action: 'directory.update',
      target: `directory/${id}`,
      details: { changedFields: 'keywords', added: added.join(',') },
    });
    await this.bumpRevision(municipality);
    return { entry, added };
  }

  /** Retires an entry: it leaves search but stays in the store and the audit trail. */
  async retire(municipality: MunicipalityId, actor: Actor, id: string): Promise<DirectoryEntry> {
    const userId = await this.authorize(municipality, actor);
    const current = await this.deps.store.get<DirectoryEntry>('directory', municipality, id);
    if (!current) throw new InputError(`no directory entry ${id}`, { key: 'error.unknownAction' });
    const retired = { ...current.data, retired: true };
    await this.deps.store.put('directory', municipality, id, retired, current.etag);
    await this.deps.audit.record(municipality, { actor: userId, action: 'directory.retire', target: `directory/${id}` });
    await this.bumpRevision(municipality);
    return retired;
  }

  /**
   * The writes that make the directory what a file says (entries missing from it are retired, not
   * deleted), for an all-or-nothing import; `applied()` after the write. Entries are validated by the caller.
   */
  async importOps(
    municipality: MunicipalityId,
    entries: readonly DirectoryEntry[],
  ): Promise<{ ops: WriteOp[]; saved: number; retired: number; unchanged: number; activeBefore: number }> {
    const current = new Map((await this.list(municipality, { includeRetired: true })).map((entry) => [entry.id, entry]));
    const ids = new Set(entries.map((entry) => entry.id));
    const changed = entries.filter((entry) => JSON.stringify(current.get(entry.id)) !== JSON.stringify(entry));
    const stale = [...current.values()].filter((entry) => !ids.has(entry.id) && !entry.retired);
    const ops: WriteOp[] = [
      ...changed.map((entry) => ({ container: 'directory' as const, partition: municipality, id: entry.id, data: entry })),
      ...stale.map((entry) => ({ container: 'directory' as const, partition: municipality, id: entry.id, data: { ...entry, retired: true } })),
    ];
    if (ops.length) {
      const revision = (await this.deps.store.get<Revision>('revisions', municipality, 'directory'))?.data.revision ?? 0;
      ops.push({
        container: 'revisions',
        partition: municipality,
        id: 'directory',
        data: { revision: revision + 1, changedAt: this.now().toISOString() } satisfies Revision,
      });
    }
    const activeBefore = [...current.values()].filter((entry) => !entry.retired).length;
    return { ops, saved: changed.length, retired: stale.length, unchanged: entries.length - changed.length, activeBefore };
  }

  /** After an import's write: this instance rebuilds its index now (others within `refreshMs`, by the revision). */
  applied(municipality: MunicipalityId): void {
    this.indexes.delete(municipality);
  }

  /** KE admins of the municipality may change its directory; operators (shell access to the store) may too. Returns the audit identity. */
  private async authorize(municipality: MunicipalityId, actor: Actor): Promise<string> {
    if ('operator' in actor) return `operator:${actor.operator}`;
    return this.deps.roles.require(municipality, actor.userId, 'keAdmin');
  }

  private async index(municipality: MunicipalityId): Promise<CachedIndex> {
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
      const fresh: CachedIndex = {
        revision,
        checkedAt: now,
        search: new DirectorySearch(await this.list(municipality), this.deps.language),
        answers: new Map(),
      };
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

  private async bumpRevision(municipality: MunicipalityId): Promise<void> {
    await updateDocument<Revision>(this.deps.store, 'revisions', municipality, 'directory', (current) => ({
      revision: (current?.revision ?? 0) + 1,
      changedAt: this.now().toISOString(),
    }));
    this.indexes.delete(municipality);
  }
}

/** The edit form's fields with a label of their own; any other field is named by its id. */
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  name: 'directory.edit.name',
  unit: 'directory.edit.unit',
  category: 'directory.edit.category',
  phones: 'directory.edit.phones',
  offers: 'directory.edit.offers',
  targetGroup: 'directory.edit.targetGroup',
  ageMin: 'directory.edit.ageMin',
  ageMax: 'directory.edit.ageMax',
  howToApply: 'directory.edit.howToApply',
  contactRole: 'directory.edit.contactRole',
  web: 'directory.edit.web',
  email: 'directory.edit.email',
  keywords: 'directory.edit.keywords',
};

function parseEntry(input: unknown): DirectoryEntry {
  const parsed = directoryEntrySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'id');
  throw new InputError(
    `directory entry: ${issue.path.join('.')} ${issue.message}`,
    FIELD_LABELS[field] ? { key: 'directory.invalid.field', labels: { field: FIELD_LABELS[field] } } : { key: 'directory.invalid.field', params: { field } },
  );
}

function changedFields(before: DirectoryEntry, after: DirectoryEntry): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof DirectoryEntry>;
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
