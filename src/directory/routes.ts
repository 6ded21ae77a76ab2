import type { Router } from '../conversation/router.js';
import type { TurnContext } from 'botbuilder';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inert } from '../cards/inert.js';
import {
  directoryEditCard,
  directoryExportCard,
  directoryNoHitsCard,
  directoryPreviewCard,
  directoryResultsCard,
  directorySearchCard,
  FEEDBACK_VERB,
  SERVICES_DATASET,
  serviceChoice,
  type FeedbackStage,
} from './cards.js';
import type { AnswerLog, GivenAnswer } from './answerLog.js';
import type { Logger } from '../logger.js';
import type { TurnScope } from '../conversation/turnScope.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { InputError } from '../errors.js';
import type { Roles } from '../roles/Roles.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import type { DirectoryEntry } from './DirectoryEntry.js';
import type { DirectoryService } from './DirectoryService.js';
import type { ExportLinks } from '../links/ExportLinks.js';
import { questionTopic, terms } from '../language/norwegianText.js';
import { osloDate } from '../time/oslo.js';

/** "hvem kontakter jeg for …", "kven kan hjelpe med …", "hvor søker man om …" */
export const DIRECTORY_QUESTION =
  /^\s*(?:(?:hvem|kven|hvor|kvar)\s+(?:kontakter|kontaktar|kontakte|ringer|ringjer|spør|kan|skal|søker|søkjer|får|henvender|vender)\b.*|(?:kontakt|telefon|nummer|tlf)\s+(?:for|til)\b.*)$/iu;
const NEW_ENTRY = /^\s*(ny|legg til)\s+(tjeneste|teneste|oppføring)\s*$/iu;
const EXPORT = /^\s*(eksporter|eksport|last ned)(\s+(tjenesteoversikt(en)?|tenesteoversikta?|katalogen))?\s*$/iu;
const CATEGORY_LIMIT = 10;

const searchData = z.object({ query: z.string().trim().min(2).max(200) });
const idData = z.object({ id: z.string().regex(/^[a-z0-9-]{3,80}$/) });
const categoryData = z.object({ category: z.string().trim().min(1).max(120) });
/** An answer as its feedback buttons carry it: the question, and the services offered (ids, comma-separated on the card). */
const answerData = z.object({
  query: z.string().max(300),
  offered: z
    .string()
    .regex(/^[a-z0-9,-]{0,500}$/)
    .transform((ids) => ids.split(',').filter(Boolean)),
  shared: z.string().max(5).optional(),
});
const feedbackData = answerData.extend({ answer: z.enum(['yes', 'no', 'view']) });
const lookingForData = answerData.extend({ lookingFor: z.string().trim().max(300).optional() });
const solvesData = z.object({ solves: z.string().max(200).optional() });

export interface DirectoryRouteDeps {
  directory: DirectoryService;
  roles: Roles;
  exportLinks: ExportLinks;
  /** Learns from the answers which questions the directory did not answer. */
  answers: AnswerLog;
  /** A new entry made for a group of unanswered questions was saved: the group is solved. */
  solved: (scope: TurnScope, group: string) => Promise<void>;
  logger: Logger;
}

