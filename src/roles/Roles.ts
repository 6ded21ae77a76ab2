import type { Municipality } from '../config.js';
import { NotAllowedError } from '../errors.js';
import type { Store } from '../store/Store.js';

export const roleNames = ['keMember', 'keAdmin'] as const;
export type RoleName = (typeof roleNames)[number];

interface RoleRecord {
  roles: RoleName[];
}

/**
 * Roles are data, per municipality, keyed by the user's Entra object id. The first KE admin of a
 * municipality comes from configuration (`KE_ADMINS`); later ones are granted in the bot.
 */
export class Roles {
  constructor(private readonly store: Store) {}

  async of(municipality: Municipality, userId: string | undefined): Promise<RoleName[]> {
    if (!userId) return [];
    return (await this.store.get<RoleRecord>('roles', municipality, userId))?.data.roles ?? [];
  }

  async has(municipality: Municipality, userId: string | undefined, role: RoleName): Promise<boolean> {
    return (await this.of(municipality, userId)).includes(role);
  }

  /** Throws `NotAllowedError` unless the user holds the role in this municipality. */
  async require(municipality: Municipality, userId: string | undefined, role: RoleName): Promise<string> {
    if (!userId || !(await this.has(municipality, userId, role))) throw new NotAllowedError(`${role} required`);
    return userId;
  }

  async grant(municipality: Municipality, userId: string, role: RoleName): Promise<void> {
    for (;;) {
      const current = await this.store.get<RoleRecord>('roles', municipality, userId);
      const roles = [...new Set([...(current?.data.roles ?? []), role, ...(role === 'keAdmin' ? (['keMember'] as const) : [])])];
      try {
        if (current) await this.store.put<RoleRecord>('roles', municipality, userId, { roles }, current.etag);
        else await this.store.create<RoleRecord>('roles', municipality, userId, { roles });
        return;
      } catch (error) {
        if ((error as Error).name !== 'ConflictError') throw error;
      }
    }
  }
}
