import { ConflictError, InputError } from '../errors.js';
import type { Store, WriteOp } from '../store/Store.js';
import { updateDocument } from '../store/updateDocument.js';
import { municipalitySchema, type Municipality, type MunicipalityId, type MunicipalityInput } from './Municipality.js';

const GLOBAL = 'global';
/** How long an instance trusts a municipality record it read (a CLI change reaches every instance within this). */
const CACHE_MS = 5_000;

interface TenantIndex {
  municipalities: MunicipalityId[];
}

interface Membership {
  municipality: MunicipalityId;
  /** Where it came from: the people import, the person's own choice, or a KE admin's correction. */
  source: 'import' | 'chosen' | 'keAdmin';
}

/** Which municipality a turn belongs to. */
export type Resolution =
  | { kind: 'resolved'; municipality: Municipality }
  /** A tenant shared by several municipalities, and a person in no list: ask once. */
  | { kind: 'choose'; options: Municipality[] }
  | { kind: 'notConnected' };

export interface MunicipalitiesDeps {
  store: Store;
  /** Local trial only: the municipality of tenants that are not connected (refused with BOT_ID). */
  fallback?: MunicipalityId;
  /** Whether the municipality has any case: removal is refused while it has. */
  holdsCases: (municipality: MunicipalityId) => Promise<boolean>;
  now?: () => Date;
}

/**
 * The municipalities that use the bot, and which tenant and person belongs to which. Owns the
 * `municipalities`, `tenants` and `members` containers: the tenant index is kept in step with
 * the records' tenant ids here and nowhere else.
 */
export class Municipalities {
  private readonly cache = new Map<MunicipalityId, { record: Municipality | undefined; at: number }>();
  /** The tenant index as this instance read it, tenant by tenant, for the same few seconds as the records. */
  private readonly tenantCache = new Map<string, { ids: MunicipalityId[]; at: number }>();

