import type { Actor, Recipient } from './Actor.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { NotAllowedError } from '../errors.js';
import type { Store, WriteOp } from '../store/Store.js';
import { updateDocument } from '../store/updateDocument.js';

/** A person as the people import gives them. */
export interface ImportedPerson {
  userId: string;
  name: string;
  email?: string;
  unit?: string;
  /** Undefined when the file says nothing of them (the Entra user list): what the person has stays. */
  leads?: readonly string[];
  ke?: boolean;
  keAdmin?: boolean;
}

/** What an import changes about one person's training: completed on a date, or a deadline that starts. */
export interface ImportedTraining {
  completedOn?: string;
  startedAt?: string;
}

/** Someone the people picker offers: imported, or registered by a KE admin. */
export interface KnownPerson {
  userId: string;
  name: string;
  unit?: string;
  /** E-mail / user principal name from the people import: files may name the person by it. */
  email?: string;
}

export const roleNames = ['keMember', 'keAdmin'] as const;
export type RoleName = (typeof roleNames)[number];

/** Coordinator training (koordinatorskolen): when the deadline started, and when it was done. */
export interface TrainingRecord {
  startedAt?: string;
  completedOn?: string;
  /** The last refresher course completed (a yearly half day after koordinatorskolen). */
  refreshedOn?: string;
}

interface RoleRecord {
  roles: RoleName[];
  /** Display name and e-mail, from the people import (the people picker shows people who never wrote to the bot). */
  name?: string;
  email?: string;
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

  async of(municipality: MunicipalityId, userId: string | undefined): Promise<RoleName[]> {
    if (!userId) return [];
    return (await this.store.get<RoleRecord>('roles', municipality, userId))?.data.roles ?? [];
  }

  async has(municipality: MunicipalityId, userId: string | undefined, role: RoleName): Promise<boolean> {
    return (await this.of(municipality, userId)).includes(role);
  }

  /** Throws `NotAllowedError` unless the user holds the role in this municipality. */
  async require(municipality: MunicipalityId, userId: string | undefined, role: RoleName): Promise<string> {
    if (!userId || !(await this.has(municipality, userId, role))) throw new NotAllowedError(`${role} required`);
    return userId;
  }

  /** The person as the case rules see them. Anyone in the municipality's tenant is at least an employee. */
  async actor(municipality: MunicipalityId, userId: string | undefined): Promise<Actor> {
    if (!userId) throw new NotAllowedError('no user identity on the activity');
    const record = (await this.store.get<RoleRecord>('roles', municipality, userId))?.data;
    return { userId, municipality, isKe: record?.roles.includes('keMember') ?? false, leads: record?.leads ?? [] };
  }

  /**
   * Starts a coordinator's training deadline at their first appointment. Returns when it started,
   * or undefined when it had started already or the training is done.
   */
  async startTraining(municipality: MunicipalityId, userId: string, at: string): Promise<string | undefined> {
    let started: string | undefined;
    await this.update(municipality, userId, (record) => {
      started = undefined;
      if (record.training?.startedAt || record.training?.completedOn) return record;
      started = at;
      return { ...record, training: { startedAt: at } };
    });
    return started;
  }

  async completeTraining(municipality: MunicipalityId, userId: string, on: string): Promise<void> {
    await this.update(municipality, userId, (record) => ({ ...record, training: { ...record.training, completedOn: on } }));
  }

  async completeRefresher(municipality: MunicipalityId, userId: string, on: string): Promise<void> {
    await this.update(municipality, userId, (record) => ({ ...record, training: { ...record.training, refreshedOn: on } }));
  }

  async training(municipality: MunicipalityId, userId: string): Promise<TrainingRecord | undefined> {
    return (await this.store.get<RoleRecord>('roles', municipality, userId))?.data.training;
  }

  /** A person's roles and units as stored (the roles card shows them before editing). */
  async record(municipality: MunicipalityId, userId: string): Promise<{ roles: RoleName[]; unit?: string; leads: string[] }> {
    const record = (await this.store.get<RoleRecord>('roles', municipality, userId))?.data;
    return { roles: record?.roles ?? [], ...(record?.unit ? { unit: record.unit } : {}), leads: record?.leads ?? [] };
  }

  /** A person's e-mail (user principal name) from the people import: a Teams meeting's attendee. */
  async emailOf(municipality: MunicipalityId, userId: string): Promise<string | undefined> {
    return (await this.store.get<RoleRecord>('roles', municipality, userId))?.data.email || undefined;
  }

  /** The unit a person works in, if KE has registered it. */
  async unitOf(municipality: MunicipalityId, userId: string): Promise<string | undefined> {
    return (await this.store.get<RoleRecord>('roles', municipality, userId))?.data.unit || undefined;
  }

  /** Who a recipient is, as people: KE's members, a unit's leaders, or one person. */
  async recipients(municipality: MunicipalityId, to: Recipient): Promise<string[]> {
    if (to.kind === 'user') return [to.userId];
    if (to.kind === 'ke') return this.holders(municipality, 'keMember');
    return this.leadersOf(municipality, to.unit);
  }

  /** Everyone holding a role in the municipality (for notifications to KE). */
  async holders(municipality: MunicipalityId, role: RoleName): Promise<string[]> {
    return this.peopleWhere(municipality, (record) => record.roles.includes(role));
  }

  /** The leaders of a unit (for approval requests). */
  async leadersOf(municipality: MunicipalityId, unit: string): Promise<string[]> {
    return this.peopleWhere(municipality, (record) => record.leads?.includes(unit) ?? false);
  }

  private async peopleWhere(municipality: MunicipalityId, matches: (record: RoleRecord) => boolean): Promise<string[]> {
    const docs = await this.store.list<RoleRecord>('roles', municipality);
    return docs.filter((doc) => matches(doc.data)).map((doc) => doc.id);
  }

