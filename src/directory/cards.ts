import type { DirectoryEntry } from './DirectoryEntry.js';
import { formatPhone, telUrl } from '../text/phone.js';
import type { Translate } from '../i18n/translate.js';
import { editableCopy, expandCard, type CardAttachment } from '../cards/expandCard.js';
import type { GivenAnswer } from './answerLog.js';
import type { Verb } from '../conversation/verbs.js';

export function directorySearchCard(t: Translate): CardAttachment {
  return expandCard('directorySearch', {
    title: t('directory.search.title'),
    hint: t('directory.search.hint'),
    label: t('directory.search.label'),
    placeholder: t('directory.search.placeholder'),
    required: t('directory.search.required'),
    submit: t('directory.search.submit'),
  });
}

export interface ResultsView {
  heading: string;
  entries: readonly DirectoryEntry[];
  canEdit: boolean;
  footer?: string;
  /** Shared into another chat (the message extension): no buttons that talk to the bot, only calls and links. */
  shared?: boolean;
  /** «Fant du det du lette etter?» and what follows the answer to it. */
  feedback?: FeedbackView;
  /**
   * A shared card shows the person who inserted it (and only them) the question whether it helped:
   * Teams asks the bot for their view of the card (Universal Actions' `refresh` with `userIds`).
   */
  viewFor?: { teamsUserId: string; answer: Pick<GivenAnswer, 'question' | 'offered'> };
}

/** Where the feedback on an answer stands: asked; «Ja» said; «Nei» said (numbers, categories, what was sought); sought text noted. */
export type FeedbackStage = 'ask' | 'thanks' | 'sorry' | 'noted';

export interface FeedbackView {
  stage: FeedbackStage;
  answer: Pick<GivenAnswer, 'question' | 'offered'>;
  /** After «Nei»: the municipality's own numbers and its categories to browse. */
  fallback?: readonly { name: string; phone: string }[];
  categories?: readonly string[];
}

/** The verb of a card's feedback buttons and of a shared card's view for the person who inserted it. */
export const FEEDBACK_VERB = 'directoryFeedback' satisfies Verb;

/** Services as the user needs them: what, for whom, how to apply, and a phone button that dials. */
export function directoryResultsCard(t: Translate, view: ResultsView): CardAttachment {
  const card = expandCard('directoryResults', {
    heading: view.heading,
    hits: view.entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      unit: entry.unit === entry.name ? entry.category : `${entry.unit} · ${entry.category}`,
      offers: entry.offers,
      facts: facts(t, entry),
      links: links(t, entry),
      canEdit: view.canEdit,
      editLabel: t('directory.results.edit'),
    })),
    footer: view.footer ?? '',
    searchAgain: view.shared ? '' : t('directory.results.searchAgain'),
    feedback: view.feedback ? { ...feedbackData(t, view.feedback), shared: view.shared ? 'yes' : '' } : { stage: '' },
  });
  if (!view.viewFor) return card;
  const refresh = {
    action: { type: 'Action.Execute', verb: FEEDBACK_VERB, data: { answer: 'view', shared: 'yes', ...answerData(view.viewFor.answer) } },
    userIds: [view.viewFor.teamsUserId],
  };
  return { ...card, content: { ...card.content, refresh } };
}

/**
 * An answer as card data: the question and the services offered (ids, comma-separated). No id of its
 * own, so the same answer is the same card (and expands once): what people say about it is kept by
 * the card's message.
 */
function answerData(answer: Pick<GivenAnswer, 'question' | 'offered'>): { query: string; offered: string } {
  return { query: answer.question, offered: answer.offered.join(',') };
}

function feedbackData(t: Translate, feedback: FeedbackView): Record<string, unknown> {
  const said: Record<FeedbackStage, string> = {
    ask: '',
    thanks: t('directory.feedback.thanks'),
    sorry: t('directory.feedback.sorry'),
    noted: t('directory.feedback.noted'),
  };
  return {
    stage: feedback.stage,
    ...answerData(feedback.answer),
    question: t('directory.feedback.question'),
    yes: t('directory.feedback.yes'),
    no: t('directory.feedback.no'),
    said: said[feedback.stage],
    fallbackLinks: (feedback.fallback ?? []).map((contact) => ({ title: `${contact.name}: ${formatPhone(contact.phone)}`, url: telUrl(contact.phone) })),
    categories: feedback.categories ?? [],
    categoryLabel: t('directory.noHits.categoryLabel'),
    categoryPlaceholder: t('directory.feedback.categoryPlaceholder'),
    browse: t('directory.noHits.browse'),
    lookingForLabel: t('directory.feedback.lookingFor'),
    lookingForPlaceholder: t('directory.feedback.lookingForPlaceholder'),
    send: t('directory.feedback.send'),
  };
}

/** A service in the message extension's result list: its name, and what it offers in a line. */
export function directoryPreviewCard(entry: DirectoryEntry): {
  contentType: 'application/vnd.microsoft.card.thumbnail';
  content: { title: string; subtitle: string; text: string };
} {
  return {
    contentType: 'application/vnd.microsoft.card.thumbnail',
    content: {
      title: entry.name,
      subtitle: entry.unit === entry.name ? entry.category : `${entry.unit} · ${entry.category}`,
      text: entry.offers.slice(0, 120),
    },
  };
}

/** The dataset of a card's searchable service choice (`Data.Query`), answered by the directory's routes. */
export const SERVICES_DATASET = 'directoryServices';

