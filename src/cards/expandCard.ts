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
  return { contentType: ADAPTIVE_CARD, content: template(name).expand({ $root: data }) as AdaptiveCardContent };
}

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
