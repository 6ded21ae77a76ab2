import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/AuditLog.js';
import { ConflictError, InputError } from '../errors.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Roles } from '../roles/Roles.js';
import type { Store, Versioned, WriteOp } from '../store/Store.js';
import { replaceIfUnchanged, updateDocument } from '../store/updateDocument.js';
import { osloDate } from '../time/oslo.js';
import { maskQuestion, type KnownWords } from './mask.js';
import { groupMisses, KEPT_DAYS, type Miss, type MissGroup, type MissKind } from './rules.js';

const DAY_MS = 86_400_000;
/** The most questions one municipality's list reads (a month of misses in the largest municipality fits). */
const READ_LIMIT = 5_000;
const DIGEST_ID = 'digest';

/** What the service needs of the directory: how the search reads a question, and which words are not names. */
export interface QuestionReader {
  questionKey(municipality: MunicipalityId, question: string): Promise<string[]>;
  knownWords(municipality: MunicipalityId): Promise<KnownWords>;
}

export interface UnansweredQuestionsDeps {
  store: Store;
  roles: Roles;
  audit: AuditLog;
  reader: QuestionReader;
  now?: () => Date;
}

/** When the last digest went out, so the next says only what is new. */
export interface DigestState {
  sentOn: string;
  sentAt: string;
}

export interface NewMiss {
  /** The answer's id when a card's «Nei» reports it: a second click records nothing more. */
  id?: string;
  question: string;
  kind: MissKind;
  offered: readonly string[];
  reformulation?: string;
}

/**
 * The questions the directory could not answer, for the municipality's KE admins to fix (the owner of
 * the `unanswered` container). Stored masked, without who asked or where, for {@link KEPT_DAYS} days.
 */
export class UnansweredQuestions {
  private readonly now: () => Date;

