import { Template } from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type CardName =
  | 'menu'
  | 'language'
  | 'directorySearch'
  | 'directoryResults'
  | 'directoryNoHits'
  | 'directoryEdit'
  | 'directoryExport'
  | 'reportForm'
  | 'reportReceipt'
  | 'caseNotification'
  | 'caseDetails'
  | 'caseGone'
  | 'approval'
  | 'roles'
  | 'rolesPick'
  | 'welcomeCoordinator'
  | 'startPlan'
  | 'caseList'
  | 'changeForm'
  | 'transferForm'
  | 'closeForm'
  | 'caseHistory'
  | 'guidanceMenu'
  | 'guidanceAnswer'
  | 'reminderDigest'
  | 'privacyRequest'
  | 'reminderSettings'
  | 'municipalityChoice'
  | 'importHelp'
  | 'importReport'
  | 'overview'
  | 'trainingOverview'
  | 'courseForm'
  | 'courseAdmin'
  | 'myCoordinators'
  | 'courseCancelled'
  | 'competence'
  | 'caseWork'
  | 'meetingForm'
  | 'meeting'
  | 'referatForm'
  | 'task'
  | 'myWork'
  | 'workNotice'
  | 'birthForm'
  | 'evaluationForm'
  | 'unanswered'
  | 'unansweredKeywords';

const templates = new Map<CardName, Template>();

function template(name: CardName): Template {
  let cached = templates.get(name);
  if (!cached) {
    const file = fileURLToPath(new URL(`../../cards/${name}.json`, import.meta.url));
    cached = new Template(JSON.parse(readFileSync(file, 'utf8')));
    templates.set(name, cached);
  }
  return cached;
}

/**
 * Expands a template from `cards/` with typed data. Card data is bound as values by the templating
 * engine, so user text never becomes card structure. Each card has its own typed render function
 * beside this one; call those, not this.
 */
export function expandCard(name: CardName, data: object): CardAttachment {
  const key = `${name}\n${JSON.stringify(data)}`;
  let expanded = expansions.get(key);
  if (expanded) {
    // Most recently used last: the oldest goes first when the memory is full.
    expansions.delete(key);
    expansions.set(key, expanded);
  } else {
    expanded = deepFreeze(template(name).expand({ $root: data }) as AdaptiveCardContent);
    expansions.set(key, expanded);
    if (expansions.size > EXPANSIONS_KEPT) expansions.delete(expansions.keys().next().value!);
  }
  return { contentType: ADAPTIVE_CARD, content: expanded };
}

/** A card to change before sending (a refresh, a searchable choice): expanded cards are shared and frozen. */
export function editableCopy(card: CardAttachment): CardAttachment {
  return { contentType: card.contentType, content: JSON.parse(JSON.stringify(card.content)) as AdaptiveCardContent };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Cards expanded lately, by template and data, frozen and shared: the same card again (the menu, a
 * guidance topic, the answer to a question asked before) costs no expansion.
 */
const expansions = new Map<string, AdaptiveCardContent>();
const EXPANSIONS_KEPT = 500;

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** An expanded Adaptive Card (schema 1.5): what a Universal Action answers with. */
export type AdaptiveCardContent = { type: 'AdaptiveCard'; version: string; body?: unknown[]; actions?: unknown[]; refresh?: unknown } & Record<string, unknown>;

/**
 * A card as a message attachment. Our own type, the shape every Teams SDK shares (botbuilder,
 * Teams SDK v2, the Agents SDK): card builders import no bot framework (see docs/MIGRATION.md).
 */
export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD;
  content: AdaptiveCardContent;
}
