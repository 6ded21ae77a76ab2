import { describe, expect, it } from 'vitest';
import { ageIn, questionTopic, splitCompound, stem, terms, weightedTerms } from '../../../src/language/norwegianText.js';

describe('terms()', () => {
  it.each([
    ['Hvem kontakter jeg for støttekontakten?', ['støttekontakt']],
    ['Kven kan eg kontakte om heimehjelp', ['heimehjelp']],
    ['avlastning for foreldre', ['avlastning', stem('foreldre')]],
    ['Barn 5 år', ['barn', '5']],
  ])('%s → %o', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it('stems inflections to the same term', () => {
    expect(stem('psykologen')).toBe(stem('psykolog'));
    expect(stem('helsestasjonen')).toBe(stem('helsestasjon'));
    expect(stem('familier')).toBe(stem('familie'));
  });

  it('keeps the doctor in «-lege» (Snowball takes «leg» for a suffix)', () => {
    expect(stem('fastlege')).toBe('fastlege');
    expect(stem('fastlegen')).toBe('fastlege');
    expect(stem('legen')).toBe('lege');
    expect(stem('fastlege')).not.toBe(stem('fast'));
  });

  it('keeps the dwelling in «-bolig» (Snowball takes «lig» for an adjective’s ending)', () => {
    expect(stem('bolig')).toBe('bolig');
    expect(stem('nødboligen')).toBe('nødbolig');
    expect(stem('omsorgsboliger')).toBe('omsorgsbolig');
  });

  it('keeps short words whole', () => {
    expect(stem('barn')).toBe('barn');
    expect(stem('nav')).toBe('nav');
  });
});

describe('weightedTerms()', () => {
  it('marks what follows the first preposition as a modifier of the head', () => {
    expect(weightedTerms('avlastning for foreldre')).toEqual([
      { token: 'avlastning', term: 'avlastning', head: true },
      { token: 'foreldre', term: stem('foreldre'), head: false },
    ]);
  });

  it('does not let a leading preposition turn the head into a modifier', () => {
    expect(weightedTerms('for støttekontakt')).toEqual([{ token: 'støttekontakt', term: 'støttekontakt', head: true }]);
  });

  it.each([
    ['vi sliter med samspillet med babyen', ['samspill'], ['slit', 'baby']],
    ['bekymret for skolefraværet til eleven', ['skolefravær'], [stem('bekymret'), 'elev']],
    ['vanskar med å lese', ['lese'], [stem('vanskar')]],
    // …but a frame word after the need is only a modifier, and one without a preposition stays the head
    ['ungdom som sliter', ['ungdom', 'slit'], []],
    ['angst for skolen', ['angst'], ['skol']],
    // whom the need is for, before a preposition, frames it too
    ['barn med atferdsproblemer', [stem('atferdsproblemer')], ['barn']],
    ['brukeren har behov for vask', ['vask'], ['behov']],
    // advice is a frame: «råd om oppdragelse» asks about upbringing
    ['vi trenger råd om oppdragelse', [stem('oppdragelse')], ['råd']],
    // a reason given after «fordi» modifies the need before it
    ['han treng ein verje fordi han ikkje klarer pengane', [stem('verje')], [stem('klarer'), stem('pengane')]],
    // …and a clause that says what is needed names a need again
    ['sitter i rullestol og vil på kino', [stem('sitter'), 'kino'], ['rullestol']],
    // who says it frames what is said: «barnehagen tror at …»
    ['barnehagen tror at jenta ser dårlig', [stem('jenta'), 'ser', stem('dårlig')], [stem('barnehagen'), 'tror']],
    // …in English too
    ['my daughter struggles with reading', [stem('reading')], [stem('daughter'), stem('struggles')]],
  ])('in «%s» the need after a framing word («sliter med», «bekymret for») is the head', (text, heads, modifiers) => {
    const words = weightedTerms(text);
    expect(words.filter((w) => w.head).map((w) => w.term)).toEqual(heads);
    expect(words.filter((w) => !w.head).map((w) => w.term)).toEqual(modifiers);
  });
});

describe('stop words', () => {
  it.each([
    ['han blir sint når hun er der', ['sint']],
    ['ho vil ikkje vere åleine', [stem('åleine')]],
    // «gjeld» is debt, not nynorsk «gjelder»; «uten» and «selv» carry a need
    ['komme ut av gjeld', ['gjeld']],
    ['uten bolig', ['uten', stem('bolig')]],
    ['skader seg selv', [stem('skader'), 'selv']],
  ])('%s → %o', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });
});

