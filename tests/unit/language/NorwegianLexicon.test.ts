import { describe, expect, it } from 'vitest';
import { NorwegianLexicon } from '../../../src/language/NorwegianLexicon.js';

describe('NorwegianLexicon.isWordForm()', () => {
  const lexicon = NorwegianLexicon.of(['syk', 'sove', 'jente', 'pleie', 'bolig'], ['heim', 'gå']);

  it.each([
    ['syke', true],
    ['sover', true],
    ['jentene', true],
    ['pleier', true],
    ['boliger', true],
    ['heimen', true],
    ['gåande', true],
    // typos and unknown words are not forms of a lemma
    ['sjye', false],
    ['pleiar', true], // nynorsk present tense
    ['jentx', false],
    ['xer', false],
  ])('%s → %s', (word, expected) => {
    expect(lexicon.isWordForm(word)).toBe(expected);
  });
});

describe('NorwegianLexicon.isWordStem()', () => {
  const lexicon = NorwegianLexicon.of(['morgen', 'utredning', 'personlig'], ['vidaregåande']);

  it.each([
    ['morg', true],
    ['utred', true],
    ['person', true],
    ['vidaregå', true],
    ['ergoterapaut', false],
  ])('%s → %s', (stem, expected) => {
    expect(lexicon.isWordStem(stem)).toBe(expected);
  });
});