  constructor(private readonly deps: UnansweredQuestionsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Records a miss, masked; a miss with an id already recorded is left as it is. */
  async record(municipality: MunicipalityId, miss: NewMiss): Promise<void> {
    const known = await this.deps.reader.knownWords(municipality);
    const question = maskQuestion(miss.question, known).slice(0, 300);
    const key = (await this.deps.reader.questionKey(municipality, question)).join(' ') || question.toLowerCase();
    const doc: Miss = {
      question,
      kind: miss.kind,
      group: key.slice(0, 200),
      offered: [...miss.offered].slice(0, 5),
      ...(miss.reformulation ? { reformulation: maskQuestion(miss.reformulation, known).slice(0, 300) } : {}),
      at: this.now().toISOString(),
      status: 'open',
    };
    try {
      await this.deps.store.create<Miss>('unanswered', municipality, miss.id ?? randomUUID(), doc);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  /**
   * Adds to a miss, masked, what the asker said next: what they looked for («Hva lette du etter?») or
   * the question they asked instead. A miss already gone keeps nothing.
   */
  async annotate(municipality: MunicipalityId, id: string, field: 'lookingFor' | 'reformulation', text: string): Promise<void> {
    const masked = maskQuestion(text, await this.deps.reader.knownWords(municipality)).slice(0, 300);
    if (!masked) return;
    await updateDocument<Miss>(this.deps.store, 'unanswered', municipality, id, (current) => (current ? { ...current, [field]: masked } : undefined));
  }

  /** The open misses of the last {@link KEPT_DAYS} days, grouped. KE admins only. */
  async groups(municipality: MunicipalityId, userId: string | undefined): Promise<MissGroup[]> {
    await this.deps.roles.require(municipality, userId, 'keAdmin');
    return groupMisses(await this.open(municipality));
  }

  /** A group, or an input error when it is solved, ignored or gone since the card was drawn. */
  async group(municipality: MunicipalityId, userId: string | undefined, group: string): Promise<MissGroup> {
    const found = (await this.groups(municipality, userId)).find((g) => g.group === group);
    if (!found) throw new InputError(`no open group ${group}`, { key: 'unanswered.gone' });
    return found;
  }

  /** Marks a group's open questions solved (words added, a service made) or ignored. KE admins only; audited. */
  async close(municipality: MunicipalityId, userId: string | undefined, group: string, how: 'solved' | 'ignored'): Promise<number> {
    const actor = await this.deps.roles.require(municipality, userId, 'keAdmin');
    const members = (await this.openDocs(municipality)).filter((doc) => doc.data.group === group);
    if (members.length === 0) throw new InputError(`no open group ${group}`, { key: 'unanswered.gone' });
    const closedAt = this.now().toISOString();
    const ops: WriteOp[] = members.map((doc) => ({
      container: 'unanswered',
      partition: municipality,
      id: doc.id,
      data: { ...doc.data, status: how, closedAt } satisfies Miss,
      ifMatch: doc.etag,
    }));
    await this.deps.store.writeAll(ops);
    await this.deps.audit.record(municipality, { actor, action: `unanswered.${how}`, target: 'directory/unanswered', details: { questions: members.length } });
    return members.length;
  }

  /** Last week's figures for the digest: questions missed, and groups KE solved. */
  async lastWeek(municipality: MunicipalityId): Promise<{ missed: number; solvedGroups: number }> {
    const since = new Date(this.now().getTime() - 7 * DAY_MS).toISOString();
    const recent = await this.deps.store.list<Miss>('unanswered', municipality, { where: [{ field: 'at', op: '>=', value: since }], limit: READ_LIMIT });
    const solved = await this.deps.store.list<Miss>('unanswered', municipality, {
      where: [
        { field: 'status', op: '=', value: 'solved' },
        { field: 'closedAt', op: '>=', value: since },
      ],
      limit: READ_LIMIT,
    });
    return { missed: recent.length, solvedGroups: new Set(solved.map((doc) => doc.data.group)).size };
  }

  /** When the digest last went out (undefined: never), as read now; `claimDigest` takes it back. */
  async lastDigest(municipality: MunicipalityId): Promise<Versioned<DigestState> | undefined> {
    return this.deps.store.get<DigestState>('unanswered', municipality, DIGEST_ID);
  }

  /** How many open questions were missed after an instant (all of the last {@link KEPT_DAYS} days when none is given). */
  async missedSince(municipality: MunicipalityId, since: string | undefined): Promise<number> {
    return (await this.open(municipality)).filter((miss) => since === undefined || miss.at > since).length;
  }

  /**
   * Claims this week's digest for this instance (a conditional write over the state `lastDigest`
   * read), so one instance sends it. False when another instance claimed it first.
   */
  async claimDigest(municipality: MunicipalityId, last: Versioned<DigestState> | undefined): Promise<boolean> {
    const now = this.now();
    return replaceIfUnchanged<DigestState>(this.deps.store, 'unanswered', municipality, DIGEST_ID, last, { sentOn: osloDate(now), sentAt: now.toISOString() });
  }

  /** Deletes questions older than {@link KEPT_DAYS} days (Cosmos DB also expires them by TTL). Returns how many. */
  async purgeExpired(municipality: MunicipalityId): Promise<number> {
    const expired = await this.deps.store.list<Miss>('unanswered', municipality, {
      where: [{ field: 'at', op: '<', value: this.cutoff() }],
      limit: READ_LIMIT,
    });
    for (const doc of expired) await this.deps.store.delete('unanswered', municipality, doc.id);
    return expired.length;
  }

  private async open(municipality: MunicipalityId): Promise<Miss[]> {
    return (await this.openDocs(municipality)).map((doc) => doc.data);
  }

  private async openDocs(municipality: MunicipalityId) {
    return this.deps.store.list<Miss>('unanswered', municipality, {
      where: [
        { field: 'status', op: '=', value: 'open' },
        { field: 'at', op: '>=', value: this.cutoff() },
      ],
      orderBy: { field: 'at', direction: 'desc' },
      limit: READ_LIMIT,
    });
  }

  private cutoff(): string {
    return new Date(this.now().getTime() - KEPT_DAYS * DAY_MS).toISOString();
  }
}