/**
 * A form's service choice (the input `inputId`) searched as the user types: Teams asks the bot
 * (`Data.Query` on {@link SERVICES_DATASET}); other clients filter the card's own list.
 */
export function withSearchableServices(card: CardAttachment, inputId: string): CardAttachment {
  const searchable = editableCopy(card);
  const choice = (searchable.content.body ?? []).find(
    (element): element is Record<string, unknown> => typeof element === 'object' && element !== null && (element as { id?: unknown }).id === inputId,
  );
  if (choice) choice['choices.data'] = { type: 'Data.Query', dataset: SERVICES_DATASET, count: 15 };
  return searchable;
}

/** A form lists at most this many services itself; a larger directory is searched as the user types. */
export const STATIC_SERVICE_CHOICES = 100;

/** A service as a choice in a form: its name, and its unit when the name does not say it. */
export function serviceChoice(entry: DirectoryEntry): { title: string; value: string } {
  return { title: entry.name === entry.unit ? entry.name : `${entry.name} (${entry.unit})`, value: entry.id };
}

export function directoryNoHitsCard(
  t: Translate,
  view: { query: string; categories: string[]; nearest: readonly string[]; fallback: readonly { name: string; phone: string }[] },
): CardAttachment {
  return expandCard('directoryNoHits', {
    heading: t('directory.noHits.heading', { query: view.query }),
    advice: t('directory.noHits.advice'),
    nearestText: t('directory.noHits.nearest'),
    nearest: view.nearest,
    fallbackText: t('directory.noHits.fallback'),
    fallbackLinks: view.fallback.map((contact) => ({ title: `${contact.name}: ${formatPhone(contact.phone)}`, url: telUrl(contact.phone) })),
    categoryLabel: t('directory.noHits.categoryLabel'),
    categoryRequired: t('directory.noHits.categoryRequired'),
    categories: view.categories,
    browse: t('directory.noHits.browse'),
    searchAgain: t('directory.results.searchAgain'),
  });
}

/**
 * The KE admin's form; without an entry it creates a new one. A new one made for a group of unanswered
 * questions starts with their words as its keywords, and saving it solves the group.
 */
export function directoryEditCard(t: Translate, entry?: DirectoryEntry, forQuestions?: { keywords: readonly string[]; solves: string }): CardAttachment {
  const keys = [
    'name',
    'unit',
    'category',
    'phones',
    'offers',
    'targetGroup',
    'ageMin',
    'ageMax',
    'howToApply',
    'contactRole',
    'web',
    'email',
    'keywords',
    'required',
    'save',
    'retire',
  ] as const;
  return expandCard('directoryEdit', {
    solves: forQuestions?.solves ?? '',
    title: t(entry ? 'directory.edit.title' : 'directory.edit.newTitle'),
    hint: t('directory.edit.hint'),
    labels: Object.fromEntries(keys.map((key) => [key, t(`directory.edit.${key}`)])),
    entry: {
      id: entry?.id ?? '',
      name: entry?.name ?? '',
      unit: entry?.unit ?? '',
      category: entry?.category ?? '',
      phones: (entry?.phones ?? []).map((phone) => [phone.number, phone.label].filter(Boolean).join(' ')).join('; '),
      offers: entry?.offers ?? '',
      targetGroup: entry?.targetGroup ?? '',
      ageMin: entry?.ageMin ?? '',
      ageMax: entry?.ageMax ?? '',
      howToApply: entry?.howToApply ?? '',
      contactRole: entry?.contactRole ?? '',
      web: entry?.web ?? '',
      email: entry?.email ?? '',
      keywords: (entry?.keywords ?? forQuestions?.keywords ?? []).join(', '),
    },
  });
}

function facts(t: Translate, entry: DirectoryEntry): { title: string; value: string }[] {
  const ages =
    entry.ageMax !== undefined
      ? t('directory.results.ageRange', { from: entry.ageMin ?? 0, to: entry.ageMax })
      : entry.ageMin !== undefined
        ? t('directory.results.ageFrom', { from: entry.ageMin })
        : undefined;
  return [
    { title: t('directory.results.targetGroup'), value: entry.targetGroup },
    { title: t('directory.results.ages'), value: ages },
    { title: t('directory.results.howToApply'), value: entry.howToApply },
    { title: t('directory.results.contactRole'), value: entry.contactRole },
  ].filter((fact): fact is { title: string; value: string } => Boolean(fact.value));
}

function links(t: Translate, entry: DirectoryEntry): { title: string; url: string }[] {
  return [
    ...entry.phones.map((phone) => ({
      title: phone.label
        ? t('directory.results.callLabelled', { label: phone.label, phone: formatPhone(phone.number) })
        : t('directory.results.call', { phone: formatPhone(phone.number) }),
      url: telUrl(phone.number),
    })),
    ...(entry.web ? [{ title: t('directory.results.web'), url: entry.web }] : []),
    ...(entry.email ? [{ title: t('directory.results.email'), url: `mailto:${entry.email}` }] : []),
  ];
}

export function directoryExportCard(t: Translate, links: { csv: string; json: string; hsds: string }): CardAttachment {
  return expandCard('directoryExport', {
    title: t('directory.export.title'),
    body: t('directory.export.body'),
    links: [
      { title: t('directory.export.csv'), url: links.csv },
      { title: t('directory.export.json'), url: links.json },
      { title: t('directory.export.hsds'), url: links.hsds },
    ],
  });
}
