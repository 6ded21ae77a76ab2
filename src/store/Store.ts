import type { ContainerName } from './containers.js';

/** A stored document with the version tag used for optimistic concurrency. */
export interface Versioned<T> {
  id: string;
  partition: string;
  data: T;
  etag: string;
}

export type Scalar = string | number | boolean | null;

export interface Condition {
  /** A dotted path into the document's data, e.g. `status` or `coordinator.userId`. */
  field: string;
  op: '=' | '!=' | '<' | '<=' | '>' | '>=';
  value: Scalar;
}

export interface ListQuery {
  where?: Condition[];
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
}

/** One document of an all-or-nothing write: written as given (upsert), or deleted when `data` is undefined. */
export interface WriteOp {
  container: ContainerName;
  partition: string;
  id: string;
  data?: unknown;
  /** Write only if the stored etag is still this one (null: only if the document does not exist); otherwise the whole write fails with a `ConflictError`. */
  ifMatch?: string | null;
}

export interface StoreHealth {
  ok: boolean;
  kind: 'sqlite' | 'cosmos';
  detail?: string;
}

/**
 * The storage port. Documents live in containers and are partitioned (by municipality for domain data).
 * Adapters: `SqliteStore` (embedded default) and `CosmosStore` (Azure). Both pass `tests/integration/store.contract.ts`.
 *
 * Outcomes: a missing document is `undefined`; a stale `ifMatch` or an existing id on `create` is a `ConflictError`;
 * an unreachable backend is a `StoreUnavailableError`.
 */
export interface Store {
  readonly kind: StoreHealth['kind'];
  get<T>(container: ContainerName, partition: string, id: string): Promise<Versioned<T> | undefined>;
  /** Fails with `ConflictError` when the id already exists: use it to claim something exactly once. */
  create<T>(container: ContainerName, partition: string, id: string, data: T): Promise<Versioned<T>>;
  /** Writes unconditionally, or only if the stored etag still equals `ifMatch`. */
  put<T>(container: ContainerName, partition: string, id: string, data: T, ifMatch?: string): Promise<Versioned<T>>;
  /** Returns false when there was nothing to delete. */
  delete(container: ContainerName, partition: string, id: string, ifMatch?: string): Promise<boolean>;
  list<T>(container: ContainerName, partition: string, query?: ListQuery): Promise<Versioned<T>[]>;
  /**
   * Writes every document or none (imports). SQLite: one transaction. Cosmos: a journal of the
   * documents' previous versions is written first and removed at the end; a failure rolls back at
   * once, and a process that died mid-write is rolled back when a store next connects.
   */
  writeAll(ops: readonly WriteOp[]): Promise<void>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Field paths end up inside query text (as JSON paths), so only plain identifiers are accepted. */
export function assertFieldPath(field: string): string {
  if (!FIELD_PATH.test(field)) throw new TypeError(`Invalid field path: ${field}`);
  return field;
}
