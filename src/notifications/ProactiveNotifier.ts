import type { Case, PendingNotice } from '../cases/Case.js';
import type { CaseService, NoticeResult } from '../cases/CaseService.js';
import { approvalCard, caseNotificationCard, welcomeCoordinatorCard } from '../cases/cards.js';
import type { Translate } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Roles } from '../roles/Roles.js';
import type { ProactiveSender } from './ProactiveSender.js';

/** Cases read per query in a sweep. */
const SWEEP_BATCH = 100;
/** A due notice older than this is a backlog worth a line in the log. */
const BACKLOG_WARN_MS = 5 * 60_000;

export interface NotifierDeps {
  sender: ProactiveSender;
  roles: Roles;
  cases: CaseService;
  /** The municipalities whose outboxes a sweep looks into. */
  municipalities: () => Promise<readonly MunicipalityId[]>;
  logger: Logger;
  /** How long a deliverer holds the notices it took (another instance takes them over after). */
  leaseMs?: number;
  /** Tries before a notice is given up (and logged); the pause doubles from `firstRetryMs`. */
  maxAttempts?: number;
  firstRetryMs?: number;
  /** How long one sweep may go on delivering (the next sweep continues). */
  sweepMs?: number;
  now?: () => Date;
}

/**
 * Delivers the notices waiting in cases' outboxes as proactive messages in each recipient's personal
 * chat, in their language: right after the change that wrote them, and from a sweep on every
 * instance for whatever a crash, a failed send or a restart left behind. A notification names the
 * case reference and what happened, never who the resident is or what they need.
 */
export class ProactiveNotifier {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly firstRetryMs: number;
  private readonly sweepMs: number;

  constructor(private readonly deps: NotifierDeps) {
    this.sweepMs = deps.sweepMs ?? 60_000;
    this.leaseMs = deps.leaseMs ?? 120_000;
    this.maxAttempts = deps.maxAttempts ?? 8;
    this.firstRetryMs = deps.firstRetryMs ?? 60_000;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Sends what one case has waiting. Safe to call from any instance at any time: a claim makes one of them send. */
  async deliver(municipality: MunicipalityId, caseId: string): Promise<number> {
    const claim = await this.deps.cases.claimNotices(municipality, caseId, this.leaseMs);
    if (!claim) return 0;
    const results: NoticeResult[] = [];
    for (const notice of claim.notices) results.push(await this.send(municipality, claim.case, notice));
    await this.deps.cases.settleNotices(municipality, caseId, results);
    return results.filter((result) => result.outcome === 'delivered').length;
  }

  /**
   * Every notice due now, in every municipality, the longest-waiting first, batch after batch until
   * nothing more is due or this sweep's time is spent (the tenant's send budget paces the sends).
   * What a deliverer holds or has backed off is not due and takes no place. Returns how many went out.
   */
  async sweep(options: { maxMs?: number } = {}): Promise<number> {
    const stopAt = Date.now() + (options.maxMs ?? this.sweepMs);
    let delivered = 0;
    for (const municipality of await this.deps.municipalities()) {
      await this.reportBacklog(municipality);
      for (;;) {
        const due = await this.deps.cases.withDueNotices(municipality, SWEEP_BATCH);
        let progressed = false;
        for (const caseId of due) {
          const sent = await this.deliver(municipality, caseId);
          delivered += sent;
          progressed ||= sent > 0;
          if (Date.now() > stopAt) return delivered;
        }
        // A batch of cases whose claims all went to another instance (or that failed again) makes no progress: the next sweep goes on.
        if (due.length < SWEEP_BATCH || !progressed) break;
      }
    }
    return delivered;
  }

  /** Says once per sweep, in the log, when the oldest due notice of a municipality has waited more than five minutes. */
  private async reportBacklog(municipality: MunicipalityId): Promise<void> {
    // One indexed read each sweep; the counts (a read of every waiting case) only when there is a backlog to report.
    const oldest = await this.deps.cases.oldestDueNotice(municipality);
    const waitedMs = oldest ? this.now().getTime() - Date.parse(oldest) : 0;
    if (waitedMs <= BACKLOG_WARN_MS) return;
    const backlog = await this.deps.cases.noticeBacklog(municipality);
    this.deps.logger.warn(
      { municipality, due: backlog.due, waiting: backlog.waiting, oldestDueSeconds: Math.round(waitedMs / 1000) },
      'notices are waiting in outboxes',
    );
  }

  /** One notice to everyone it is for (or those a former try did not reach); one unreachable person does not hold back the others. */
  private async send(municipality: MunicipalityId, c: Case, notice: PendingNotice): Promise<NoticeResult> {
    // A leader gets the approval card itself; a new coordinator the welcome; everyone else a notice with a way into the case.
    const card = (t: Translate) =>
      notice.kind === 'approvalRequested' && c.proposal
        ? approvalCard(t, c, c.proposal.id)
        : notice.kind === 'welcomeCoordinator'
          ? welcomeCoordinatorCard(t, c)
          : caseNotificationCard(t, { kind: notice.kind, caseId: c.id, reference: c.reference });
    const recipients = notice.remaining ?? (await this.deps.roles.recipients(municipality, notice.to));
    const failed: string[] = [];
    for (const userId of recipients) if ((await this.deps.sender.send(municipality, userId, card)) === 'failed') failed.push(userId);
    if (failed.length === 0) return { id: notice.id, outcome: 'delivered' };
    if (notice.attempts + 1 >= this.maxAttempts) {
      this.deps.logger.error({ municipality, case: c.reference, notice: notice.kind, recipients: failed.length }, 'notice given up after its last try');
      return { id: notice.id, outcome: 'dropped' };
    }
    const notBefore = new Date(this.now().getTime() + this.firstRetryMs * 2 ** notice.attempts).toISOString();
    return { id: notice.id, outcome: 'retry', remaining: failed, notBefore };
  }
}
