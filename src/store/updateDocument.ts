import { ConflictError } from '../errors.js';
import type { ContainerName } from './containers.js';
import type { Store, Versioned } from './Store.js';

/**
 * Read, change, write back with the read's ETag; on a lost race read again and re-apply the change.
 * `change` gets undefined for a missing document and returns undefined to leave it as it is.
 */
export async function updateDocument<T>(
  store: Store,
  container: ContainerName,
  partition: string,
  id: string,
  change: (current: T | undefined) => T | undefined,
): Promise<Versioned<T> | undefined> {
  for (;;) {
    const current = await store.get<T>(container, partition, id);
    const next = change(current?.data);
    if (next === undefined) return current;
    try {
      return current ? await store.put<T>(container, partition, id, next, current.etag) : await store.create<T>(container, partition, id, next);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}

/**
 * Writes `next` in place of the document as it was read (`current`; a new document when there was
 * none), only if nobody wrote it since: one instance wins a claim. False when another write came first.
 */
export async function replaceIfUnchanged<T>(
  store: Store,
  container: ContainerName,
  partition: string,
  id: string,
  current: Versioned<T> | undefined,
  next: T,
): Promise<boolean> {
  try {
    if (current) await store.put<T>(container, partition, id, next, current.etag);
    else await store.create<T>(container, partition, id, next);
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}
