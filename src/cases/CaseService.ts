import type { AuditLog } from '../audit/AuditLog.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Store, Versioned, WriteOp } from '../store/Store.js';
import type { Actor } from './Actor.js';
import type { Case, CaseState, CommandType } from './Case.js';
import { parseReportInput } from './reportInput.js';
import { osloParts } from '../time/oslo.js';
import { canView, mayGive, reportCase, transition, whyHidden, type CaseEvent, type Command, type Hidden, type Refusal } from './transitions.js';

/** Carries out what a transition caused: notifications, deadlines. Implemented by the Teams notifier. */
export interface CaseEventSink {
  handle(municipality: MunicipalityId, c: Case, events: readonly CaseEvent[]): Promise<void>;
}

export interface CaseServiceDeps {
  store: Store;
  audit: AuditLog;
  /** Carried out in order after every change: the reminder schedule first, then notifications. */
  events: readonly CaseEventSink[];
  now?: () => Date;
}

export type CaseList = 'reported' | 'coordinating' | 'mine' | 'leading' | 'all';

/** What the user is told for each refusal: a lost race or a closed case is a conflict, a bad form is input. */
const REFUSALS: Record<Exclude<Refusal, 'notAllowed'>, { error: typeof ConflictError | typeof InputError; key: MessageKey }> = {
  wrongState: { error: ConflictError, key: 'case.refused.wrongState' },
  closed: { error: ConflictError, key: 'case.refused.closed' },
  staleProposal: { error: ConflictError, key: 'case.refused.staleProposal' },
  checklistIncomplete: { error: InputError, key: 'close.checklistRequired' },
  invalid: { error: InputError, key: 'case.refused.invalid' },
  consentUnsigned: { error: InputError, key: 'start.consentRequired' },
  startDate: { error: InputError, key: 'start.invalid.startedAt' },
  firstMeetingDate: { error: InputError, key: 'start.invalid.firstMeeting' },
  evaluationDate: { error: InputError, key: 'start.invalid.evaluationOn' },
  changeDate: { error: InputError, key: 'change.invalid.effectiveOn' },
  closeDate: { error: InputError, key: 'close.invalid.closedOn' },
  futureDate: { error: InputError, key: 'case.refused.futureDate' },
  reasonMissing: { error: InputError, key: 'case.declineReasonRequired' },
  leaveKindMissing: { error: InputError, key: 'change.leaveKindRequired' },
  transferToSelf: { error: InputError, key: 'transfer.self' },
};

/** What someone who once had a part in a case reads when they no longer see it. */
const HIDDEN: Record<Hidden, MessageKey> = {
  formerCoordinator: 'case.hidden.formerCoordinator',
  formerUnit: 'case.hidden.formerUnit',
};

/**
 * Cases: report, read (audited), act (a pure transition stored with a conditional write), list.
 * A stale write is a `ConflictError`, so two leaders clicking at once decide once.
 */
export class CaseService {
  private readonly now: () => Date;

