import type { Actor } from '../cases/Actor.js';
import type { Recipient } from '../cases/transitions.js';
import type { Municipality } from '../config.js';
import { ConflictError, NotAllowedError } from '../errors.js';
import type { Store } from '../store/Store.js';

export const roleNames = ['keMember', 'keAdmin'] as const;
export type RoleName = (typeof roleNames)[number];

/** Coordinator training (koordinatorskolen): when the deadline started, and when it was done. */
export interface TrainingRecord {
  startedAt?: string;
  completedOn?: string;
}

interface RoleRecord {
  roles: RoleName[];
  training?: TrainingRecord;
  /** The unit the person works in. */
  unit?: string;
  /** Units the person leads. */
  leads?: string[];
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

  /** The person as the case rules see them. Anyone in the municipality's tenant is at least an employee. */
  async actor(municipality: Municipality, userId: string | undefined): Promise<Actor> {
    if (!userId) throw new NotAllowedError('no user identity on the activity');
    const record = (await this.store.get<RoleRecord>('roles', municipality, userId))?.data;
    return { userId, municipality, isKe: record?.roles.includes('keMember') ?? false, leads: record?.leads ?? [] };
  }

  /**
   * Starts a coordinator's training deadline at their first appointment. Returns when it started,
   * or undefined when it had started already or the training is done.
   */
  async startTraining(municipality: Municipality, userId: string, at: string): Promise<string | undefined> {
    let started: string | undefined;
    await this.update(municipality, userId, (record) => {
      started = undefined;
      if (record.training?.startedAt || record.training?.completedOn) return record;
      started = at;
      return { ...record, training: { startedAt: at } };
    });
    return started;
  }

  async completeTraining(municipality: Municipality, userId: string, on: string): Promise<void> {
    await this.update(municipality, userId, (record) => ({ ...record, training: { ...record.training, completedOn: on } }));
  }

  async training(municipality: Municipality, userId: string): Promise<TrainingRecord | undefined> {
    return (await this.store.get<RoleRecord>('roles', municipality, userId))?.data.training;
  }

  /** The unit a person works in, if KE has registered it. */
  async unitOf(municipality: Municipality, userId: string): Promise<string | undefined> {
    return (await this.store.get<RoleRecord>('roles', municipality, userId))?.data.unit || undefined;
  }

  /** Who a recipient is, as people: KE's members, a unit's leaders, or one person. */
  async recipients(municipality: Municipality, to: Recipient): Promise<string[]> {
    if (to.kind === 'user') return [to.userId];
    if (to.kind === 'ke') return this.holders(municipality, 'keMember');
    return this.leadersOf(municipality, to.unit);
  }

  /** Everyone holding a role in the municipality (for notifications to KE). */
  async holders(municipality: Municipality, role: RoleName): Promise<string[]> {
    return this.peopleWhere(municipality, (record) => record.roles.includes(role));
  }

  /** The leaders of a unit (for approval requests). */
  async leadersOf(municipality: Municipality, unit: string): Promise<string[]> {
    return this.peopleWhere(municipality, (record) => record.leads?.includes(unit) ?? false);
  }

  private async peopleWhere(municipality: Municipality, matches: (record: RoleRecord) => boolean): Promise<string[]> {
    const docs = await this.store.list<RoleRecord>('roles', municipality);
    return docs.filter((doc) => matches(doc.data)).map((doc) => doc.id);
  }

  async grant(municipality: Municipality, userId: string, role: RoleName): Promise<void> {
    await this.update(municipality, userId, (record) => ({
      ...record,
      roles: [...new Set([...record.roles, role, ...(role === 'keAdmin' ? (['keMember'] as const) : [])])],
    }));
  }

  async setUnits(municipality: Municipality, userId: string, units: { unit?: string; leads?: string[] }): Promise<void> {
    await this.update(municipality, userId, (record) => ({ ...record, ...units }));
  }

  /** Sets a person's roles and units as a whole (the roles card); their training record stays. */
  async replace(municipality: Municipality, userId: string, record: Omit<RoleRecord, 'training'>): Promise<void> {
    await this.update(municipality, userId, (current) => ({ ...record, ...(current.training ? { training: current.training } : {}) }));
  }

  private async update(municipality: Municipality, userId: string, change: (record: RoleRecord) => RoleRecord): Promise<void> {
    for (;;) {
      const current = await this.store.get<RoleRecord>('roles', municipality, userId);
      const next = change(current?.data ?? { roles: [] });
      try {
        if (current) await this.store.put<RoleRecord>('roles', municipality, userId, next, current.etag);
        else await this.store.create<RoleRecord>('roles', municipality, userId, next);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }
}