  async grant(municipality: MunicipalityId, userId: string, role: RoleName): Promise<void> {
    await this.update(municipality, userId, (record) => ({
      ...record,
      roles: [...new Set([...record.roles, role, ...(role === 'keAdmin' ? (['keMember'] as const) : [])])],
    }));
  }

  async setUnits(municipality: MunicipalityId, userId: string, units: { unit?: string; leads?: string[] }): Promise<void> {
    await this.update(municipality, userId, (record) => ({ ...record, ...units }));
  }

  /** Sets a person's roles and units as a whole (the roles card); their training record stays. */
  async replace(municipality: MunicipalityId, userId: string, record: Omit<RoleRecord, 'training'>): Promise<void> {
    await this.update(municipality, userId, (current) => ({ ...record, ...(current.training ? { training: current.training } : {}) }));
  }

  /** Everyone with a name on record (imported people), with their unit. */
  async people(municipality: MunicipalityId): Promise<KnownPerson[]> {
    const docs = await this.store.list<RoleRecord>('roles', municipality);
    return docs.flatMap((doc) =>
      doc.data.name
        ? [{ userId: doc.id, name: doc.data.name, ...(doc.data.unit ? { unit: doc.data.unit } : {}), ...(doc.data.email ? { email: doc.data.email } : {}) }]
        : [],
    );
  }

  /** Everyone whose coordinator training has started or is done, with their unit: the training figures. */
  async trainees(municipality: MunicipalityId): Promise<{ userId: string; name?: string; unit?: string; training: TrainingRecord }[]> {
    const docs = await this.store.list<RoleRecord>('roles', municipality);
    return docs.flatMap(({ id, data }) =>
      data.training ? [{ userId: id, ...(data.name ? { name: data.name } : {}), ...(data.unit ? { unit: data.unit } : {}), training: data.training }] : [],
    );
  }

  /** Everyone who is KE or leads a unit: who may see an overview (the tab's dev sign-in lists them). */
  async overviewHolders(municipality: MunicipalityId): Promise<{ userId: string; name?: string; isKe: boolean; leads: string[] }[]> {
    const docs = await this.store.list<RoleRecord>('roles', municipality);
    return docs.flatMap(({ id, data }) =>
      data.roles.length || data.leads?.length
        ? [{ userId: id, ...(data.name ? { name: data.name } : {}), isKe: data.roles.length > 0, leads: data.leads ?? [] }]
        : [],
    );
  }

  /** The units somebody works in or leads: what forms offer to choose from. */
  async units(municipality: MunicipalityId): Promise<string[]> {
    const docs = await this.store.list<RoleRecord>('roles', municipality);
    const units = new Set(docs.flatMap((doc) => [doc.data.unit, ...(doc.data.leads ?? [])]).filter((unit): unit is string => Boolean(unit)));
    return [...units].sort((a, b) => a.localeCompare(b, 'nb'));
  }

  /**
   * The writes that bring people in line with an import (all-or-nothing, by the caller): name,
   * e-mail, unit, units led and KE roles as the file says; training as the cases say. A person the
   * file does not mention keeps what they have; so does everyone's training unless it changes.
   */
  async importOps(
    municipality: MunicipalityId,
    people: readonly ImportedPerson[],
    training: ReadonlyMap<string, ImportedTraining>,
  ): Promise<{ ops: WriteOp[]; added: number; changed: number; unchanged: number; trainingStarted: { userId: string; startedAt: string }[] }> {
    const existing = new Map((await this.store.list<RoleRecord>('roles', municipality)).map((doc) => [doc.id, doc.data]));
    const byId = new Map(people.map((person) => [person.userId, person]));
    const ops: WriteOp[] = [];
    const counts = { added: 0, changed: 0, unchanged: 0 };
    const trainingStarted: { userId: string; startedAt: string }[] = [];
    for (const userId of new Set([...byId.keys(), ...training.keys()])) {
      const current = existing.get(userId);
      const person = byId.get(userId);
      let next: RoleRecord = current ?? { roles: [] };
      if (person) {
        next = {
          ...next,
          name: person.name,
          ...(person.email ? { email: person.email } : {}),
          ...(person.unit ? { unit: person.unit } : {}),
          leads: person.leads ? [...person.leads] : (next.leads ?? []),
          roles:
            person.ke === undefined && person.keAdmin === undefined
              ? next.roles
              : [...(person.ke ? (['keMember'] as const) : []), ...(person.keAdmin ? (['keAdmin'] as const) : [])],
        };
        if (!person.email) delete next.email;
        if (!person.unit) delete next.unit;
      }
      const change = training.get(userId);
      if (change?.completedOn && !next.training?.completedOn) next = { ...next, training: { ...next.training, completedOn: change.completedOn } };
      else if (change?.startedAt && !next.training?.startedAt && !next.training?.completedOn) {
        next = { ...next, training: { startedAt: change.startedAt } };
        trainingStarted.push({ userId, startedAt: change.startedAt });
      }
      if (current && JSON.stringify(current) === JSON.stringify(next)) {
        if (person) counts.unchanged += 1;
        continue;
      }
      if (person) counts[current ? 'changed' : 'added'] += 1;
      ops.push({ container: 'roles', partition: municipality, id: userId, data: next });
    }
    return { ops, ...counts, trainingStarted };
  }

  private async update(municipality: MunicipalityId, userId: string, change: (record: RoleRecord) => RoleRecord): Promise<void> {
    await updateDocument<RoleRecord>(this.store, 'roles', municipality, userId, (current) => change(current ?? { roles: [] }));
  }
}