  constructor(private readonly deps: CaseServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Idempotent: the same submission (double click, resent activity) gives the same case. */
  async report(actor: Actor, input: unknown): Promise<Case> {
    const form = parseReportInput(input, osloParts(this.now()).date);
    const id = `case-${form.submissionId}`;
    const existing = await this.deps.store.get<Case>('cases', actor.municipality, id);
    if (existing) {
      if (existing.data.report.reporter.userId !== actor.userId) throw new NotAllowedError('submission belongs to someone else');
      return existing.data;
    }
    const outcome = reportCase(
      {
        id,
        reference: await this.nextReference(actor.municipality),
        report: {
          resident: { name: form.residentName, birthDate: form.residentBirthDate },
          ageGroup: form.ageGroup,
          servicesInvolved: form.servicesInvolved,
          need: form.need,
          consent: { givenBy: form.consentGivenBy, form: form.consentForm, date: form.consentDate },
          wishedCoordinator: form.wishedCoordinator,
          reporter: { userId: actor.userId, unit: form.reporterUnit },
        },
      },
      actor,
      this.now(),
    );
    if (!outcome.ok) throw refusalError(outcome.reason);
    try {
      await this.deps.store.create<Case>('cases', actor.municipality, id, outcome.case);
    } catch (error) {
      if (error instanceof ConflictError) return (await this.deps.store.get<Case>('cases', actor.municipality, id))!.data;
      throw error;
    }
    await this.afterChange(actor, outcome.case, outcome.events);
    return outcome.case;
  }

  /** The id of the case with this reference in the actor's municipality; undefined when there is none. */
  async idOf(actor: Actor, reference: string): Promise<string | undefined> {
    const [doc] = await this.deps.store.list<Case>('cases', actor.municipality, { where: [{ field: 'reference', op: '=', value: reference }], limit: 1 });
    return doc?.id;
  }

  /**
   * Reads a case the actor may see; the read is audited. Someone who once had a part in it (a former
   * coordinator, the leader of a unit that held it) hears why they no longer see it; anyone else hears
   * nothing that tells whether it exists.
   */
  async get(actor: Actor, id: string): Promise<Versioned<Case>> {
    const doc = await this.deps.store.get<Case>('cases', actor.municipality, id);
    if (!doc) throw new NotFoundError(`case ${id}`);
    if (!canView(doc.data, actor)) {
      const reason = whyHidden(doc.data, actor);
      throw new NotFoundError(`case ${id} hidden from ${actor.userId}`, reason ? { userMessage: { key: HIDDEN[reason] } } : undefined);
    }
    await this.deps.audit.record(actor.municipality, { actor: actor.userId, action: 'case.read', target: `case/${doc.data.reference}` });
    return doc;
  }

  /**
   * Refuses early, before a route validates a form against other data (leaders, units): someone
   * who may not give the command hears that, not what else was wrong. Nothing is disclosed, so
   * nothing is audited.
   */
  async authorize(actor: Actor, id: string, type: CommandType): Promise<void> {
    const doc = await this.deps.store.get<Case>('cases', actor.municipality, id);
    if (!doc || !canView(doc.data, actor)) throw new NotFoundError(`case ${id}`);
    if (!mayGive(doc.data, actor, type)) throw new NotAllowedError(`${type} not allowed`);
  }

  /** Applies a command. `etag` (from the card the user saw) makes a stale card a conflict. */
  async act(actor: Actor, id: string, command: Command, etag?: string): Promise<Versioned<Case>> {
    const doc = await this.get(actor, id);
    if (etag !== undefined && etag !== doc.etag) throw new ConflictError(`case ${id} changed since the card was shown`);
    const outcome = transition(doc.data, command, actor, this.now());
    if (!outcome.ok) throw refusalError(outcome.reason);
    const stored = await this.deps.store.put<Case>('cases', actor.municipality, id, outcome.case, doc.etag);
    await this.afterChange(actor, outcome.case, outcome.events);
    return stored;
  }

  /** Open cases, newest activity first, paged by `before` (an updatedAt). Non-KE users only get the lists that concern them. */
  async list(actor: Actor, list: CaseList, options: { state?: CaseState; limit?: number; before?: string } = {}): Promise<Case[]> {
    if (list === 'all' && !actor.isKe) throw new NotAllowedError('only KE lists all cases');
    if (list === 'mine') {
      const [coordinating, reported] = await Promise.all([this.list(actor, 'coordinating', options), this.list(actor, 'reported', options)]);
      const byId = new Map([...coordinating, ...reported].map((c) => [c.id, c]));
      return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, options.limit ?? 20);
    }
    const where = [
      ...(options.state ? [{ field: 'state', op: '=' as const, value: options.state }] : []),
      // A closed case leaves everyone's working lists; KE still finds it under «alle saker».
      ...(!options.state && list !== 'all' ? [{ field: 'state', op: '!=' as const, value: 'closed' }] : []),
      ...(options.before ? [{ field: 'updatedAt', op: '<' as const, value: options.before }] : []),
      ...(list === 'reported' ? [{ field: 'report.reporter.userId', op: '=' as const, value: actor.userId }] : []),
      ...(list === 'coordinating' ? [{ field: 'coordinator.userId', op: '=' as const, value: actor.userId }] : []),
    ];
    const docs = await this.deps.store.list<Case>('cases', actor.municipality, {
      where,
      orderBy: { field: 'updatedAt', direction: 'desc' },
      limit: list === 'leading' ? undefined : (options.limit ?? 20),
    });
    const cases = docs.map((d) => d.data);
    if (list === 'leading')
      return cases
        .filter((c) => [c.coordinator?.unit, c.proposal?.coordinator.unit].some((u) => u !== undefined && actor.leads.includes(u)))
        .slice(0, options.limit ?? 20);
    return cases.filter((c) => canView(c, actor));
  }