/** Who-do-I-contact: free questions, the search card, category browsing, feedback on answers, and KE admins' edits. */
export function directoryRoutes(router: Router, { directory, roles, exportLinks, answers, solved, logger }: DirectoryRouteDeps) {
  /** The answer log is told; when it fails, the person still gets their answer. */
  const told = (what: string, work: Promise<void>) => work.catch((error: unknown) => logger.warn({ err: error }, `the directory's answer log lost ${what}`));

  /** The municipality's own numbers (its record), so a municipality with an empty directory still helps. */
  const fallbackOf = ({ t, home }: TurnScope) => [
    ...(home.phones.servicetorget ? [{ name: t('directory.noHits.servicetorget'), phone: home.phones.servicetorget }] : []),
    ...(home.phones.ke ? [{ name: t('directory.noHits.ke'), phone: home.phones.ke }] : []),
  ];

  async function answer(context: TurnContext, state: AppTurnState, question: string): Promise<void> {
    const scope = turnScope(context, state);
    const { t, municipality, userId } = scope;
    const query = questionTopic(question);
    if (terms(query).length === 0) {
      // «hvem kontakter jeg» with nothing after it: ask what it is about.
      await context.sendActivity({ attachments: [directorySearchCard(t)] });
      return;
    }
    const hits = await directory.search(municipality, query, 3);
    const given: GivenAnswer = { id: randomUUID(), question: query, offered: hits.map((hit) => hit.entry.id) };
    await told('an answer', answers.answered(municipality, userId, given));
    if (hits.length === 0) {
      const [categories, nearest] = await Promise.all([directory.categories(municipality), directory.nearestCategories(municipality, query)]);
      await context.sendActivity({ attachments: [directoryNoHitsCard(t, { query, categories, nearest, fallback: fallbackOf(scope) })] });
      return;
    }
    directory.recordAsked(municipality, hits[0]!.entry.id);
    await context.sendActivity({
      attachments: [
        await answerCard(
          scope,
          given,
          'ask',
          false,
          hits.map((hit) => hit.entry),
        ),
      ],
    });
  }

  /**
   * The card of an answer, at a stage of its feedback; in another chat (the message extension), the
   * shared card. The services are read again unless the answer has them at hand.
   */
  async function answerCard(
    scope: TurnScope,
    given: Pick<GivenAnswer, 'question' | 'offered'>,
    stage: FeedbackStage,
    shared = false,
    offered?: readonly DirectoryEntry[],
  ) {
    const { t, municipality, municipalityName, userId } = scope;
    const entries =
      offered ??
      (await Promise.all(given.offered.map((id) => directory.get(municipality, id)))).filter(
        (entry): entry is DirectoryEntry => entry !== undefined && !entry.retired,
      );
    const sorry = stage === 'sorry' && !shared;
    return directoryResultsCard(t, {
      heading: shared
        ? t('directory.shared.heading', { municipality: municipalityName })
        : t('directory.results.heading', { query: given.question, municipality: municipalityName }),
      entries,
      canEdit: !shared && (await roles.has(municipality, userId, 'keAdmin')),
      shared,
      feedback: {
        stage,
        answer: given,
        ...(stage === 'sorry' ? { fallback: fallbackOf(scope) } : {}),
        ...(sorry ? { categories: await directory.categories(municipality) } : {}),
      },
    });
  }

  // «Fant du det du lette etter?» under an answer, and the view of a shared card for the person who inserted it.
  router.execute(FEEDBACK_VERB, async (context, state, data) => {
    const scope = turnScope(context, state);
    const { municipality, userId } = scope;
    const said = cardData(feedbackData, data, 'error.unknownAction');
    const given: GivenAnswer = { id: feedbackId(context, said), question: said.query, offered: said.offered };
    const shared = said.shared === 'yes';
    if (said.answer === 'no') await answers.notHelped(municipality, userId, given);
    else answers.helped(municipality, userId);
    const stage = ({ view: 'ask', yes: 'thanks', no: 'sorry' } as const)[said.answer];
    return (await answerCard(scope, given, stage, shared)).content;
  });

  router.execute('directoryLookingFor', async (context, state, data) => {
    const scope = turnScope(context, state);
    const said = cardData(lookingForData, data, 'error.unknownAction');
    if (!said.lookingFor) throw new InputError('nothing written', { key: 'directory.feedback.lookingForEmpty' });
    await answers.lookingFor(scope.municipality, feedbackId(context, said), said.lookingFor);
    return (await answerCard(scope, { question: said.query, offered: said.offered }, 'noted', said.shared === 'yes')).content;
  });

  /** The services matching what someone types; before anything is typed, what people here ask for most. */
  async function matching(municipality: MunicipalityId, text: string, hits: number, browse: number): Promise<DirectoryEntry[]> {
    const query = questionTopic(text);
    if (terms(query).length === 0) return directory.mostAsked(municipality, browse);
    return (await directory.search(municipality, query, hits)).map((hit) => hit.entry);
  }

  router.message(DIRECTORY_QUESTION, async (context, state) => answer(context, state, context.activity.text ?? ''));

  router.message(EXPORT, async (context, state) => {
    const { t, municipality, userId } = turnScope(context, state);
    const actor = await roles.require(municipality, userId, 'keAdmin');
    const link = (format: 'csv' | 'json' | 'hsds') => exportLinks.create({ municipality, format, actor });
    await context.sendActivity({ attachments: [directoryExportCard(t, { csv: link('csv'), json: link('json'), hsds: link('hsds') })] });
  });

  router.message(NEW_ENTRY, async (context, state) => {
    const { t, municipality, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    await context.sendActivity({ attachments: [directoryEditCard(t)] });
  });

  router.submit('directorySearch', async (context, state, data) => {
    const { query } = cardData(searchData, data, 'directory.query.invalid');
    await answer(context, state, query);
  });

  router.submit('directoryCategory', async (context, state, data) => {
    const { t, municipality, municipalityName, userId } = turnScope(context, state);
    const { category } = cardData(categoryData, data, 'directory.noHits.categoryRequired');
    const entries = (await directory.list(municipality)).filter((entry) => entry.category === category);
    if (entries.length === 0) throw new InputError('directory.noHits.categoryRequired', { key: 'directory.noHits.categoryRequired' });
    await context.sendActivity({
      attachments: [
        directoryResultsCard(t, {
          heading: t('directory.results.category', { category, municipality: municipalityName }),
          entries: entries.slice(0, CATEGORY_LIMIT),
          canEdit: await roles.has(municipality, userId, 'keAdmin'),
          footer: entries.length > CATEGORY_LIMIT ? t('directory.results.more', { shown: CATEGORY_LIMIT, total: entries.length }) : undefined,
        }),
      ],
    });
  });

  router.submit('directoryEdit', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    const entry = await directory.get(municipality, cardData(idData, data, 'error.unknownAction').id);
    if (!entry) throw new InputError('error.unknownAction', { key: 'error.unknownAction' });
    await context.sendActivity({ attachments: [directoryEditCard(t, entry)] });
  });

  router.submit('directorySave', async (context, state, data: Record<string, unknown>) => {
    const { t, municipality, userId } = turnScope(context, state);
    const existingId = typeof data.id === 'string' && data.id ? cardData(idData, data, 'error.unknownAction').id : undefined;
    const id = existingId ?? (await freeId(directory, municipality, String(data.name ?? '')));
    const { solves } = cardData(solvesData, data, 'error.unknownAction');
    const saved = await directory.save(municipality, { userId }, fromForm(id, data));
    if (solves) await solved(turnScope(context, state), solves);
    await context.sendActivity(t('directory.edit.saved', { name: inert(saved.name) }));
  });

  router.submit('directoryRetire', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    const retired = await directory.retire(municipality, { userId }, cardData(idData, data, 'error.unknownAction').id);
    await context.sendActivity(t('directory.edit.retired', { name: inert(retired.name) }));
  });

  // «Finn tjeneste» in any chat's compose box (a search-based message extension): the municipality's
  // services that match, each inserted into the conversation as its card, with calls and links only.
  // The person who inserts one sees «Fant du det du lette etter?» under it; the others see the card.
  router.search('finnTjeneste', async (context, state, { text, count }) => {
    const { t, municipality, municipalityName } = turnScope(context, state);
    const entries = await matching(municipality, text, Math.min(count, 10), count);
    const question = questionTopic(text);
    const teamsUserId = context.activity.from?.id;
    return entries.map((entry) => ({
      card: directoryResultsCard(t, {
        heading: t('directory.shared.heading', { municipality: municipalityName }),
        entries: [entry],
        canEdit: false,
        shared: true,
        ...(teamsUserId && terms(question).length > 0 ? { viewFor: { teamsUserId, answer: { question, offered: [entry.id] } } } : {}),
      }),
      preview: directoryPreviewCard(entry),
    }));
  });

  // The meldeskjema's «Tjenester involvert»: Teams asks as the reporter types (Data.Query); clients without
  // dynamic search filter the card's own full list.
  router.choices(SERVICES_DATASET, async (context, state, { text, count }) => {
    const { municipality } = turnScope(context, state);
    return (await matching(municipality, text, count, count)).map(serviceChoice);
  });

  return {
    /** The search card, for the menu's "Hvem kontakter jeg?" button. */
    showSearch: async (context: TurnContext, state: AppTurnState) => {
      await context.sendActivity({ attachments: [directorySearchCard(turnScope(context, state).t)] });
    },
    /** Free text nobody else claimed is most likely a question about whom to contact. */
    answer,
  };
}

