import type { AdaptiveCardContent, CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import type { ActorScope } from '../roles/actorScope.js';
import type { ConversationReferences } from '../conversation/ConversationReferences.js';
import { livingCard } from '../conversation/errorReply.js';
import type { Verb } from '../conversation/verbs.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../errors.js';
import type { Translate } from '../i18n/translate.js';
import type { Actor } from '../roles/Actor.js';
import { pickablePeople } from '../roles/people.js';
import type { Roles } from '../roles/Roles.js';
import type { Versioned } from '../store/Store.js';
import { osloDate, osloDateTime } from '../time/oslo.js';
import { versioned } from './actions.js';
import {
  birthFormCard,
  caseDetailsCard,
  caseGoneCard,
  caseHistoryCard,
  changeFormCard,
  closeFormCard,
  evaluationFormCard,
  historyLine,
  startPlanCard,
  transferFormCard,
  type CaseNotice,
} from './cards.js';
import type { Case, HistoryEntry } from './Case.js';
import type { CaseService } from './CaseService.js';
import { availableCommands } from './transitions.js';

/** What the case card and the close form say of the case's work; the coordination feature gives it (the case feature does not import it). */
export interface CaseWorkWords {
  /** The case card's lines: the next meeting, open and overdue tasks. */
  facts(t: Translate, municipality: string, caseId: string): Promise<{ title: string; value: string }[]>;
  /** The close form's note: who the bot tells, and which outside partners to call. */
  closeNote(t: Translate, municipality: string, caseId: string): Promise<string | undefined>;
}

export interface CaseViewDeps {
  cases: CaseService;
  roles: Roles;
  directory: DirectoryService;
  references: ConversationReferences;
  work: CaseWorkWords;
}

export type CaseFormVerb = Extract<
  Verb,
  'caseHistory' | 'caseStartForm' | 'caseChangeForm' | 'caseBirthForm' | 'caseEvaluationForm' | 'caseCloseForm' | 'caseTransferForm'
>;

/** The case as a living card: what its viewer may see and do now, the forms that open in its place, and what a failed click shows. */
export class CaseViews {
  constructor(private readonly deps: CaseViewDeps) {}

  /** Forms and views that open in place of the case card, for the case as it is now; «Tilbake» returns to the case. */
  readonly forms: Record<CaseFormVerb, (scope: ActorScope, doc: Versioned<Case>) => Promise<CardAttachment> | CardAttachment> = {
    caseHistory: ({ t }, doc) => caseHistoryCard(t, doc.data),
    caseStartForm: ({ t }, doc) => startPlanCard(t, doc.data),
    caseChangeForm: ({ t }, doc) => changeFormCard(t, doc.data),
    caseBirthForm: ({ t }, doc) => birthFormCard(t, doc.data),
    caseEvaluationForm: ({ t }, doc) => evaluationFormCard(t, doc.data, osloDate(this.deps.cases.now())),
    caseCloseForm: async ({ t, municipality }, doc) => closeFormCard(t, doc.data, await this.deps.work.closeNote(t, municipality, doc.data.id)),
    caseTransferForm: async ({ t, actor, municipality }, doc) =>
      transferFormCard(
        t,
        doc.data,
        (await pickablePeople(this.deps.roles, this.deps.references, municipality)).filter((p) => p.userId !== actor.userId),
      ),
  };

  /** The case card as this person may see it now, with the actions open to them and what just happened. */
  async card(scope: ActorScope, doc: Versioned<Case>, notice?: CaseNotice): Promise<CardAttachment> {
    const { t, actor, municipality, home } = scope;
    const { directory, roles, references, work } = this.deps;
    const c = doc.data;
    const commands = availableCommands(c, actor);
    const proposing = commands.includes('proposeCoordinator');
    const manages = c.coordinator !== undefined && c.state !== 'closed' && (actor.isKe || c.coordinator.userId === actor.userId);
    const [entries, people, units, facts] = await Promise.all([
      directory.list(municipality, { includeRetired: true }),
      proposing ? pickablePeople(roles, references, municipality) : [],
      proposing ? roles.units(municipality) : [],
      manages ? work.facts(t, municipality, c.id) : undefined,
    ]);
    const showPersonal = actor.isKe || c.coordinator?.userId === actor.userId || c.report.reporter.userId === actor.userId;
    return caseDetailsCard(t, {
      case: c,
      notice,
      commands,
      showPersonal,
      people,
      units,
      serviceNames: new Map(entries.map((entry) => [entry.id, entry.name])),
      contactPhone: home.phones.ke ?? home.phones.servicetorget,
      ...(facts ? { work: { facts, link: { verb: 'workOpen', title: t('work.link') } } } : {}),
    });
  }

  /** The case as this person may see it now, or undefined when they may not (or it is gone). */
  async visible(actor: Actor, caseId: string): Promise<Versioned<Case> | undefined> {
    try {
      return await this.deps.cases.get(actor, caseId);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * Runs a Universal Action on a case (see `livingCard`): a form that does not fit answers in words,
   * so the card keeps what the user typed; a stale card, a lost race or a refused command answers
   * with the case as it is now, saying what happened; a case the user may no longer see answers
   * with a card that says so and shows nothing of it.
   */
  living(scope: ActorScope, data: unknown, work: () => Promise<CardAttachment>): Promise<AdaptiveCardContent | string> {
    return livingCard(scope.t, work, async (error, words) => {
      if (error instanceof NotFoundError) return caseGoneCard(words);
      const ref = versioned.partial({ step: true }).safeParse(data);
      if (!ref.success || !(error instanceof ConflictError || error instanceof NotAllowedError)) return undefined;
      const doc = await this.visible(scope.actor, ref.data.caseId);
      if (!doc) return caseGoneCard(scope.t('error.notFound'));
      const changedSince = ref.data.step !== undefined && doc.data.history.length > ref.data.step;
      const notice = changedSince ? staleNotice(scope.t, doc.data.history.slice(ref.data.step), scope.actor) : { text: words, tone: 'attention' as const };
      return this.card(scope, doc, notice);
    });
  }
}

/** Why the card the user clicked no longer matched the case: their own earlier click, or someone else. */
function staleNotice(t: Translate, since: readonly HistoryEntry[], actor: Actor): CaseNotice {
  const last = since.at(-1);
  if (!last) return { text: t('case.stale.unknown'), tone: 'attention' };
  const what = historyLine(t, last);
  const when = osloDateTime(last.at);
  if (since.every((entry) => entry.by === actor.userId)) return { text: t('case.stale.own', { what, when }), tone: 'good' };
  const other = [...since].reverse().find((entry) => entry.by !== actor.userId)!;
  return {
    text: t('case.stale.other', { who: inert(other.byName ?? t('case.someoneElse')), what: historyLine(t, other), when: osloDateTime(other.at) }),
    tone: 'attention',
  };
}