  /** Whether the municipality has any case, open or closed (a municipality is not removed while it has). */
  async holdsAny(municipality: MunicipalityId): Promise<boolean> {
    return (await this.deps.store.list('cases', municipality, { limit: 1 })).length > 0;
  }

  private async afterChange(actor: Actor, c: Case, events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'audit')
        await this.deps.audit.record(actor.municipality, {
          actor: actor.userId,
          action: event.action,
          target: `case/${c.reference}`,
          details: { state: c.state },
        });
    }
    const effects = events.filter((e) => e.type !== 'audit');
    for (const sink of this.deps.events) await sink.handle(actor.municipality, c, effects);
  }

  /** The references of those of these case ids that exist already (an import's re-run finds the cases it made). Nothing about the resident is read out. */
  async existingReferences(municipality: MunicipalityId, ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let start = 0; start < ids.length; start += 32) {
      const docs = await Promise.all(ids.slice(start, start + 32).map((id) => this.deps.store.get<Case>('cases', municipality, id)));
      for (const doc of docs) if (doc) found.set(doc.id, doc.data.reference);
    }
    return found;
  }

  /**
   * `count` case references in a row for an import, and the write that claims them. The write is
   * conditional on the counter as read: a case reported meanwhile makes the import's batch a conflict.
   */
  async reserveReferences(municipality: MunicipalityId, count: number): Promise<{ references: string[]; op?: WriteOp }> {
    if (count === 0) return { references: [] };
    const { year, id } = this.referenceCounter();
    const current = await this.deps.store.get<{ n: number }>('revisions', municipality, id);
    const first = (current?.data.n ?? 0) + 1;
    const references = Array.from({ length: count }, (_, index) => formatReference(municipality, year, first + index));
    return { references, op: { container: 'revisions', partition: municipality, id, data: { n: first + count - 1 }, ifMatch: current?.etag ?? null } };
  }

  /** New cases as writes for an import's batch, with an audit entry each; the events they cause are the caller's (reminders). */
  importOps(municipality: MunicipalityId, cases: readonly Case[], importedBy: string): WriteOp[] {
    return cases.flatMap((c) => [
      { container: 'cases' as const, partition: municipality, id: c.id, data: c, ifMatch: null },
      this.deps.audit.entryOp(municipality, { actor: importedBy, action: 'case.import', target: `case/${c.reference}`, details: { state: c.state } }),
    ]);
  }

  /** This year's reference counter: a document per municipality and year in `revisions`. */
  private referenceCounter(): { year: number; id: string } {
    const year = this.now().getUTCFullYear();
    return { year, id: `caseCounter-${year}` };
  }

  /** RANA-2026-0001: a per-municipality, per-year counter claimed with a conditional write. */
  private async nextReference(municipality: MunicipalityId): Promise<string> {
    const { year, id } = this.referenceCounter();
    for (;;) {
      const current = await this.deps.store.get<{ n: number }>('revisions', municipality, id);
      const n = (current?.data.n ?? 0) + 1;
      try {
        if (current) await this.deps.store.put('revisions', municipality, id, { n }, current.etag);
        else await this.deps.store.create('revisions', municipality, id, { n });
        return formatReference(municipality, year, n);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }
}

function formatReference(municipality: MunicipalityId, year: number, n: number): string {
  return `${municipality.toUpperCase()}-${year}-${String(n).padStart(4, '0')}`;
}

function refusalError(reason: Refusal): Error {
  if (reason === 'notAllowed') return new NotAllowedError('not allowed by the case rules');
  const refusal = REFUSALS[reason];
  if (refusal.error === InputError) return new InputError(`refused: ${reason}`, { key: refusal.key });
  return new ConflictError(`refused: ${reason}`, { userMessage: { key: refusal.key } });
}
