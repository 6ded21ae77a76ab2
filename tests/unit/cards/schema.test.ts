import type * as AdaptiveCards from 'adaptivecards';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CardAttachment } from '../../../src/cards/expandCard.js';
import { locales } from '../../../src/i18n/messages.js';
import { translator } from '../../../src/i18n/translate.js';
import type { OverviewResult } from '../../../src/overview/OverviewService.js';
import { createServices } from '../../../src/services.js';
import { SqliteStore } from '../../../src/store/SqliteStore.js';
import { samples } from './samples.js';

/** The official Adaptive Cards renderer (its browser bundle: the package's ES build is for bundlers). */
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;
/** What Teams renders: schema 1.5 at most. */
const TEAMS_VERSION = 1.5;
/** Teams shows at most six buttons in a card's action bar. */
const TEAMS_MAX_ACTIONS = 6;

/** Every complaint the renderer has about a card: parse events and validation failures. */
function rendererFindings(content: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const hostConfig = new AC.HostConfig({ actions: { maxActions: TEAMS_MAX_ACTIONS } });
  card.hostConfig = hostConfig;
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const findings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) findings.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) {
    const source = event.source as { id?: string; getJsonTypeName?: () => string } | undefined;
    findings.push(`${source?.id ?? source?.getJsonTypeName?.() ?? 'card'}: ${event.message}`);
  }
  return findings;
}

/** Inputs without a label, and required inputs without an error message (which the renderer only partly checks). */
function inputFindings(content: unknown): string[] {
  const findings: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) {
      if (typeof element.label !== 'string' || element.label.trim() === '') findings.push(`${String(element.id)}: no label`);
      if (element.isRequired === true && (typeof element.errorMessage !== 'string' || element.errorMessage.trim() === ''))
        findings.push(`${String(element.id)}: required without an error message`);
    }
    Object.values(element).forEach(walk);
  };
  walk(content);
  return findings;
}

describe('every card template, expanded with representative data, as the Adaptive Cards renderer reads it', () => {
  let overview: OverviewResult;

  beforeAll(async () => {
    // The overview's figures as its service computes them (one municipality, no cases yet).
    const services = createServices(new SqliteStore(':memory:'));
    await services.municipalities.add({ id: 'rana', name: 'Rana kommune', tenantIds: ['00000000-0000-0000-0000-000000000001'], phones: {}, defaultLanguage: 'nb' });
    overview = await services.overview.overview({ userId: 'ke', municipality: 'rana', isKe: true, leads: [] }, { kind: 'thisYear' });
  });

  it('has a sample for every template in cards/', () => {
    const templates = readdirSync(new URL('../../../cards/', import.meta.url))
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace(/\.json$/, ''))
      .sort();
    expect(Object.keys(samples).sort()).toEqual(templates);
  });

  describe.each(locales)('in %s', (locale) => {
    const t = translator(locale);
    it.each(Object.keys(samples) as (keyof typeof samples)[])('%s', (name) => {
      const cards: CardAttachment[] = samples[name](t, overview);
      expect(cards.length).toBeGreaterThan(0);
      for (const [i, { content }] of cards.entries()) {
        const where = `${name} #${i + 1}`;
        expect(Number(content.version), where).toBeLessThanOrEqual(TEAMS_VERSION);
        expect(rendererFindings(content), where).toEqual([]);
        expect(inputFindings(content), where).toEqual([]);
      }
    });
  });
});
