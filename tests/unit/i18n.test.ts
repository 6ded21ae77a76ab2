import { describe, expect, it } from 'vitest';
import { catalogues, locales } from '../../src/i18n/messages.js';
import { translator } from '../../src/i18n/translate.js';

describe('the message catalogue', () => {
  it.each(locales)('has a non-empty text for every key in %s', (locale) => {
    for (const [key, text] of Object.entries(catalogues[locale])) expect(text.trim(), key).not.toBe('');
  });

  it.each(locales)('uses the same placeholders in %s as in bokmål', (locale) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(catalogues.nb)) {
      expect(placeholders(catalogues[locale][key as keyof typeof catalogues.nb]), key).toEqual(placeholders(text));
    }
  });

  it('never tells the user to fix source code', () => {
    for (const locale of locales) for (const text of Object.values(catalogues[locale])) expect(text).not.toMatch(/source code|kildekode/i);
  });
});

describe('translator()', () => {
  it('fills placeholders and defaults to bokmål', () => {
    expect(translator()('help.intro', { municipality: 'Rana kommune' })).toBe(
      'Du bruker Koordinatorhjelpen for Rana kommune. Trykk på en knapp, eller skriv med egne ord.',
    );
  });

  it('leaves a missing placeholder visible instead of dropping it', () => {
    expect(translator('en')('error.generic')).toContain('{reference}');
  });
});
