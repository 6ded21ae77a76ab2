import type { Storage, StoreItems } from 'botbuilder';
import { ConflictError } from '../errors.js';
import type { Store } from './Store.js';

/**
 * Bot Framework `Storage` over the store port, so turn state (conversation and user scopes)
 * survives restarts and is shared by every instance. Honours `eTag` like the SDK's own stores:
 * `*` or none overwrites, anything else must match.
 */
export class StoreStorage implements Storage {
  constructor(private readonly store: Store) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const doc = await this.store.get<Record<string, unknown>>('botState', key, key);
        if (doc) items[key] = { ...doc.data, eTag: doc.etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...data } = (item ?? {}) as Record<string, unknown>;
        const ifMatch = typeof eTag === 'string' && eTag !== '*' ? eTag : undefined;
        try {
          await this.store.put('botState', key, key, data, ifMatch);
        } catch (error) {
          if (error instanceof ConflictError) throw new ConflictError(`Turn state for ${key} changed during the turn`, { cause: error });
          throw error;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete('botState', key, key)));
  }
}
