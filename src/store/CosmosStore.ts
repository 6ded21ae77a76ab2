import { CosmosClient, type Container, type CosmosClientOptions, type SqlParameter } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Agent } from 'node:https';
import { ConflictError, StoreUnavailableError } from '../errors.js';
import { cosmosContainerDefinitions, type ContainerName } from './containers.js';
import { createHash, randomUUID } from 'node:crypto';
import { assertFieldPath, type ListQuery, type Store, type StoreHealth, type Versioned, type WriteOp } from './Store.js';

const JOURNAL = 'journal';
/** Documents per journal part (well under Cosmos' 2 MB document limit for directory entries and cases). */
const JOURNAL_PART = 200;
/** Requests in flight at once during a multi-document write. */
const PARALLEL = 16;
/** A journal not touched for this long belongs to a process that died: roll it back. */
const JOURNAL_STALE_MS = 2 * 60_000;

interface JournalEntry {
  container: ContainerName;
  partition: string;
  id: string;
  /** The document before the write; null when it did not exist. */
  previous: unknown;
  /** For a create (not read first): a hash of what it writes, so a roll-back deletes only a document this write made. */
  created?: string;
}
type JournalDoc = { kind: 'head'; parts: number; touchedAt: string } | { kind: 'part'; runId: string; entries: JournalEntry[] };

interface CosmosDoc<T> {
  id: string;
  pk: string;
  data: T;
  _etag?: string;
}

export interface CosmosStoreOptions {
  endpoint: string;
  database: string;
  /** Account key; without it the app's managed identity (DefaultAzureCredential) is used. */
  key?: string;
  /**
   * Create the database and containers when missing. Right for the emulator and tests; in Azure the
   * containers come from `infra/` and the app's data-plane role cannot create them.
   */
  createIfMissing?: boolean;
  /** Only for local test servers with self-signed certificates. */
  agent?: Agent;
  /** How long one request may take before it counts as failed (default 4 s). */
  requestTimeoutMs?: number;
}

/**
 * Azure Cosmos DB for NoSQL. One container per domain container, partition key `/pk`
 * (the municipality for domain data), parameterised queries only, ETag optimistic concurrency.
 */
export class CosmosStore implements Store {
  readonly kind = 'cosmos' as const;
  private readonly client: CosmosClient;
  private readonly containersByName = new Map<ContainerName, Container>();

  private constructor(client: CosmosClient) {
    this.client = client;
  }

  static async connect(options: CosmosStoreOptions): Promise<CosmosStore> {
    const clientOptions: CosmosClientOptions = {
      endpoint: options.endpoint,
      ...(options.key ? { key: options.key } : { aadCredentials: new DefaultAzureCredential() }),
      ...(options.agent ? { agent: options.agent } : {}),
      // A turn must answer well inside the 15 s after which Teams resends: give up on a silent store
      // after a few seconds, and retry throttling (429, honouring its retry hint) only briefly. The
      // account is single-region (infra/main.bicep); with endpoint discovery on, the SDK retries a
      // timed-out request against that one region without end.
      connectionPolicy: {
        requestTimeout: options.requestTimeoutMs ?? 4000,
        retryOptions: { maxRetryAttemptCount: 5, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 4 },
        enableEndpointDiscovery: false,
      },
    };
    const store = new CosmosStore(new CosmosClient(clientOptions));
    await translate(async () => {
      const database = options.createIfMissing
        ? (await store.client.databases.createIfNotExists({ id: options.database })).database
        : store.client.database(options.database);
      for (const definition of cosmosContainerDefinitions()) {
        const container = options.createIfMissing
          ? (
              await database.containers.createIfNotExists({
                id: definition.name,
                partitionKey: { paths: [definition.partitionKeyPath] },
                indexingPolicy: definition.indexingPolicy,
                ...(definition.defaultTtl ? { defaultTtl: definition.defaultTtl } : {}),
              })
            ).container
          : database.container(definition.name);
        store.containersByName.set(definition.name, container);
      }
    });
    await store.rollBackInterruptedWrites();
    return store;
  }

  async get<T>(container: ContainerName, partition: string, id: string): Promise<Versioned<T> | undefined> {
    const { resource } = await translate(() => this.container(container).item(toCosmosId(id), partition).read<CosmosDoc<T>>());
    return resource && toVersioned(resource);
  }

