import { describe, expect, it } from 'vitest';
import { MASK, maskQuestion } from '../../../src/unanswered/mask.js';

/** Norwegian words, as the dictionaries would say; «liv», «berg» and «nordmann» are words and names both. */
const NORWEGIAN = new Set([
  'avlastning',
  'for',
  'til',
  'pause',
  'fra',
  'omsorgen',
  'sønnen',
  'min',
  'hjelp',
  'trenger',
  'ring',
  'meg',
  'på',
  'født',
  'bor',
  'i',
  'gate',
  'mor',
  'leier',
  'kommunal',
  'bolig',
  'og',
  'vil',
  'kjøpe',
  'den',
  'tilpasse',
  'kjøkkenet',
  'e',
  'post',
  'skole',
  'eller',
  'liv',
  'berg',
  'nordmann',
]);
/** The directory's own words. */
const DIRECTORY = new Set(['avlastning', 'nav', 'bpa', 'ppt', 'selfors', 'skole', 'bolig']);
const known = { norwegian: (word: string) => NORWEGIAN.has(word.toLowerCase()), directory: (word: string) => DIRECTORY.has(word.toLowerCase()) };

describe('a question is masked before it is stored', () => {
  it.each([
    ['a phone number, spaced', 'ring meg på 22 33 44 55', `ring meg på ${MASK}`],
    ['a phone number with country code', 'ring meg på +47 22334455', `ring meg på +${MASK}`],
    ['a national id number', 'avlastning for 01019912345', `avlastning for ${MASK}`],
    ['a national id number, split', 'avlastning for 010199 12345', `avlastning for ${MASK}`],
    ['a date', 'født 12.03.2019 trenger hjelp', `født ${MASK} trenger hjelp`],
    ['a date with slashes', 'født 12/03/19', `født ${MASK}`],
    ['an e-mail address', 'e-post kari.nordmann@rana.kommune.no', `e-post ${MASK}`],
    ['a first and last name', 'avlastning for Ola Nordmann', `avlastning for ${MASK}`],
    ['a name that is a word too, inside a sentence', 'avlastning for Liv Berg', `avlastning for ${MASK}`],
    ['a name after a full stop that is no word', 'trenger hjelp. Ingrid bor i gate', `trenger hjelp. ${MASK} bor i gate`],
    ['a hyphenated name', 'mor til Anne-Lise trenger hjelp', `mor til ${MASK} trenger hjelp`],
    ['a name with a street address', 'bor i Storgata 12', `bor i ${MASK}`],
    ['a name at the start', 'Kari trenger avlastning', `${MASK} trenger avlastning`],
  ])('%s', (_kind, question, stored) => {
    expect(maskQuestion(question, known)).toBe(stored);
  });

  it.each([
    ['everyday words', 'pause fra omsorgen for sønnen min'],
    ['a capitalised word at the start', 'Tilpasse kjøkkenet'],
    ['abbreviations the directory knows', 'BPA eller NAV'],
    ['the directory’s own names, capitalised', 'PPT på Selfors skole'],
    ['a word starting a new sentence', 'trenger hjelp. Avlastning for mor'],
    ['a capitalised directory word inside a sentence', 'hjelp til Avlastning'],
    ['a long question without personal data', 'leier kommunal bolig og vil kjøpe den'],
  ])('keeps %s', (_kind, question) => {
    expect(maskQuestion(question, known)).toBe(question);
  });
});
