import type { AuditEntry, AuditLog } from '../audit/AuditLog.js';
import type { Case } from '../cases/Case.js';
import type { CaseService } from '../cases/CaseService.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { ReminderSchedule, StoredReminder } from '../reminders/ReminderSchedule.js';
import type { CoordinationService } from '../coordination/CoordinationService.js';
import type { Meeting, Partner, Task } from '../coordination/CaseWork.js';

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
  /** The cases' work: partners, meetings with their referat, and tasks. */
  work: { caseId: string; partners: Partner[]; meetings: Meeting[]; tasks: Task[] }[];
  /** Who read or changed these cases, and when. */
  auditTrail: AuditEntry[];
}

/**
 * Data care for the personal data in cases: access and erasure requests (audited, for KE admins),
 * and the retention rule that strips a closed case of the resident's details and free text once
 * the retention period has passed. The cases themselves are the case service's to read and change.
 */
export class DataCare {
  constructor(
    private readonly deps: {
      cases: CaseService;
      /** The cases' partners, meetings and tasks: part of each case for access, erasure and retention. */
      work: Pick<CoordinationService, 'ofCase' | 'eraseCase' | 'anonymiseCase'>;
      audit: AuditLog;
      reminders: ReminderSchedule;
      retentionDays: number;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Finds what an access request covers; the request itself is audited. */
  async requestAccess(municipality: MunicipalityId, actor: string, resident: Resident): Promise<string[]> {
    const cases = await this.deps.cases.ofResident(municipality, resident);
    await this.deps.audit.record(municipality, { actor, action: 'privacy.accessRequest', target: 'resident', details: { cases: cases.length } });
    return cases.map((c) => c.id);
  }

  /** The file behind an access link: the cases, their reminders and their audit trail. Each case's disclosure is audited. */
  async accessReport(municipality: MunicipalityId, actor: string, caseIds: readonly string[], download: Record<string, string> = {}): Promise<AccessReport> {
    const cases = await this.deps.cases.byIds(municipality, caseIds);
    const reminders: StoredReminder[] = [];
    const auditTrail: AuditEntry[] = [];
    const work: AccessReport['work'] = [];
    for (const c of cases) {
      reminders.push(...(await this.deps.reminders.ofCase(municipality, c.id)).map((r) => r.data));
      work.push({ caseId: c.id, ...(await this.deps.work.ofCase(municipality, c.id)) });
      auditTrail.push(...(await this.deps.audit.list(municipality, { target: `case/${c.reference}`, limit: 1000 })));
      await this.deps.audit.record(municipality, { actor, action: 'privacy.accessDisclosed', target: `case/${c.reference}`, details: download });
    }
    return { generatedAt: this.now().toISOString(), municipality, cases, reminders, work, auditTrail };
  }

  /** An erasure request: the resident's cases, their work and their reminders are deleted; the audit log keeps that it happened, by reference. */
  async erase(municipality: MunicipalityId, actor: string, resident: Resident): Promise<number> {
    const cases = await this.deps.cases.ofResident(municipality, resident);
    for (const c of cases) {
      await this.deps.reminders.dropCase(municipality, c.id);
      await this.deps.work.eraseCase(municipality, c.id);
      await this.deps.cases.erase(municipality, c.id);
      await this.deps.audit.record(municipality, { actor, action: 'privacy.erase', target: `case/${c.reference}` });
    }
    return cases.length;
  }

  /** The retention rule, for cases closed longer ago than the retention period: the case and the free text of its work. */
  async anonymiseExpired(municipality: MunicipalityId): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.deps.retentionDays * 86_400_000).toISOString();
    const anonymised = await this.deps.cases.anonymiseClosedBefore(municipality, cutoff);
    for (const caseId of anonymised) await this.deps.work.anonymiseCase(municipality, caseId);
    return anonymised.length;
  }
}