describe('splitCompound()', () => {
  const vocabulary = new Set(['sykehjem', 'plass', 'psykisk', 'helse', 'avlastning', 'bolig']);
  it.each([
    ['sykehjemsplass', ['sykehjem', 'plass']],
    ['avlastningsbolig', ['avlastning', 'bolig']],
    ['helse', []],
    ['blargh', []],
  ])('%s → %o', (word, parts) => {
    expect(splitCompound(word, vocabulary)).toEqual(parts);
  });

  it('splits off a part only the dictionary knows when the other part is a word the directory knows', () => {
    const isWord = (word: string) => ['dusj', 'stol', 'rullestol', 'bruker', 'tart', 'start', 'skole'].includes(word);
    expect(splitCompound('rullestolbruker', new Set(['rullestol']), isWord)).toEqual(['rullestol', 'bruker']);
    expect(splitCompound('dusjstol', new Set(['stol']), isWord)).toEqual(['dusj', 'stol']);
    expect(splitCompound('dusjstol', new Set(['bad']), isWord)).toEqual([]);
  });

  it('prefers a split without a linking letter («skole» + «start», not «skole» + s + «tart»)', () => {
    const isWord = (word: string) => ['tart', 'start', 'skole'].includes(word);
    expect(splitCompound('skolestart', new Set(['skole']), isWord)).toEqual(['skole', 'start']);
  });
});

describe('ageIn()', () => {
  it.each([
    ['samtale for 16-åring', 16],
    ['barn 5 år', 5],
    ['en 10 åring', 10],
    // an age said as what someone is, and a decade
    ['jeg er 17 og har lyst til å slutte på videregående', 17],
    ['kompisen bruker hasj og han er bare 16', 16],
    ['kvinne i 30-årene med utviklingshemming', 30],
    ['vi er 3 i familien som trenger bolig', undefined],
    // a woman with her children is asked about herself; a girl or a boy is young, and so is a child in kindergarten
    ['kvinne som har rømt hjemmefra med barna', 40],
    ['jenta vår har vært utsatt for vold', 12],
    ['barnehagen tror at hun ser dårlig', 3],
    ['15-åringen vår bruker narkotika', 15],
    ['to 12-åringene', 12],
    ['baby med kolikk', 0],
    ['treåringen vil ikke spise', 3],
    ['en femtenåring', 15],
    ['sjuåringar', 7],
    ['pensjonist som bor alene', 75],
    // a spouse is a grown-up, a grandparent old, and «unge» the young
    ['min kone har Parkinson', 40],
    ['farmor klarer ikke å dusje', 80],
    ['arbeid for unge', 18],
    // the asker's own parent is grown up, not a child
    ['faren min har demens og blir aggressiv', 60],
    ['mor mi treng plass på sjukeheim', 60],
    // a parent named bare is a parent, unless the question is about their son or daughter
    ['mor har demens og blir sint om kvelden', 60],
    // parents' «sønnen vår», «vår datter» is a child unless they say otherwise; one's own «sønnen min» may be any age
    ['sønnen vår blir behandlet dårlig hos faren', 10],
    ['datteren vår har epilepsi og vi trenger en pause', 10],
    ['vår sønn har autisme', 10],
    ['sønnen vår er voksen og har autisme', 40],
    ['sønnen min har autisme', undefined],
    // …and in English
    ['my teenager is using drugs', 15],
    ['my father needs a place in a nursing home', 60],
    ['help for an elderly neighbour', 75],
    ['støttekontakt', undefined],
  ])('%s → %s', (text, age) => {
    expect(ageIn(text)).toBe(age);
  });
});

describe('questionTopic()', () => {
  it.each([
    ['hvem kontakter jeg for støttekontakt?', 'støttekontakt'],
    ['Kven kan eg kontakte om heimehjelp', 'heimehjelp'],
    ['hvem kan hjelpe med avlastning?', 'avlastning'],
    ['hvor søker man om omsorgslønn?', 'omsorgslønn'],
    ['avlastning for foreldre', 'avlastning for foreldre'],
    // a verb that names what is asked about is not a lead-in
    ['hvem bestemmer om mor får hjemmesykepleie', 'hvem bestemmer om mor får hjemmesykepleie'],
    ['hvor melder jeg fra om et barn', 'hvor melder jeg fra om et barn'],
  ])('%s → %s', (question, topic) => {
    expect(questionTopic(question)).toBe(topic);
  });
});
