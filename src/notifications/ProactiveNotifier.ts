import type { Case, PendingNotice } from '../cases/Case.js';
import type { CaseService, NoticeResult } from '../cases/CaseService.js';
import { approvalCard, caseNotificationCard, welcomeCoordinatorCard } from '../cases/cards.js';
import type { Translate } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Roles } from '../roles/Roles.js';
import type { ProactiveSender } from './ProactiveSender.js';

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

  constructor(private readonly deps: NotifierDeps) {
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

  /** Every outbox with something due, in every municipality; returns how many notices went out. */
  async sweep(): Promise<number> {
    let delivered = 0;
    for (const municipality of await this.deps.municipalities()) {
      for (const caseId of await this.deps.cases.withPendingNotices(municipality)) delivered += await this.deliver(municipality, caseId);
    }
    return delivered;
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
