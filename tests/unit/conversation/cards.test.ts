import { describe, expect, it } from 'vitest';
import { menuCard } from '../../../src/conversation/cards.js';
import { languageCard } from '../../../src/conversation/cards.js';
import { translator } from '../../../src/i18n/translate.js';

describe('menuCard()', () => {
  it('renders an Adaptive Card 1.5 with no unexpanded template expressions', () => {
    const card = menuCard(translator('nb'), { municipalityName: 'Ålesund kommune' });
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(card.content);
    expect(json).not.toContain('${');
    expect((card.content as { version: string }).version).toBe('1.5');
    expect(json).toContain('Du bruker Koordinatorhjelpen for Ålesund kommune.');
  });

  it('uses the welcome heading on first contact', () => {
    expect(JSON.stringify(menuCard(translator('nn'), { municipalityName: 'Rana kommune', welcome: true }).content)).toContain('Hei, og velkomen!');
  });

  it('does not re-expand template syntax found in data', () => {
    const json = JSON.stringify(menuCard(translator('nb'), { municipalityName: '${capabilities} [x](http://evil)' }).content);
    expect(json).toContain('Du bruker Koordinatorhjelpen for ${capabilities} [x](http://evil).');
  });
});

describe('languageCard()', () => {
  it('offers the three languages as submit actions', () => {
    const card = languageCard(translator('en')).content as { actions: { title: string; data: { verb: string; locale: string } }[] };
    expect(card.actions.map((a) => [a.title, a.data.verb, a.data.locale])).toEqual([
      ['Bokmål', 'setLocale', 'nb'],
      ['Nynorsk', 'setLocale', 'nn'],
      ['English', 'setLocale', 'en'],
    ]);
  });
});
