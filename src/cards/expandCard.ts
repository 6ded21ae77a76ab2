import { Template } from 'adaptivecards-templating';
import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';
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
  | 'importReport';

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
export function expandCard(name: CardName, data: object): Attachment {
  return CardFactory.adaptiveCard(template(name).expand({ $root: data }));
}
