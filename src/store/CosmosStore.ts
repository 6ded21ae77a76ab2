import { CosmosClient, type Container, type CosmosClientOptions, type SqlParameter } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Agent } from 'node:https';
import { ConflictError, StoreUnavailableError } from '../errors.js';
import { cosmosContainerDefinitions, type ContainerName } from './containers.js';
import { assertFieldPath, type ListQuery, type Store, type StoreHealth, type Versioned } from './Store.js';

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
        : this.container(container).item(doc.id, partition).replace<CosmosDoc<T>>(doc, { accessCondition: { type: 'IfMatch', condition: ifMatch } }),
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
