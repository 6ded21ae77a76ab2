import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/AuditLog.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Store, Versioned, WriteOp } from '../store/Store.js';
import type { Actor } from '../roles/Actor.js';
import { anonymised, outboxFields, type Case, type CaseBrief, type CaseState, type CommandType, type PendingNotice } from './Case.js';
import { updateDocument } from '../store/updateDocument.js';
import { parseReportInput } from './reportInput.js';
import { osloDate, osloParts } from '../time/oslo.js';
import { canView, mayGive, reportCase, transition, whyHidden, type CaseEvent, type Command, type Hidden, type Refusal } from './transitions.js';

/** Carries out what a transition caused: notifications, deadlines. Implemented by the Teams notifier. */
export interface CaseEventSink {
  handle(municipality: MunicipalityId, c: Case, events: readonly CaseEvent[]): Promise<void>;
}

export interface CaseServiceDeps {
  store: Store;
  audit: AuditLog;
  /** Carried out in order after every change (the reminder schedule). Notifications go through the case's outbox instead. */
  events: readonly CaseEventSink[];
  /** Told when a case has notices waiting, right after the change that wrote them (the deliverer sends them at once). */
  onNotices?: (municipality: MunicipalityId, caseId: string) => void;
  now?: () => Date;
}

/** How a try to deliver a notice went: sent (or nobody left to reach), to be tried again for some people, or given up. */
export type NoticeResult =
  { id: string; outcome: 'delivered' } | { id: string; outcome: 'retry'; remaining: string[]; notBefore: string } | { id: string; outcome: 'dropped' };

/** The notify events of a change as notices in the case's outbox, next to what is still waiting. */
function withNotices(c: Case, events: readonly CaseEvent[], at: string): Case {
  const notices: PendingNotice[] = events.flatMap((event, index) =>
    event.type === 'notify' ? [{ id: `${c.history.length}-${index}`, kind: event.kind, to: event.to, at, attempts: 0 }] : [],
  );
  if (notices.length === 0) return c;
  return { ...c, ...outboxFields([...(c.outbox ?? []), ...notices]) };
}

export type CaseList = 'reported' | 'coordinating' | 'mine' | 'leading' | 'all';

