import { describe, expect, it } from 'vitest';
import { guidanceAnswerCard, guidanceMenuCard } from '../../../src/guidance/cards.js';
import { guidanceCatalogues, guidanceTopics } from '../../../src/i18n/guidance.js';
import { locales } from '../../../src/i18n/messages.js';
import { translator } from '../../../src/i18n/translate.js';

const all = locales.flatMap((locale) => guidanceTopics.map((topic) => [locale, topic, guidanceCatalogues[locale][topic]] as const));

describe('the guidance content', () => {
  it.each(all)('has a title and a short answer in %s for %s', (_locale, _topic, text) => {
    expect(text.title.length).toBeGreaterThan(3);
    expect(text.answer.length).toBeGreaterThan(100);
    expect(text.answer.length).toBeLessThan(1200);
  });

  it('cites the acts by section and the regulations by their current names', () => {
    const law = guidanceCatalogues.nb.law.answer;
    for (const citation of [
      '§ 2-5',
      '§ 2-5 b',
      '§ 2-5 c',
      '§ 7-2',
      '§ 7-1',
      '§ 7-2 a',
      '§ 7-3',
      '§ 38 a',
      'forskrift om individuell plan ved ytelse av velferdstjenester',
      'forskrift om habilitering, rehabilitering og koordinator',
    ]) {
      expect(law.toLowerCase()).toContain(citation.toLowerCase());
    }
  });

  it.each(all)('never quotes the seeds’ 2011 regulation as current (%s, %s)', (_locale, _topic, text) => {
    expect(text.answer).not.toMatch(/habilitering og rehabilitering, individuell plan og koordinator|forskrift[^.]*§ ?\d+|2011/i);
  });

  it('calls the six-month training deadline a municipal routine, not law', () => {
    expect(guidanceCatalogues.nb.training.answer).toContain('kommunens rutine, ikke et lovkrav');
  });
});

describe('guidance cards', () => {
  it.each(all)('renders the %s answer for %s without template leftovers', (locale, topic) => {
    const card = JSON.stringify(guidanceAnswerCard(translator(locale), locale, topic, { name: 'Koordinerende enhet', phone: '75 14 50 00' }).content);
    expect(card).not.toContain('${');
    expect(card).toContain(JSON.stringify(guidanceCatalogues[locale][topic].title).slice(1, -1));
  });

  it('gives the closing answer the seeds’ closing checklist, and a way to the cases', () => {
    const card = JSON.stringify(guidanceAnswerCard(translator('nb'), 'nb', 'closing').content);
    for (const item of ['Avklart med innbyggeren', 'Egen leder er informert', 'KE er informert', 'Samarbeidspartnerne er informert'])
      expect(card).toContain(item);
    expect(card).toContain('"capability":"cases"');
  });

  it('lists every topic once on the menu', () => {
    const card = JSON.stringify(guidanceMenuCard(translator('nn'), 'nn').content);
    for (const topic of guidanceTopics) expect(card.split(`"topic":"${topic}"`).length - 1).toBe(1);
    expect(card).toContain('Rettleiing for koordinatorar');
  });
});
