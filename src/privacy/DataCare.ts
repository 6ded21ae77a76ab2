import type { AuditEntry, AuditLog } from '../audit/AuditLog.js';
import type { Case } from '../cases/Case.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { ConflictError } from '../errors.js';
import type { ReminderSchedule, StoredReminder } from '../reminders/ReminderSchedule.js';
import type { Store, Versioned } from '../store/Store.js';

/** How a KE admin names the resident a request is about: no national identity number is stored, so name and birth date. */
export interface Resident {
  name: string;
  /** ISO date. */
  birthDate: string;
}

/** Everything stored about one resident, as an access request (GDPR art. 15) delivers it. */
export interface AccessReport {
  generatedAt: string;
  municipality: MunicipalityId;
  cases: Case[];
  reminders: StoredReminder[];
  /** Who read or changed these cases, and when. */
  auditTrail: AuditEntry[];
}

const normalised = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');

/**
 * Data care for the personal data in cases: access and erasure requests (audited, for KE admins),
 * and the retention rule that strips a closed case of the resident's details and free text once
 * the retention period has passed.
 */
export class DataCare {
  constructor(private readonly deps: { store: Store; audit: AuditLog; reminders: ReminderSchedule; retentionDays: number; now?: () => Date }) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The resident's cases: found by birth date (indexed), then by name, ignoring case and spacing. */
  async casesOf(municipality: MunicipalityId, resident: Resident): Promise<Versioned<Case>[]> {
    const sameBirthDate = await this.deps.store.list<Case>('cases', municipality, {
      where: [{ field: 'report.resident.birthDate', op: '=', value: resident.birthDate }],
    });
    return sameBirthDate.filter((doc) => normalised(doc.data.report.resident.name) === normalised(resident.name));
  }

  /** Finds what an access request covers; the request itself is audited. */
  async requestAccess(municipality: MunicipalityId, actor: string, resident: Resident): Promise<string[]> {
    const cases = await this.casesOf(municipality, resident);
    await this.deps.audit.record(municipality, { actor, action: 'privacy.accessRequest', target: 'resident', details: { cases: cases.length } });
    return cases.map((doc) => doc.id);
  }

  /** The file behind an access link: the cases, their reminders and their audit trail. Each case's disclosure is audited. */
  async accessReport(municipality: MunicipalityId, actor: string, caseIds: readonly string[]): Promise<AccessReport> {
    const cases = (await Promise.all(caseIds.map((id) => this.deps.store.get<Case>('cases', municipality, id)))).filter((doc): doc is Versioned<Case> =>
      Boolean(doc),
    );
    const reminders: StoredReminder[] = [];
    const auditTrail: AuditEntry[] = [];
    for (const doc of cases) {
      reminders.push(...(await this.deps.reminders.ofCase(municipality, doc.id)).map((r) => r.data));
      auditTrail.push(...(await this.deps.audit.list(municipality, { target: `case/${doc.data.reference}`, limit: 1000 })));
      await this.deps.audit.record(municipality, { actor, action: 'privacy.accessDisclosed', target: `case/${doc.data.reference}` });
    }
    return { generatedAt: this.now().toISOString(), municipality, cases: cases.map((doc) => doc.data), reminders, auditTrail };
  }

  /** An erasure request: the resident's cases and their reminders are deleted; the audit log keeps that it happened, by reference. */
  async erase(municipality: MunicipalityId, actor: string, resident: Resident): Promise<number> {
    const cases = await this.casesOf(municipality, resident);
    for (const doc of cases) {
      await this.deps.reminders.dropCase(municipality, doc.id);
      await this.deps.store.delete('cases', municipality, doc.id);
      await this.deps.audit.record(municipality, { actor, action: 'privacy.erase', target: `case/${doc.data.reference}` });
    }
    return cases.length;
  }

  /**
   * The retention rule: a case closed longer ago than the retention period keeps its reference,
   * dates, units and steps (KE's overview) but loses who the resident is, the need and every note.
   * Idempotent and safe to run in every instance (a conditional write per case).
   */
  async anonymiseExpired(municipality: MunicipalityId): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.deps.retentionDays * 86_400_000).toISOString();
    const expired = await this.deps.store.list<Case>('cases', municipality, {
      where: [
        { field: 'state', op: '=', value: 'closed' },
        { field: 'closure.at', op: '<=', value: cutoff },
      ],
    });
    let anonymised = 0;
    for (const doc of expired) {
      if (doc.data.anonymisedAt) continue;
      const c = doc.data;
      const stripped: Case = {
        ...c,
        report: { ...c.report, resident: { name: '', birthDate: `${c.report.resident.birthDate.slice(0, 4)}-01-01` }, need: '', wishedCoordinator: undefined },
        change: undefined,
        anonymisedAt: this.now().toISOString(),
      };
      try {
        await this.deps.store.put<Case>('cases', municipality, doc.id, stripped, doc.etag);
        await this.deps.audit.record(municipality, { actor: 'system', action: 'privacy.anonymise', target: `case/${c.reference}` });
        anonymised++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error; // reopened meanwhile, or another instance did it
      }
    }
    return anonymised;
  }
}