  async create<T>(container: ContainerName, partition: string, id: string, data: T): Promise<Versioned<T>> {
    const { resource } = await translate(() => this.container(container).items.create<CosmosDoc<T>>({ id: toCosmosId(id), pk: partition, data }));
    return toVersioned(resource!);
  }

  async put<T>(container: ContainerName, partition: string, id: string, data: T, ifMatch?: string): Promise<Versioned<T>> {
    const doc: CosmosDoc<T> = { id: toCosmosId(id), pk: partition, data };
    const { resource } = await translate(() =>
      ifMatch === undefined
        ? this.container(container).items.upsert<CosmosDoc<T>>(doc)
        : this.container(container)
            .item(doc.id, partition)
            .replace<CosmosDoc<T>>(doc, { accessCondition: { type: 'IfMatch', condition: ifMatch } }),
    );
    return toVersioned(resource!);
  }

  async delete(container: ContainerName, partition: string, id: string, ifMatch?: string): Promise<boolean> {
    try {
      await translate(() =>
        this.container(container)
          .item(toCosmosId(id), partition)
          .delete(ifMatch === undefined ? undefined : { accessCondition: { type: 'IfMatch', condition: ifMatch } }),
      );
      return true;
    } catch (error) {
      if (statusOf((error as Error).cause) === 404) return false;
      throw error;
    }
  }

  async list<T>(container: ContainerName, partition: string, query: ListQuery = {}): Promise<Versioned<T>[]> {
    const parameters: SqlParameter[] = [{ name: '@pk', value: partition }];
    const clauses = ['c.pk = @pk'];
    (query.where ?? []).forEach((condition, index) => {
      clauses.push(`c.data.${assertFieldPath(condition.field)} ${condition.op} @p${index}`);
      parameters.push({ name: `@p${index}`, value: condition.value });
    });
    const top = query.limit === undefined ? '' : 'TOP @limit ';
    if (query.limit !== undefined) parameters.push({ name: '@limit', value: query.limit });
    let text = `SELECT ${top}* FROM c WHERE ${clauses.join(' AND ')}`;
    if (query.orderBy) text += ` ORDER BY c.data.${assertFieldPath(query.orderBy.field)} ${query.orderBy.direction === 'desc' ? 'DESC' : 'ASC'}`;
    const { resources } = await translate(() =>
      this.container(container).items.query<CosmosDoc<T>>({ query: text, parameters }, { partitionKey: partition }).fetchAll(),
    );
    return resources.map((doc) => toVersioned(doc));
  }

  async writeAll(ops: readonly WriteOp[]): Promise<void> {
    await this.rollBackInterruptedWrites();
    const runId = randomUUID();
    // A create (ifMatch null) has nothing before it: it is not read, and its journal entry names what it writes instead.
    const previous = await inParallel(ops, (op) => (op.ifMatch === null ? Promise.resolve(undefined) : this.get(op.container, op.partition, op.id)));
    const entries: JournalEntry[] = ops.map((op, index) => ({
      container: op.container,
      partition: op.partition,
      id: op.id,
      previous: previous[index]?.data ?? null,
      ...(op.ifMatch === null ? { created: fingerprint(op.data) } : {}),
    }));
    const parts = chunk(entries, JOURNAL_PART);
    const head = (): JournalDoc => ({ kind: 'head', parts: parts.length, touchedAt: new Date().toISOString() });
    await this.put<JournalDoc>(JOURNAL, JOURNAL, runId, head());
    await inParallel(parts, (part, index) => this.put<JournalDoc>(JOURNAL, JOURNAL, `${runId}-${index}`, { kind: 'part', runId, entries: part }));
    const written = new Array<boolean>(ops.length).fill(false);
    try {
      for (const [batchIndex, batch] of chunk(
        ops.map((op, index) => ({ op, index })),
        500,
      ).entries()) {
        if (batchIndex > 0) await this.put<JournalDoc>(JOURNAL, JOURNAL, runId, head());
        await inParallel(batch, async ({ op, index }) => {
          if (op.data === undefined) await this.delete(op.container, op.partition, op.id);
          else if (op.ifMatch === null) await this.create(op.container, op.partition, op.id, op.data);
          else await this.put(op.container, op.partition, op.id, op.data, op.ifMatch);
          written[index] = true;
        });
      }
    } catch (error) {
      await this.rollBack(
        runId,
        entries.filter((_entry, index) => written[index]),
        parts.length,
      );
      throw error;
    }
    // Removing the head commits the write; parts left behind by a crash here are swept up later.
    await this.delete(JOURNAL, JOURNAL, runId);
    await inParallel(parts, (_part, index) => this.delete(JOURNAL, JOURNAL, `${runId}-${index}`));
  }

