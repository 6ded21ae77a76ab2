import { expandCard, type CardAttachment } from '../cards/expandCard.js';
import { serviceChoice, withSearchableServices } from '../directory/cards.js';
import type { DirectoryEntry } from '../directory/DirectoryEntry.js';
import type { Translate } from '../i18n/translate.js';
import type { MissGroup } from './rules.js';

/** Groups one card shows; the rest come up as these are solved. */
export const GROUPS_SHOWN = 8;

export interface UnansweredView {
  groups: readonly MissGroup[];
  /** The services the groups' questions were offered, by id, for their names. */
  names: ReadonlyMap<string, string>;
  lastWeek: { missed: number; solvedGroups: number };
  /** What the last action did. */
  notice?: string;
  /** The Monday digest rather than the list on request. */
  digest?: boolean;
}

/** «Ubesvarte spørsmål»: the KE admin's list of groups of missed questions, each with its three ways out. */
export function unansweredCard(t: Translate, view: UnansweredView): CardAttachment {
  const shown = view.groups.slice(0, GROUPS_SHOWN);
  const offered = (group: MissGroup) => {
    const names = group.offered.map((id) => view.names.get(id)).filter((name): name is string => Boolean(name));
    return names.length ? t('unanswered.offered', { services: names.join(', ') }) : t('unanswered.offeredNone');
  };
  return expandCard('unanswered', {
    title: t(view.digest ? 'unanswered.digestTitle' : 'unanswered.title'),
    intro: t('unanswered.intro'),
    notice: view.notice ?? '',
    lastWeek: t('unanswered.lastWeek', {
      missed: view.lastWeek.missed === 1 ? t('unanswered.missedOne') : t('unanswered.missed', { count: view.lastWeek.missed }),
      solved: view.lastWeek.solvedGroups === 1 ? t('unanswered.solvedGroupsOne') : t('unanswered.solvedGroups', { count: view.lastWeek.solvedGroups }),
    }),
    none: t('unanswered.none'),
    groups: shown.map((group) => ({
      group: group.group,
      first: group.questions[0] ?? '',
      others: group.questions.slice(1),
      count: group.count === 1 ? t('unanswered.countOne') : t('unanswered.count', { count: group.count }),
      offered: offered(group),
    })),
    more: view.groups.length > shown.length ? t('unanswered.more', { shown: shown.length, total: view.groups.length }) : '',
    labels: { addKeywords: t('unanswered.addKeywords'), newEntry: t('unanswered.newEntry'), ignore: t('unanswered.ignore') },
  });
}

/**
 * «Legg til som søkeord» for one group: the service (those the search offered first) and the proposed
 * words, which the KE admin edits before saving.
 */
export function unansweredKeywordsCard(
  t: Translate,
  view: { group: MissGroup; services: readonly DirectoryEntry[]; searchable: boolean; proposed: readonly string[] },
): CardAttachment {
  const keys = ['service', 'servicePlaceholder', 'serviceRequired', 'keywords', 'keywordsRequired', 'save', 'back'] as const;
  const card = expandCard('unansweredKeywords', {
    title: t('unanswered.fix.title'),
    questionsLabel: t('unanswered.fix.questions'),
    questions: view.group.questions,
    labels: Object.fromEntries(keys.map((key) => [key, t(`unanswered.fix.${key}`)])),
    services: view.services.map(serviceChoice),
    keywords: view.proposed.join(', '),
    hint: t('unanswered.fix.hint'),
    group: view.group.group,
  });
  return view.searchable ? withSearchableServices(card, 'entryId') : card;
}