/**
 * What a person says about one answer card is kept under one id: the card's message (`replyToId`)
 * and the answer, hashed (no message id is stored), so a second «Nei» on it records nothing more and «Hva lette du
 * etter?» joins the «Nei». Without a message (Outlook, a dialog) each click is its own.
 */
function feedbackId(context: TurnContext, answer: { query: string; offered: readonly string[] }): string {
  const message = context.activity.replyToId ?? context.activity.id ?? randomUUID();
  return createHash('sha256')
    .update(`${message}\n${answer.query}\n${answer.offered.join(',')}`)
    .digest('hex')
    .slice(0, 40);
}

/** The edit card's flat form → a directory entry (validated by the service). */
function fromForm(id: string, form: Record<string, unknown>): unknown {
  const text = (key: string) => (typeof form[key] === 'string' && (form[key] as string).trim() !== '' ? (form[key] as string).trim() : undefined);
  const age = (key: string) => {
    const value = text(key);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 120) throw new InputError('directory.edit.badAge', { key: 'directory.edit.badAge' });
    return n;
  };
  const phones = (text('phones') ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([\d\s]+?)\s*(?:([^\d\s].*))?$/u.exec(part);
      const number = match?.[1]?.replace(/\s/g, '') ?? '';
      if (!/^\d{5,8}$/.test(number)) throw new InputError('directory.edit.badPhone', { key: 'directory.edit.badPhone', params: { phone: part } });
      return match?.[2] ? { number, label: match[2].trim() } : { number };
    });
  return {
    id,
    name: text('name'),
    unit: text('unit'),
    category: text('category'),
    phones,
    offers: text('offers'),
    targetGroup: text('targetGroup'),
    ageMin: age('ageMin'),
    ageMax: age('ageMax'),
    howToApply: text('howToApply'),
    contactRole: text('contactRole'),
    web: text('web'),
    email: text('email'),
    keywords: (text('keywords') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    lastReviewed: osloDate(new Date()),
  };
}

async function freeId(directory: DirectoryService, municipality: MunicipalityId, name: string): Promise<string> {
  const slug =
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'tjeneste';
  for (let n = 1; ; n++) {
    const id = `${municipality}-${slug}${n > 1 ? `-${n}` : ''}`;
    if (!(await directory.get(municipality, id))) return id;
  }
}
