import { describe, expect, it } from 'vitest';
import type { MunicipalityId } from '../../../src/municipalities/Municipality.js';
import { DirectorySearch } from '../../../src/directory/DirectorySearch.js';
import { evaluate, readEvalCases } from '../../../src/directory/evaluate.js';
import { questionTopic, stem } from '../../../src/language/norwegianText.js';
import { seedEntries } from '../../../src/directory/seedData.js';
import { searchLanguage } from '../../../src/directory/searchLanguage.js';

const indexes: Record<MunicipalityId, DirectorySearch> = {
  rana: new DirectorySearch(seedEntries('rana'), searchLanguage()),
  alesund: new DirectorySearch(seedEntries('alesund'), searchLanguage()),
};
const top = (municipality: MunicipalityId, query: string) => indexes[municipality].search(query, 3).map((hit) => hit.entry.name);

describe('DirectorySearch', () => {
  it.each<[MunicipalityId, string, string]>([
    // everyday words ↔ the directory's words
    ['alesund', 'hjemmehjelp', 'Praktisk bistand/hjemmehjelp'],
    ['alesund', 'noen som kan vaske hjemme hos en eldre', 'Praktisk bistand/hjemmehjelp'],
    ['alesund', 'psykolog', 'Psykisk helsetjeneste'],
    ['rana', 'penger', 'NAV'],
    ['alesund', 'slått hjemme', 'Krisesenter kvinner'],
    ['rana', 'sykehjemsplass', 'Omsorgskontoret'],
    // age words against target groups
    ['alesund', 'psykiatrisk sykepleier for 16-åring', 'Psykiatrisk sykepleier'],
    ['alesund', 'avlastning barn 5 år', 'Avlastning barn og unge'],
    ['alesund', 'avlastning for 40-åring', 'Avlastning voksne'],
    // a service for women or men only is not for a child, though it gives no age
    ['alesund', 'barnet har vært utsatt for vold hjemme', 'Barnehus'],
    ['alesund', 'kvinne som har rømt hjemmefra med barna', 'Krisesenter kvinner'],
    // inflections, typos, nynorsk
    ['alesund', 'støttekontakten', 'Støttekontakt'],
    ['alesund', 'stottekontakt', 'Støttekontakt'],
    ['alesund', 'ergoterapaut', 'Ergoterapi'],
    ['alesund', 'heimehjelp', 'Praktisk bistand/hjemmehjelp'],
    ['alesund', 'sjukeheim', 'Sykehjem'],
    ['rana', 'avlasting', 'MTA – Miljøterapeutisk avdeling'],
  ])('in %s, «%s» finds %s first', (municipality, query, expected) => {
    expect(top(municipality, query)[0]).toBe(expected);
  });

  it('finds nothing for words that mean nothing here', () => {
    expect(indexes.rana.search('qwxyz blargh')).toEqual([]);
    expect(indexes.rana.search('hvem kontakter jeg for')).toEqual([]);
    // a kind of doctor the directory does not have is not its «lege» (the first part names the kind)
    expect(indexes.alesund.search('tannlege')).toEqual([]);
  });

  it('keeps retired entries out of the results', () => {
    const entries = seedEntries('rana').map((entry) => (entry.id === 'rana-nav' ? { ...entry, retired: true } : entry));
    const search = new DirectorySearch(entries, searchLanguage());
    expect(search.search('uførepensjon').map((hit) => hit.entry.id)).not.toContain('rana-nav');
  });

  it.each(['eval/directory-public.json', 'eval/directory-own.json', 'eval/directory-dev.json'])(
    'reaches top-1 ≥ 0.90 and top-3 ≥ 0.97 on %s, in each language and municipality',
    async (file) => {
      const cases = readEvalCases(file);
      const result = await evaluate(cases, async (municipality, query) => indexes[municipality].search(questionTopic(query), 3));
      for (const score of [result, ...Object.values(result.groups)]) {
        expect(score.top1).toBeGreaterThanOrEqual(0.9);
        expect(score.top3).toBeGreaterThanOrEqual(0.97);
      }
    },
  );

  it('holds at least 200 development questions, in bokmål and nynorsk, for both municipalities', () => {
    const cases = readEvalCases('eval/directory-dev.json');
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.lang === 'nn').length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.municipality))).toEqual(new Set(['alesund', 'rana']));
  });

  describe('nynorsk', () => {
    it.each<[MunicipalityId, string, string]>([
      ['alesund', 'sjukeheimsplass', 'Sykehjem'],
      ['alesund', 'kven kontaktar eg for sjukeheimsplass til far min?', 'Sykehjem'],
      ['alesund', 'kvardagsrehabilitering', 'Hverdagsrehabilitering'],
      ['alesund', 'lære norsk som vaksen', 'Voksenopplæring'],
      ['alesund', 'avlastingsbustad for born', 'Avlastning barn og unge'],
      ['rana', 'omsorgsbustad', 'Omsorgskontoret'],
    ])('in %s, «%s» finds %s first', (municipality, query, expected) => {
      expect(top(municipality, questionTopic(query))[0]).toBe(expected);
    });

    it('searches a nynorsk word by its bokmål form, and says so', () => {
      const analysis = indexes.alesund.analyse('sjukeheimsplass');
      expect(analysis).toContainEqual(expect.objectContaining({ term: 'sykehjemsplass', origin: 'bokmål', from: 'sjukeheimsplass' }));
    });

    it('searches an inflected word the directory does not know by its lemma’s form', () => {
      // «skuldra» (nynorsk, the shoulder) is a form of «skulder», whose stem the directory's words know
      const analysis = indexes.alesund.analyse('vondt i skuldra');
      expect(analysis).toContainEqual(expect.objectContaining({ term: stem('skulder'), origin: 'bokmål', from: stem('skuldra') }));
      expect(top('alesund', 'vondt i skuldra')[0]).toBe('Fysioterapi');
    });

    it('rebuilds a compound from its parts’ bokmål forms and synonyms', () => {
      const analysis = indexes.alesund.analyse('avlastingsbustad');
      expect(analysis).toContainEqual(expect.objectContaining({ term: stem('avlastningsbolig'), origin: 'compound' }));
    });
  });

  it('says which words of a service matched which searched term, and where', () => {
    const [hit] = indexes.alesund.search('avlastningsbolig for voksne');
    expect(hit?.entry.name).toBe('Avlastning voksne');
    expect(hit?.matched).toContainEqual({ word: 'avlastning', term: 'avlastning', fields: ['name', 'keywords', 'offers'] });
    // a word of the service that begins the searched word's part is named with the term it matched
    expect(hit?.matched.every((m) => m.word.startsWith(m.term) || m.term.startsWith(m.word))).toBe(true);
  });

  it('reads a misspelt word as the directory word it was meant to be, with that word’s parts and synonyms', () => {
    expect(indexes.alesund.analyse('støttekontkt')).toContainEqual(
      expect.objectContaining({ term: 'støttekontakt', origin: 'spelling', from: 'støttekontkt' }),
    );
    const [hit] = indexes.alesund.search('ergoterapaut hjemmebesøk');
    expect(hit?.entry.name).toBe('Ergoterapi');
    expect(hit?.matched).toContainEqual({ word: 'ergoterapeut', term: 'ergoterapeut', fields: ['keywords'] });
    // «barnevenet» is not «barn» + nynorsk «ven» (friend)
    expect(top('alesund', 'barnevenet')[0]).toBe('Barnevern');
    // a real word is not another word its stem is near («morgen», stem «morg», is not «sorg»), but a
    // nynorsk spelling is its bokmål neighbour
    expect(indexes.alesund.analyse('hver morgen').map((t) => t.term)).not.toContain('sorg');
    expect(indexes.rana.analyse('vidaregåande')).toContainEqual(expect.objectContaining({ term: stem('videregående'), origin: 'spelling' }));
  });

  it('does not correct a name into a directory word («Norge» is not «sorg»)', () => {
    expect(indexes.alesund.analyse('ny i Norge og vil lære språket').map((t) => t.term)).not.toContain('sorg');
    // …but a misspelt word at the start of a sentence is still read as it was meant
    expect(indexes.alesund.analyse('Støttekontkt')).toContainEqual(expect.objectContaining({ term: 'støttekontakt', origin: 'spelling' }));
  });

  describe('English', () => {
    it.each<[MunicipalityId, string, string]>([
      ['alesund', 'who do I contact about home nursing for my mother', 'Hjemmesykepleie'],
      ['alesund', 'my daughter struggles with reading and writing', 'PP-tjenesten/PPT'],
      ['alesund', 'respite care for parents of a disabled child', 'Avlastning barn og unge'],
      ['rana', 'child welfare', 'Barnevern'],
    ])('in %s, «%s» finds %s first', (municipality, query, expected) => {
      expect(top(municipality, questionTopic(query))[0]).toBe(expected);
    });

    it('does not let an English word split a Norwegian one («billett» is not «bill» + «ett»)', () => {
      expect(indexes.alesund.analyse('gratis billett til ledsager').map((t) => t.term)).not.toContain('ett');
    });
  });

  describe('sayings and phrases', () => {
    it.each<[string, string, string, string]>([
      ['a saying is read as what it means', 'hun har ikke råd til husleia', 'Økonomiske stønadsformer', 'råd'],
      [
        '…and its words are not searched as themselves',
        'hvem hjelper med å fylle ut søknad om helsetjenester',
        'Tildeling av helse- og omsorgstjenester',
        'fyll',
      ],
      ['a phrase its small words make is matched as written', 'ho har vondt i ryggen og treng trening', 'Fysioterapi', 'psykolog'],
      ['the longer saying wins over a word of it', 'trenger noen til å ta seg av økonomien til bestemor', 'Verge', 'stønad'],
      ['reporting a child is a bekymringsmelding', 'hvor melder jeg fra om at et barn ikke får mat hjemme', 'Barnevern', 'meld'],
      ['neither work nor school is NAV for the young', 'unge uten jobb eller skole', 'NAV Ungdomsteam', 'skol'],
      ['a stroke is not a blow', 'jeg har hatt et slag og trenger å trene opp armen', 'Fysioterapi', 'slag'],
      ['a saying that says nothing of the need is dropped', 'trenger sykepleier som kan gi meg medisin hver kveld', 'Hjemmesykepleie', 'kveld'],
      ['who the asker is says nothing of the need', 'jeg er lærer og bekymret for en elev som virker sulten og skitten', 'Barnevern', stem('lærer')],
      ['dependent on me is a carer, not an addiction', 'min mann er blitt helt avhengig av meg', 'Avlastning voksne', 'avheng'],
    ])('%s: «%s» finds %s first, without searching «%s»', (_rule, query, expected, absent) => {
      expect(top('alesund', query)[0]).toBe(expected);
      expect(indexes.alesund.analyse(query).map((t) => t.term)).not.toContain(absent);
    });

    it('finds a phrase of small words inflected and in nynorsk («ser til», «nokon å vere saman med»)', () => {
      expect(top('alesund', 'pappa trenger noen som ser til ham et par ganger om dagen')[0]).toBe('Hjemmesykepleie');
      expect(indexes.alesund.analyse('han har ikkje nokon å vere saman med')).toContainEqual(
        expect.objectContaining({ origin: 'synonym', from: 'noen å være med' }),
      );
      // …and a saying, inflected and in nynorsk, is read as what it means
      expect(top('alesund', 'han har ikkje nokon å vere saman med på fritida')[0]).toBe('Støttekontakt');
    });

    it('weighs such a phrase as the need when the user’s form of its word is the head («ser til» is «se til»)', () => {
      const seeTo = indexes.alesund.analyse('far min treng nokon som ser til han om natta').find((t) => t.term === 'tilsyn');
      expect(seeTo).toMatchObject({ origin: 'synonym', head: true });
      expect(top('alesund', 'far min treng nokon som ser til han om natta')[0]).toBe('Hjemmesykepleie');
    });

    it('reads a saying before a shorter one inside it («ute hele natta» before «hele natta», which says nothing)', () => {
      expect(indexes.alesund.analyse('datteren på 14 er ute hele natta').map((t) => t.term)).toContain('barnevern');
      expect(top('alesund', 'datteren på 14 er ute hele natta')[0]).toBe('Barnevernsvakta');
    });

    it('still reads «har det (så) vondt» as the phrase it is', () => {
      for (const query of ['datteren min har det vondt', 'han har det så vondt']) {
        expect(indexes.alesund.analyse(query)).toContainEqual(expect.objectContaining({ term: 'psykolog', origin: 'synonym' }));
        expect(top('alesund', query)[0]).toBe('Psykisk helsetjeneste');
      }
    });
  });

  it('finds the directory word another derives from («vaksinere» → «vaksine»)', () => {
    expect(indexes.alesund.analyse('vaksinere')).toContainEqual(expect.objectContaining({ term: 'vaksin', origin: 'root' }));
  });

  describe('everyday words', () => {
    it.each<[MunicipalityId, string, string]>([
      ['alesund', 'låne rullestol en periode', 'Tekniske hjelpemidler til dagliglivet'],
      ['alesund', 'trenger dusjstol og toalettforhøyer', 'NAV Hjelpemiddelsentral'],
      ['alesund', 'bygge om badet så hun kommer seg inn i dusjen', 'Ergoterapi'],
      ['alesund', 'norskkurs for innvandrere', 'Voksenopplæring'],
      ['alesund', 'trening hjemme etter fall', 'Hverdagsrehabilitering'],
      ['alesund', 'tenåring som er deprimert', 'Psykiatrisk sykepleier'],
      ['alesund', 'har ikke noe sted å bo i natt', 'Akuttboliger/bostedsløse'],
      ['alesund', 'hjelp til å komme ut av gjeld', 'NAV – ulike tjenester'],
      ['alesund', 'vi skal skilles og krangler om barna', 'Familievernkontoret'],
      ['alesund', 'redd for å falle når hun er alene hjemme', 'Trygghetsalarm'],
      ['alesund', 'valdsam kjærast', 'Krisesenter kvinner'],
      ['alesund', 'vil kjøpe egen bolig men har lav inntekt', 'Boveiledertjeneste'],
    ])('in %s, «%s» finds %s first', (municipality, query, expected) => {
      expect(top(municipality, questionTopic(query))[0]).toBe(expected);
    });
  });
});
