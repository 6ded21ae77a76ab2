import { describe, expect, it } from 'vitest';
import { bokmaalForms } from '../../../src/language/nynorsk.js';
import { NorwegianLexicon } from '../../../src/language/NorwegianLexicon.js';

describe('bokmaalForms()', () => {
  it.each([
    ['sjukeheimsplass', 'sykehjemsplass'],
    ['heimesjukepleie', 'hjemmesykepleie'],
    ['kvardagsrehabilitering', 'hverdagsrehabilitering'],
    ['vaksenopplæring', 'voksenopplæring'],
    ['skulestart', 'skolestart'],
    ['heimetenesta', 'hjemmetjenesta'],
    ['vanskar', 'vansker'],
    ['relasjonar', 'relasjoner'],
    ['sjukepleiar', 'sykepleier'],
    ['byggje', 'bygge'],
    ['røykje', 'røyke'],
    ['omsorgsløn', 'omsorgslønn'],
    ['rådgjeving', 'rådgivning'],
    ['samlivsbrot', 'samlivsbrudd'],
    ['vald', 'vold'],
    ['høyreapparat', 'høreapparat'],
    ['kvardag', 'hverdag'],
    ['sjølvskading', 'selvskading'],
  ])('%s may stand for %s', (nynorsk, bokmaal) => {
    expect(bokmaalForms(nynorsk)).toContain(bokmaal);
  });

  it('proposes the forms with fewest changes first, and never the word itself', () => {
    const forms = bokmaalForms('sjukeheimar');
    expect(forms[0]).not.toBe('sjukeheimar');
    expect(forms.indexOf('sykeheimar')).toBeLessThan(forms.indexOf('sykehjemer'));
    expect(forms).not.toContain('sjukeheimar');
  });

  it('has nothing to propose for a bokmål word no rule touches', () => {
    expect(bokmaalForms('støttekontakt')).toEqual([]);
  });
});

describe('NorwegianLexicon', () => {
  const lexicon = NorwegianLexicon.fromDictionaries();

  it.each([
    ['sykehjem', true, true],
    ['bustadlaus', false, true],
    ['vaksen', false, true],
    ['hjelpemiddel', true, true],
    ['støttekontkt', false, false],
    ['qwxyz', false, false],
  ])('knows «%s»: bokmål %s, a word at all %s', (word, bokmaal, known) => {
    expect(lexicon.isBokmaal(word)).toBe(bokmaal);
    expect(lexicon.isWord(word)).toBe(known);
  });

  it('leaves names out (only lower-case lemmas)', () => {
    expect(lexicon.isWord('Oslo')).toBe(false);
  });

  it.each([
    // nynorsk feminine definite, comparative, nynorsk definite of a noun in -er, bokmål plural definite
    ['husleiga', 'husleige'],
    ['sunnere', 'sunn'],
    ['skuldra', 'skulder'],
    ['jentene', 'jente'],
    ['sjukeheimen', 'sjukeheim'],
    ['påkledninga', 'påkledning'],
  ])('reads «%s» as a form of «%s» by the dictionaries’ suffix rules', (word, lemma) => {
    expect(lexicon.lemmasOf(word)).toContain(lemma);
  });

  it.each(['skulder', 'qwxyzene', 'støttekontkt'])('finds no lemma behind «%s» (a lemma itself, or no word)', (word) => {
    expect(lexicon.lemmasOf(word)).not.toContain(word);
    if (word !== 'skulder') expect(lexicon.lemmasOf(word)).toEqual([]);
  });
});
