import { z } from 'zod';
import type { CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import { cardData } from '../conversation/cardData.js';
import type { Router } from '../conversation/router.js';
import type { Verb } from '../conversation/verbs.js';
import { turnScope, type TurnScope } from '../conversation/turnScope.js';
import { livingCard } from '../conversation/errorReply.js';
import { directoryEditCard, STATIC_SERVICE_CHOICES } from '../directory/cards.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { InputError } from '../errors.js';
import { unansweredCard, unansweredKeywordsCard, type UnansweredView } from './cards.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { proposedKeywords, type MissGroup } from './rules.js';
import type { UnansweredQuestions } from './UnansweredQuestions.js';

const LIST = /^\s*(ubesvarte|ubesvara|unanswered)(\s+(spørsmål|questions))?\s*$|^\s*spørsmål\s+utan\s+svar\s*$/iu;

const groupRef = z.object({ group: z.string().min(1).max(200) });
const keywordsForm = groupRef.extend({
  entryId: z.string().regex(/^[a-z0-9-]{3,80}$/),
  keywords: z
    .string()
    .transform((text) => [...new Set(text.split(',').map((word) => word.trim()))].filter(Boolean))
    .pipe(z.array(z.string().min(2).max(80)).min(1).max(10)),
});

export interface UnansweredRouteDeps {
  questions: UnansweredQuestions;
  directory: DirectoryService;
}

/** What the list card shows a KE admin now: the groups, last week's figures, the offered services' names. */
export async function unansweredData(
  { questions, directory }: UnansweredRouteDeps,
  municipality: MunicipalityId,
  userId: string | undefined,
): Promise<UnansweredView> {
  const [groups, lastWeek, entries] = await Promise.all([
    questions.groups(municipality, userId),
    questions.lastWeek(municipality),
    directory.list(municipality),
  ]);
  return { groups, lastWeek, names: new Map(entries.map((entry) => [entry.id, entry.name])) };
}

/** The list card as a KE admin sees it now, with what their last action did. */
async function unansweredView(deps: UnansweredRouteDeps, scope: TurnScope, notice?: string) {
  return unansweredCard(scope.t, { ...(await unansweredData(deps, scope.municipality, scope.userId)), ...(notice ? { notice } : {}) });
}

/** «Ubesvarte spørsmål» for KE admins: the missed questions grouped, and the ways to fix them in place. */
export function unansweredRoutes(router: Router, deps: UnansweredRouteDeps): void {
  const { questions, directory } = deps;

  /** Runs an action on the card and answers with the card it leads to; a form that does not fit, or a group gone, shows the list with the reason. */
  const execute = (verb: Verb, handler: (scope: TurnScope, data: unknown) => Promise<CardAttachment>) =>
    router.execute(verb, async (context, state, data) => {
      const scope = turnScope(context, state);
      return livingCard(
        scope.t,
        () => handler(scope, data),
        (error, words) => (error instanceof InputError ? unansweredView(deps, scope, words) : undefined),
      );
    });

  router.message(LIST, async (context, state) => {
    await context.sendActivity({ attachments: [await unansweredView(deps, turnScope(context, state))] });
  });

  execute('unansweredList', async (scope) => unansweredView(deps, scope));

  execute('unansweredKeywords', async (scope, data) => {
    const group = await questions.group(scope.municipality, scope.userId, cardData(groupRef, data, 'error.unknownAction').group);
    const { services, searchable } = await directory.formChoices(scope.municipality, STATIC_SERVICE_CHOICES);
    const offeredFirst = [...group.offered.map((id) => services.find((entry) => entry.id === id)).filter((e) => e !== undefined), ...services];
    return unansweredKeywordsCard(scope.t, {
      group,
      services: [...new Map(offeredFirst.map((entry) => [entry.id, entry])).values()],
      searchable,
      proposed: await proposals(scope, group),
    });
  });

  execute('unansweredAddKeywords', async (scope, data) => {
    const { t, municipality, userId } = scope;
    const form = cardData(keywordsForm, data, 'unanswered.invalid.keywords');
    await questions.group(municipality, userId, form.group);
    const { entry, added } = await directory.addKeywords(municipality, { userId }, form.entryId, form.keywords);
    await questions.close(municipality, userId, form.group, 'solved');
    const notice = added.length
      ? t('unanswered.solved', { service: inert(entry.name), words: added.map(inert).join(', ') })
      : t('unanswered.solvedNothingNew', { service: inert(entry.name) });
    return unansweredView(deps, scope, notice);
  });

  execute('unansweredNewEntry', async (scope, data) => {
    const group = await questions.group(scope.municipality, scope.userId, cardData(groupRef, data, 'error.unknownAction').group);
    return directoryEditCard(scope.t, undefined, { keywords: await proposals(scope, group), solves: group.group });
  });

  execute('unansweredIgnore', async (scope, data) => {
    const group = await questions.group(scope.municipality, scope.userId, cardData(groupRef, data, 'error.unknownAction').group);
    await questions.close(scope.municipality, scope.userId, group.group, 'ignored');
    return unansweredView(deps, scope, scope.t('unanswered.ignored', { question: inert(group.questions[0] ?? '') }));
  });

  async function proposals(scope: TurnScope, group: MissGroup): Promise<string[]> {
    return proposedKeywords(group.questions, await directory.knownTerms(scope.municipality));
  }
}