/** The fields that put a case in a leader's list: its coordinator's unit, or its proposed coordinator's. */
const LEADING_FIELDS = ['coordinator.unit', 'proposal.coordinator.unit'] as const;
/** The `revisions` document whose stamp changes when cases are added or removed in bulk. */
const REWRITTEN = 'casesRewritten';

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
  notExpected: { error: ConflictError, key: 'birth.notExpected' },
  birthDate: { error: InputError, key: 'birth.invalid.birthDate' },
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
  /** The clock the rules use; forms show «today» by the same clock. */
  readonly now: () => Date;

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
      // A resend after a crash: what the first try left undone is done now, once – its reminders, its notices.
      for (const sink of this.deps.events) await sink.handle(actor.municipality, existing.data, []);
      if (existing.data.noticesPending) this.deps.onNotices?.(actor.municipality, id);
      return existing.data;
    }
    const outcome = reportCase(
      {
        id,
        reference: await this.nextReference(actor.municipality),
        report: {
          resident: { name: form.residentName, birthDate: form.residentBirthDate },
          ageGroup: form.ageGroup === 'adult' ? 'adult' : 'child',
          ...(form.ageGroup === 'expected' ? { expectedChild: true } : {}),
          kind: form.childCoordinator ? 'childCoordinator' : 'coordinator',
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
    const created = withNotices(outcome.case, outcome.events, outcome.case.createdAt);
    try {
      await this.deps.store.create<Case>('cases', actor.municipality, id, created);
    } catch (error) {
      if (error instanceof ConflictError) return (await this.deps.store.get<Case>('cases', actor.municipality, id))!.data;
      throw error;
    }
    await this.afterChange(actor, created, outcome.events);
    return created;
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
   * What the case's coordination work needs to know of it (reference, state, coordinator, the
   * resident's name for the partners): read without an access check, for the coordination service,
   * which checks and audits access to its own documents itself.
   */
  async brief(municipality: MunicipalityId, id: string): Promise<CaseBrief | undefined> {
    const doc = await this.deps.store.get<Case>('cases', municipality, id);
    return doc ? briefOf(doc.data) : undefined;
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

  /**
   * Applies a command. `step` (how many steps the case's history had on the card the user saw)
   * makes a stale card a conflict; the write is conditional on the version read, so of two at once
   * one loses. The notifications the change causes are written with it (the outbox).
   */
  async act(actor: Actor, id: string, command: Command, step?: number): Promise<Versioned<Case>> {
    let doc = await this.get(actor, id);
    const expected = step ?? doc.data.history.length;
    for (;;) {
      if (expected !== doc.data.history.length) throw new ConflictError(`case ${id} changed since the card was shown`);
      const outcome = transition(doc.data, command, actor, this.now());
      if (!outcome.ok) throw refusalError(outcome.reason);
      try {
        const stored = await this.deps.store.put<Case>(
          'cases',
          actor.municipality,
          id,
          withNotices(outcome.case, outcome.events, outcome.case.updatedAt),
          doc.etag,
        );
        await this.afterChange(actor, stored.data, outcome.events);
        return stored;
      } catch (error) {
        // Only the outbox moved (a notice went out meanwhile) if the case has no new step: then try again.
        if (!(error instanceof ConflictError)) throw error;
        const current = await this.deps.store.get<Case>('cases', actor.municipality, id);
        if (!current) throw new NotFoundError(`case ${id}`);
        doc = current;
      }
    }
  }

  /**
   * The cases with a notice due now, the longest-waiting first (the indexed `noticesDueAt`): notices
   * leased by another deliverer or backed off after failed sends are not due, so they never take the
   * place of one that is.
   */
  async withDueNotices(municipality: MunicipalityId, limit = 100): Promise<string[]> {
    const docs = await this.deps.store.list<Case>('cases', municipality, {
      where: [{ field: 'noticesDueAt', op: '<=', value: this.now().toISOString() }],
      orderBy: { field: 'noticesDueAt', direction: 'asc' },
      limit,
    });
    if (docs.length >= limit) return docs.map((doc) => doc.id);
    // Cases written before outboxes kept their due time: read the old way, until their next claim sets it.
    const legacy = await this.deps.store.list<Case>('cases', municipality, { where: [{ field: 'noticesPending', op: '=', value: true }], limit: 100 });
    const older = legacy.filter((doc) => doc.data.noticesDueAt === undefined).slice(0, limit - docs.length);
    return [...docs, ...older].map((doc) => doc.id);
  }

  /** How many cases have notices waiting, due now or later, and when the oldest due one was due (what municipal IT sees of a backlog). */
  async noticeBacklog(municipality: MunicipalityId): Promise<{ waiting: number; due: number; oldestDueAt?: string }> {
    const waiting = await this.deps.store.list<Case>('cases', municipality, { where: [{ field: 'noticesPending', op: '=', value: true }] });
    const now = this.now().toISOString();
    const notices = waiting.flatMap((doc) => doc.data.outbox ?? []);
    const due = notices.map((notice) => notice.notBefore ?? notice.at).filter((at) => at <= now);
    const oldestDueAt = due.reduce<string | undefined>((oldest, at) => (oldest === undefined || at < oldest ? at : oldest), undefined);
    return { waiting: notices.length, due: due.length, ...(oldestDueAt ? { oldestDueAt } : {}) };
  }

  /** When the longest-waiting due notice of a municipality became due (one indexed read); undefined when none is due. */
  async oldestDueNotice(municipality: MunicipalityId): Promise<string | undefined> {
    const [doc] = await this.deps.store.list<Case>('cases', municipality, {
      where: [{ field: 'noticesDueAt', op: '<=', value: this.now().toISOString() }],
      orderBy: { field: 'noticesDueAt', direction: 'asc' },
      limit: 1,
    });
    return doc?.data.noticesDueAt;
  }

  /**
   * Takes the notices of a case that are due now, holding them for `leaseMs` so no other deliverer
   * sends them meanwhile. Returns the case (to render the cards from) and the notices taken.
   * Neither this nor `settleNotices` adds a step to the case: the cards people hold stay current.
   */
  async claimNotices(municipality: MunicipalityId, caseId: string, leaseMs: number): Promise<{ case: Case; notices: PendingNotice[] } | undefined> {
    const now = this.now();
    let claimed: PendingNotice[] = [];
    const doc = await updateDocument<Case>(this.deps.store, 'cases', municipality, caseId, (current) => {
      const due = (current?.outbox ?? []).filter((notice) => !notice.notBefore || notice.notBefore <= now.toISOString());
      claimed = due;
      if (!current || due.length === 0) return undefined;
      const until = new Date(now.getTime() + leaseMs).toISOString();
      return { ...current, ...outboxFields(current.outbox!.map((notice) => (due.includes(notice) ? { ...notice, notBefore: until } : notice))) };
    });
    return doc && claimed.length > 0 ? { case: doc.data, notices: claimed } : undefined;
  }

  /** Records how the delivery of claimed notices went: delivered and dropped ones leave the outbox, the others wait for their next try. */
  async settleNotices(municipality: MunicipalityId, caseId: string, results: readonly NoticeResult[]): Promise<void> {
    const byId = new Map(results.map((result) => [result.id, result]));
    await updateDocument<Case>(this.deps.store, 'cases', municipality, caseId, (current) => {
      if (!current?.outbox) return undefined;
      const outbox = current.outbox.flatMap((notice): PendingNotice[] => {
        const result = byId.get(notice.id);
        if (!result) return [notice];
        if (result.outcome !== 'retry') return [];
        return [{ ...notice, attempts: notice.attempts + 1, remaining: result.remaining, notBefore: result.notBefore }];
      });
      return { ...current, ...outboxFields(outbox) };
    });
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
    const limit = options.limit ?? 20;
    const orderBy = { field: 'updatedAt', direction: 'desc' } as const;
    if (list === 'leading') {
      // A leader's cases are those whose coordinator, or proposed coordinator, is in a unit they lead: an indexed query per unit.
      const pages = await Promise.all(
        actor.leads.flatMap((unit) =>
          LEADING_FIELDS.map((field) =>
            this.deps.store.list<Case>('cases', actor.municipality, { where: [...where, { field, op: '=', value: unit }], orderBy, limit }),
          ),
        ),
      );
      const byId = new Map(pages.flat().map((doc) => [doc.id, doc.data]));
      return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
    }
    const docs = await this.deps.store.list<Case>('cases', actor.municipality, { where, orderBy, limit });
    return docs.map((d) => d.data).filter((c) => canView(c, actor));
  }

  /**
   * Cases changed at or after `since` (an instant; every case when undefined), by the indexed
   * `updatedAt`: what a projection such as KE's overview reads to catch up. Imports and erasures
   * change cases without a new `updatedAt`; `rewrittenStamp` tells when to read everything again.
   */
  async changedSince(municipality: MunicipalityId, since?: string): Promise<Case[]> {
    const docs = await this.deps.store.list<Case>('cases', municipality, since ? { where: [{ field: 'updatedAt', op: '>=', value: since }] } : {});
    return docs.map((doc) => doc.data);
  }

  /** Changes when cases are added or removed in bulk (an import, an erasure): a projection then reads every case again. */
  async rewrittenStamp(municipality: MunicipalityId): Promise<string> {
    return (await this.deps.store.get<{ stamp: string }>('revisions', municipality, REWRITTEN))?.data.stamp ?? '';
  }

  private rewrittenOp(municipality: MunicipalityId): WriteOp {
    return { container: 'revisions', partition: municipality, id: REWRITTEN, data: { stamp: randomUUID() } };
  }

  /** Every case that is not closed (the reminder schedule re-syncs them when the settings change). */
  async open(municipality: MunicipalityId): Promise<Case[]> {
    return (await this.deps.store.list<Case>('cases', municipality, { where: [{ field: 'state', op: '!=', value: 'closed' }] })).map((doc) => doc.data);
  }

  /** A resident's cases, for access and erasure requests: found by birth date (indexed), then by name, ignoring case and spacing. Auditing is the caller's. */
  async ofResident(municipality: MunicipalityId, resident: { name: string; birthDate: string }): Promise<Case[]> {
    const normalised = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
    const sameBirthDate = await this.deps.store.list<Case>('cases', municipality, {
      where: [{ field: 'report.resident.birthDate', op: '=', value: resident.birthDate }],
    });
    return sameBirthDate.map((doc) => doc.data).filter((c) => normalised(c.report.resident.name) === normalised(resident.name));
  }

  /** Cases by id (an access request's file), those that still exist. */
  async byIds(municipality: MunicipalityId, ids: readonly string[]): Promise<Case[]> {
    const docs = await Promise.all(ids.map((id) => this.deps.store.get<Case>('cases', municipality, id)));
    return docs.flatMap((doc) => (doc ? [doc.data] : []));
  }

  /** Deletes a case for good (an erasure request). */
  async erase(municipality: MunicipalityId, id: string): Promise<void> {
    await this.deps.store.writeAll([{ container: 'cases', partition: municipality, id }, this.rewrittenOp(municipality)]);
  }

  /**
   * The retention rule: every case closed before `cutoff` is anonymised (`anonymised`), once, and
   * audited; returns the ids of those anonymised now. Safe to run in every instance: each case is written conditionally on the version read.
   */
  async anonymiseClosedBefore(municipality: MunicipalityId, cutoff: string): Promise<string[]> {
    const expired = await this.deps.store.list<Case>('cases', municipality, {
      where: [
        { field: 'state', op: '=', value: 'closed' },
        { field: 'closure.at', op: '<=', value: cutoff },
      ],
    });
    const done: string[] = [];
    for (const doc of expired) {
      if (doc.data.anonymisedAt) continue;
      try {
        await this.deps.store.put<Case>('cases', municipality, doc.id, anonymised(doc.data, this.now().toISOString()), doc.etag);
        await this.deps.audit.record(municipality, { actor: 'system', action: 'privacy.anonymise', target: `case/${doc.data.reference}` });
        done.push(doc.id);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error; // reopened meanwhile, or another instance did it
      }
    }
    return done;
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
    const effects = events.filter((e) => e.type !== 'audit' && e.type !== 'notify');
    for (const sink of this.deps.events) await sink.handle(actor.municipality, c, effects);
    if (c.noticesPending) this.deps.onNotices?.(actor.municipality, c.id);
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
    if (cases.length === 0) return [];
    return [
      this.rewrittenOp(municipality),
      ...cases.flatMap((c) => [
        { container: 'cases' as const, partition: municipality, id: c.id, data: c, ifMatch: null },
        this.deps.audit.entryOp(municipality, { actor: importedBy, action: 'case.import', target: `case/${c.reference}`, details: { state: c.state } }),
      ]),
    ];
  }

  /** This year's reference counter: a document per municipality and year in `revisions`. */
  private referenceCounter(): { year: number; id: string } {
    const year = Number(osloDate(this.now()).slice(0, 4));
    return { year, id: `caseCounter-${year}` };
  }

  /** RANA-2026-0001: a per-municipality, per-year counter claimed with a conditional write. */
  private async nextReference(municipality: MunicipalityId): Promise<string> {
    const { year, id } = this.referenceCounter();
    const counter = await updateDocument<{ n: number }>(this.deps.store, 'revisions', municipality, id, (current) => ({ n: (current?.n ?? 0) + 1 }));
    return formatReference(municipality, year, counter!.data.n);
  }
}

function briefOf(c: Case): CaseBrief {
  return {
    id: c.id,
    reference: c.reference,
    municipality: c.municipality,
    state: c.state,
    residentName: c.report.resident.name,
    ...(c.coordinator
      ? { coordinator: { userId: c.coordinator.userId, unit: c.coordinator.unit, ...(c.coordinator.name ? { name: c.coordinator.name } : {}) } }
      : {}),
  };
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