  constructor(private readonly deps: MunicipalitiesDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async list(): Promise<Municipality[]> {
    const docs = await this.deps.store.list<Municipality>('municipalities', GLOBAL);
    return docs.map((doc) => municipalitySchema.parse(doc.data)).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  }

  async ids(): Promise<MunicipalityId[]> {
    return (await this.list()).map((m) => m.id);
  }

  /** The record, read at most every few seconds per instance. */
  async get(id: MunicipalityId): Promise<Municipality | undefined> {
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.record;
    const doc = await this.deps.store.get<Municipality>('municipalities', GLOBAL, id);
    const record = doc ? municipalitySchema.parse(doc.data) : undefined;
    this.cache.set(id, { record, at: Date.now() });
    return record;
  }

  /** The record, or an `InputError` naming the id (for commands and imports). */
  async require(id: MunicipalityId): Promise<Municipality> {
    const record = await this.get(id);
    if (!record) throw new InputError(`unknown municipality ${id}`, { key: 'municipality.notFound', params: { id } });
    return record;
  }

  async add(input: MunicipalityInput): Promise<Municipality> {
    const record = parse({ ...input, createdAt: this.now().toISOString() });
    try {
      await this.deps.store.create<Municipality>('municipalities', GLOBAL, record.id, record);
    } catch (error) {
      if (error instanceof ConflictError) throw new InputError(`municipality ${record.id} exists`, { key: 'municipality.exists', params: { id: record.id } });
      throw error;
    }
    await this.indexTenants(record.id, [], record.tenantIds);
    this.cache.delete(record.id);
    return record;
  }

  /** Adds the record when it is missing (the shipped examples); returns whether it was added. */
  async ensure(input: MunicipalityInput): Promise<boolean> {
    if (await this.deps.store.get('municipalities', GLOBAL, input.id)) return false;
    try {
      await this.add(input);
      return true;
    } catch (error) {
      if (error instanceof InputError) return false; // another instance added it first
      throw error;
    }
  }

  async update(id: MunicipalityId, change: (current: Municipality) => MunicipalityInput): Promise<Municipality> {
    let before: Municipality | undefined;
    let after: Municipality | undefined;
    await updateDocument<Municipality>(this.deps.store, 'municipalities', GLOBAL, id, (current) => {
      if (!current) return undefined;
      before = municipalitySchema.parse(current);
      after = parse({ ...change(before), id, createdAt: before.createdAt });
      return after;
    });
    if (!before || !after) throw new InputError(`unknown municipality ${id}`, { key: 'municipality.notFound', params: { id } });
    await this.indexTenants(id, before.tenantIds, after.tenantIds);
    this.cache.delete(id);
    return after;
  }

  /** Refused while the municipality holds cases: its data goes with the cases' retention, not with a command. */
  async remove(id: MunicipalityId): Promise<void> {
    const record = await this.require(id);
    if (await this.deps.holdsCases(id)) throw new InputError(`municipality ${id} holds cases`, { key: 'municipality.holdsCases', params: { id } });
    await this.indexTenants(id, record.tenantIds, []);
    await this.deps.store.delete('municipalities', GLOBAL, id);
    this.cache.delete(id);
  }

  /**
   * The municipality of a person on a tenant: the tenant's only one, or on a shared tenant the one
   * the person belongs to (people import, own choice); `fallback` only where no tenant is connected.
   */
  async resolve(tenantId: string | undefined, userId: string | undefined): Promise<Resolution> {
    const ids = await this.idsOnTenant(tenantId);
    if (ids.length === 0) {
      const fallback = this.deps.fallback ? await this.get(this.deps.fallback) : undefined;
      return fallback ? { kind: 'resolved', municipality: fallback } : { kind: 'notConnected' };
    }
    if (ids.length > 1 && tenantId && userId) {
      const member = await this.deps.store.get<Membership>('members', tenantId, userId);
      if (member && ids.includes(member.data.municipality)) {
        const record = await this.get(member.data.municipality);
        if (record) return { kind: 'resolved', municipality: record };
      }
    }
    const records = await this.records(ids);
    if (records.length === 0) return { kind: 'notConnected' };
    if (records.length === 1) return { kind: 'resolved', municipality: records[0]! };
    return { kind: 'choose', options: records.sort((a, b) => a.name.localeCompare(b.name, 'nb')) };
  }

  /** The municipalities on a tenant (several for an inter-municipal IT cooperation). */
  async onTenant(tenantId: string | undefined): Promise<Municipality[]> {
    return this.records(await this.idsOnTenant(tenantId));
  }

  /** The municipalities on a tenant, read at most every few seconds per instance: every turn asks. */
  private async idsOnTenant(tenantId: string | undefined): Promise<MunicipalityId[]> {
    if (!tenantId) return [];
    const cached = this.tenantCache.get(tenantId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.ids;
    const ids = (await this.deps.store.get<TenantIndex>('tenants', GLOBAL, tenantId))?.data.municipalities ?? [];
    this.tenantCache.set(tenantId, { ids, at: Date.now() });
    return ids;
  }

  private async records(ids: readonly MunicipalityId[]): Promise<Municipality[]> {
    return (await Promise.all(ids.map((id) => this.get(id)))).filter((m): m is Municipality => m !== undefined);
  }

  /** Records which municipality a person on a shared tenant works for. Refused for a municipality not on that tenant. */
  async assignMember(tenantId: string, userId: string, municipality: MunicipalityId, source: Membership['source']): Promise<void> {
    const record = await this.require(municipality);
    if (!record.tenantIds.includes(tenantId))
      throw new InputError(`${municipality} is not on tenant ${tenantId}`, { key: 'municipality.notOnTenant', params: { name: record.name } });
    await this.deps.store.put<Membership>('members', tenantId, userId, { municipality, source });
  }

  /** The writes that place imported people in the municipality on each of its tenants (none for those placed already). */
  async membershipOps(municipality: Municipality, userIds: readonly string[]): Promise<WriteOp[]> {
    const ops: WriteOp[] = [];
    for (const tenantId of municipality.tenantIds) {
      const current = new Map((await this.deps.store.list<Membership>('members', tenantId)).map((doc) => [doc.id, doc.data.municipality]));
      for (const userId of userIds) {
        if (current.get(userId) !== municipality.id)
          ops.push({ container: 'members', partition: tenantId, id: userId, data: { municipality: municipality.id, source: 'import' } satisfies Membership });
      }
    }
    return ops;
  }

  private async indexTenants(id: MunicipalityId, before: readonly string[], after: readonly string[]): Promise<void> {
    for (const tenantId of new Set([...before, ...after])) {
      this.tenantCache.delete(tenantId);
      const wanted = after.includes(tenantId);
      await updateDocument<TenantIndex>(this.deps.store, 'tenants', GLOBAL, tenantId, (current) => {
        const others = (current?.municipalities ?? []).filter((m) => m !== id);
        const next = wanted ? [...others, id].sort() : others;
        return JSON.stringify(next) === JSON.stringify(current?.municipalities ?? []) ? undefined : { municipalities: next };
      });
    }
  }
}

const FIELDS = ['id', 'name', 'tenantIds', 'phones', 'defaultLanguage', 'reminders'] as const;

function parse(input: unknown): Municipality {
  const parsed = municipalitySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = FIELDS.find((name) => name === issue.path[0]) ?? 'id';
  throw new InputError(`${issue.path.join('.')}: ${issue.message}`, {
    key: `municipality.invalid.${field}`,
    params: { value: String(valueAt(input, issue.path) ?? '') },
  });
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined), input);
}