  /** Restores what a multi-document write found, for writes whose process died before committing. */
  async rollBackInterruptedWrites(): Promise<number> {
    const docs = await this.list<JournalDoc>(JOURNAL, JOURNAL);
    const heads = new Map(docs.filter((doc) => doc.data.kind === 'head').map((doc) => [doc.id, doc.data as Extract<JournalDoc, { kind: 'head' }>]));
    let rolledBack = 0;
    for (const [runId, head] of heads) {
      if (Date.now() - Date.parse(head.touchedAt) < JOURNAL_STALE_MS) continue;
      const entries = docs.flatMap((doc) => (doc.data.kind === 'part' && doc.data.runId === runId ? doc.data.entries : []));
      await this.rollBack(runId, entries, head.parts);
      rolledBack += 1;
    }
    // Parts whose head is gone belong to committed writes.
    const orphans = docs.filter((doc) => doc.data.kind === 'part' && !heads.has(doc.data.runId));
    await inParallel(orphans, (doc) => this.delete(JOURNAL, JOURNAL, doc.id));
    return rolledBack;
  }

  private async rollBack(runId: string, entries: readonly JournalEntry[], parts: number): Promise<void> {
    await inParallel(entries, async (entry) => {
      if (entry.created !== undefined) {
        // Only a document this write made: a create that lost to an existing document must not delete it.
        const current = await this.get(entry.container, entry.partition, entry.id);
        if (current && fingerprint(current.data) === entry.created) await this.delete(entry.container, entry.partition, entry.id);
      } else if (entry.previous === null) await this.delete(entry.container, entry.partition, entry.id);
      else await this.put(entry.container, entry.partition, entry.id, entry.previous);
    });
    await inParallel(
      Array.from({ length: parts }, (_, index) => `${runId}-${index}`),
      (id) => this.delete(JOURNAL, JOURNAL, id),
    );
    await this.delete(JOURNAL, JOURNAL, runId);
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.client.getDatabaseAccount();
      return { ok: true, kind: this.kind };
    } catch (error) {
      return { ok: false, kind: this.kind, detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private container(name: ContainerName): Container {
    const container = this.containersByName.get(name);
    if (!container) throw new Error(`Cosmos container ${name} is not initialised`);
    return container;
  }
}

function fingerprint(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('base64url');
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * `work` over every item, `PARALLEL` at a time, results in order. After a failure no new item
 * starts, and the first failure is thrown once the items in flight have settled, so a roll-back
 * never races a write that is still on its way.
 */
async function inParallel<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}

/** Cosmos ids may not contain / \ ? #; bot state keys do. */
function toCosmosId(id: string): string {
  return encodeURIComponent(id);
}

function toVersioned<T>(doc: CosmosDoc<T>): Versioned<T> {
  return { id: decodeURIComponent(doc.id), partition: doc.pk, data: doc.data, etag: doc._etag ?? '' };
}

function statusOf(error: unknown): number | undefined {
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode === 'number') return statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Maps Cosmos status codes onto the store port's typed outcomes. 404 on read is handled by the SDK (resource undefined). */
async function translate<R>(operation: () => Promise<R>): Promise<R> {
  try {
    return await operation();
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 412) throw new ConflictError(`Cosmos write conflict (${status})`, { cause: error });
    if (status === 404) throw new ConflictErrorOrMissing(error);
    if (status === 400) throw error; // a malformed request is a bug, not an outage
    throw new StoreUnavailableError(`Cosmos request failed${status ? ` (${status})` : ''}`, { cause: error });
  }
}

/** A conditional write or delete on a document that is gone: a conflict for writers, "nothing to delete" for `delete`. */
class ConflictErrorOrMissing extends ConflictError {
  constructor(cause: unknown) {
    super('Cosmos document not found', { cause });
  }
}
