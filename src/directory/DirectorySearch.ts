import type { DirectoryEntry } from './DirectoryEntry.js';
import { FieldIndex, MAX_QUERY_TERMS, type QueryPlan, type TermQuery } from './FieldIndex.js';
import type { NorwegianLexicon } from '../language/NorwegianLexicon.js';
import { ageIn, isStopword, namesIn, splitCompound, stem, terms, tokenize, weightedTerms } from '../language/norwegianText.js';
import { bokmaalForms } from '../language/nynorsk.js';
import { pushTo } from '../collections.js';

/** What the search knows of the language: everyday words per need, and the words of Norwegian. */
export interface SearchLanguage {
  synonyms: readonly (readonly string[])[];
  /** Sayings read as what they mean before anything else («har ikke råd til» → «pengeproblemer»). */
  idioms?: readonly (readonly [saying: string, meaning: string])[];
  lexicon: NorwegianLexicon;
}

/**
 * Where a searched term came from: the user's own word, its bokmål form, the directory's word it is a
 * misspelling of («ergoterapaut»), a part of it, the directory's word it derives from («vaksinere» →
 * «vaksine»), or a synonym.
 */
export type TermOrigin = 'own' | 'bokmål' | 'spelling' | 'compound' | 'root' | 'synonym';

export interface QueryTerm {
  term: string;
  weight: number;
  /** Part of what the question is about, not of what modifies it («… for foreldre»). */
  head: boolean;
  origin: TermOrigin;
  /** The user's word it came from, for expansions. */
  from?: string;
}

export interface SearchHit {
  entry: DirectoryEntry;
  score: number;
  /** Which of the entry's words matched which searched term, and in which fields: the answer's reasons. */
  matched: { term: string; word: string; fields: string[] }[];
}

/** A compound's part, indexed beside the compound, counts as this much of an occurrence. */
const PART_WEIGHT = 0.2;
/** Weight of a term the user did not write but that a synonym or a compound split added. */
const EXPANSION_WEIGHT = 0.5;
/** A synonym group with more terms in the directory than this has its terms' weight shared out. */
const GROUP_SIZE = 3;
/** Weight of the synonyms of a phrase of several words the question contains («bygge om»). */
const PHRASE_WEIGHT = 0.8;
/** A bokmål form of the user's nynorsk word is the same word, and so nearly is the word a typo meant. */
const BOKMAAL_WEIGHT = 0.9;
const SPELLING_WEIGHT = 0.9;
/** The directory's word another is derived from is nearly the same word («vaksinere» → «vaksine»). */
const ROOT_WEIGHT = 0.8;
/** …when it is this long at least, and the derivation adds at most this many letters. */
const ROOT_MIN = 5;
const ROOT_SUFFIX_MAX = 4;
/** Weight of a term that modifies the head of the question ("… for foreldre"). */
const MODIFIER_WEIGHT = 0.6;
/**
 * Where and for whom (the unit and the target group) are searched with what the service offers: a
 * fourth field cost every common word another posting list at scale and ranked no question better.
 */
const FIELDS = ['name', 'keywords', 'offers'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = { name: 2.5, keywords: 2, offers: 1.5 };
/**
 * An expansion found in more than this share of entries says little (low IDF) and costs a long
 * posting list on every query, so it is left out. The user's own words are always searched.
 */
const COMMON_EXPANSION_SHARE = 0.05;
/** …but never in a directory so small that every word is "common". */
const COMMON_EXPANSION_MIN = 50;
/** An entry that matches only what modifies the question, not its head, is rarely the answer. */
const MODIFIER_ONLY_FACTOR = 0.5;
/** At most this many terms are searched, unless the question itself has more words. */
const MAX_TERMS = 12;
/** A service for the asked-about age ranks higher; one that excludes it sinks. */
const AGE_FITS = 1.5;
const AGE_EXCLUDED = 0.3;
/** A hit scoring below this share of the best one is noise, not an answer. */
const RELATIVE_CUTOFF = 0.25;

/**
 * Full-text search over one municipality's directory (BM25+ per field, prefix and fuzzy matching; see
 * {@link FieldIndex}) with Norwegian stemming, nynorsk → bokmål forms, compound splitting against the
 * dictionaries, synonym expansion and age matching. Immutable: build a new one when the directory changes.
 */
export class DirectorySearch {
  private readonly index: FieldIndex<DirectoryEntry, (typeof FIELDS)[number]>;
  private readonly entries: readonly DirectoryEntry[];
  /** Every term the index or a synonym knows: an expansion outside it cannot match anything. */
  private readonly vocabulary = new Set<string>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly synonyms: Phrase[][];
  /** The synonyms by the word they begin with: a question is checked only against the phrases its words can begin. */
  private readonly phrasesByWord = new Map<string, { group: number; at: number; phrase: Phrase }[]>();
  /** One-word synonyms of a one-word term, to rebuild compounds («avlastingsbustad» → «avlastningsbolig»). */
  private readonly wordSynonyms = new Map<string, string[]>();
  private readonly lexicon: NorwegianLexicon;
  /** Entries that give no age but whose target group is grown-ups only (see {@link forGrownUps}). */
  private readonly grownUpsOnly: boolean[];
  private readonly idioms: { pattern: string[]; meaning: string }[];

  constructor(entries: readonly DirectoryEntry[], language: SearchLanguage) {
    this.lexicon = language.lexicon;
    // The longer saying is read first: «ute hele natta» before «hele natta», which says nothing of the need.
    this.idioms = (language.idioms ?? [])
      .map(([saying, meaning]) => ({ pattern: patternOf(saying), meaning }))
      .sort((a, b) => b.pattern.length - a.pattern.length);
    this.synonyms = language.synonyms.map((group) => group.map(readPhrase).filter((phrase) => phrase.terms.length || phrase.pattern));
    this.synonyms.forEach((group, g) =>
      group.forEach((phrase, at) => pushTo(this.phrasesByWord, phrase.pattern?.[0] ?? phrase.terms[0]!, { group: g, at, phrase })),
    );
    const active = (this.entries = entries.filter((entry) => !entry.retired));
    // Read once here, not per matching entry per question: thousands match a common word at scale.
    this.grownUpsOnly = active.map((entry) => entry.ageMin === undefined && entry.ageMax === undefined && forGrownUps(entry.targetGroup));
    for (const entry of active) {
      const entryTerms = new Set(FIELDS.flatMap((field) => terms(fieldText(entry, field))));
      for (const term of entryTerms) {
        this.vocabulary.add(term);
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
    for (const group of this.synonyms) for (const phrase of group) for (const term of phrase.terms) this.vocabulary.add(term);
    // Whole words, not stems: a compound is rebuilt from words and stemmed as a whole («avlastning» + s + «bolig»).
    for (const group of language.synonyms) {
      const words = [...new Set(group.map((phrase) => phrase.toLowerCase()).filter((phrase) => !/[\s-]/.test(phrase)))];
      for (const word of words) this.wordSynonyms.set(stem(word), [...new Set([...(this.wordSynonyms.get(stem(word)) ?? []), ...words])]);
    }

    const partsOf = new Map<string, string[]>();
    this.index = new FieldIndex(FIELDS, active, {
      text: fieldText,
      tokenize,
      // A compound is indexed under its parts too («barnevernsvakt» under «barnevern» and «vakt»), so a
      // question's word finds the compounds it begins without a prefix search over the index.
      processTerm: (token) => {
        if (isStopword(token)) return null;
        const term = stem(token);
        let parts = partsOf.get(term);
        if (!parts) partsOf.set(term, (parts = splitCompound(term, this.vocabulary, (w) => this.lexicon.isWord(w))));
        return parts.length ? [term, ...parts.map((part) => ({ term: part, weight: PART_WEIGHT }))] : term;
      },
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** Whether a term (stemmed) is in the directory's own words or its synonyms. */
  knows(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /**
   * What a question is about as the search reads it: its own terms after stemming, nynorsk forms and
   * spelling correction, sorted. Questions with the same key are the same question in other words.
   */
  questionKey(query: string): string[] {
    const analysis = this.analyse(query);
    const resolved = new Set(analysis.filter((t) => t.origin === 'bokmål' || t.origin === 'spelling').map((t) => t.from));
    const core = analysis.filter((t) => (t.origin === 'own' && !resolved.has(t.term)) || t.origin === 'bokmål' || t.origin === 'spelling');
    return [...new Set(core.map((t) => t.term))].sort();
  }

  search(query: string, limit = 3): SearchHit[] {
    const analysis = this.analyse(query).slice(0, MAX_QUERY_TERMS);
    if (analysis.length === 0) return [];
    const own = new Set(analysis.filter((t) => t.origin === 'own').map((t) => t.term));
    // A word read as its bokmål form or its correct spelling is searched as that, not loosely.
    const resolved = new Set(analysis.filter((t) => t.origin === 'bokmål' || t.origin === 'spelling').map((t) => t.from));
    const names = new Set([...namesIn(query)].map(stem));
    // The question's word each term stands for: itself, or the word (or phrase) it was read from.
    const sources = new Map<string, number>();
    const sourceOf = (t: QueryTerm) => {
      const word = t.from ?? t.term;
      if (!sources.has(word)) sources.set(word, sources.size);
      return sources.get(word)!;
    };
    const queries: TermQuery[] = analysis.map((t) => ({
      term: t.term,
      boost: t.weight,
      // Only words the directory does not know can be misspelt or begin a compound it does not split;
      // expansions match exactly.
      prefix: own.has(t.term) && !this.documentFrequency.has(t.term) && t.term.length >= 5,
      fuzzy: own.has(t.term) && !resolved.has(t.term) && !names.has(t.term) ? this.typoDistance(t.term) : false,
      source: sourceOf(t),
    }));
    const plan = this.index.plan(queries, { fields: BOOST, fuzzy: 0.4, prefix: 0.6 });
    const heads = analysis.reduce((bits, t, i) => (t.head ? bits | (1 << i) : bits), 0);
    const age = ageIn(query);
    // The best `limit` by score, adjusted once per entry: the age fit, and less for one that matches only
    // what modifies the question. Equal scores keep the higher raw score first.
    const top: { doc: number; score: number; raw: number }[] = [];
    this.index.forEachMatch(plan, (doc, raw, queried) => {
      const fit = age === undefined ? 1 : ageFit(this.entries[doc]!, age, this.grownUpsOnly[doc]!);
      const score = fit * (queried & heads ? raw : raw * MODIFIER_ONLY_FACTOR);
      if (top.length === limit && !outranks(score, raw, top[limit - 1]!)) return;
      const at = top.findIndex((hit) => outranks(score, raw, hit));
      top.splice(at < 0 ? top.length : at, 0, { doc, score, raw });
      if (top.length > limit) top.pop();
    });
    if (top.length === 0) return [];
    const best = top[0]!.score;
    return top
      .filter((hit) => hit.score >= best * RELATIVE_CUTOFF)
      .map(({ doc, score }) => ({ entry: this.entries[doc]!, score, matched: this.reasons(plan, queries, doc) }));
  }

  /** Which of the entry's words matched which searched term, each word once (the searched term itself first). */
  private reasons(plan: QueryPlan, queries: readonly TermQuery[], doc: number): SearchHit['matched'] {
    const byWord = new Map<string, SearchHit['matched'][number]>();
    for (const { query, term: word, fields } of this.index.matches(plan, doc)) {
      const term = queries[query]!.term;
      const known = byWord.get(word);
      if (!known || (known.term !== word && term === word)) byWord.set(word, { term, word, fields });
    }
    return [...byWord.values()];
  }

  /**
   * Where a question that found nothing comes closest: the categories of the services a loose search
   * (any word, generous spelling, word beginnings) touches, nearest first.
   */
  nearestCategories(query: string, limit = 3): string[] {
    const searched = [...new Set([...this.analyse(query).map((t) => t.term), ...terms(query)])];
    if (searched.length === 0) return [];
    const plan = this.index.plan(
      searched.slice(0, MAX_QUERY_TERMS).map((term) => ({
        term,
        boost: 1,
        prefix: term.length >= 3,
        fuzzy: term.length >= 5 ? 0.34 : term.length >= 4 ? 1 : false,
      })),
      { fields: { name: 1, keywords: 1, offers: 1 }, fuzzy: 0.45, prefix: 0.375 },
    );
    // A category is as near as its nearest service.
    const nearest = new Map<string, number>();
    this.index.forEachMatch(plan, (doc, score) => {
      const category = this.entries[doc]!.category;
      if (score > (nearest.get(category) ?? 0)) nearest.set(category, score);
    });
    return [...nearest]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([category]) => category);
  }

  /**
   * The terms searched for a question, with their weights and where each came from: the user's
   * own words at full weight (less for what modifies the head), their bokmål forms or right spellings,
   * compound parts, roots and synonyms at a lower weight.
   */
  analyse(question: string): QueryTerm[] {
    const { text: query, meant } = this.readIdioms(question);
    const own = weightedTerms(query)
      .filter(({ term }) => !/^\d+$/.test(term))
      .map((t) => (meant.has(t.term) ? { ...t, head: true } : t));
    const names = namesIn(query);
    const result = new Map<string, QueryTerm>();
    const ownTerms = new Set(own.map(({ term }) => term));
    const common = Math.max(COMMON_EXPANSION_MIN, this.entries.length * COMMON_EXPANSION_SHARE);
    const add = (term: string, weight: number, head: boolean, origin: TermOrigin, from?: string) => {
      // The user's own words keep the role they have in the question; expansions do not promote them.
      if (origin !== 'own' && ownTerms.has(term)) return;
      if (origin !== 'own' && (this.documentFrequency.get(term) ?? 0) > common) return;
      const known = result.get(term);
      if (known && known.weight >= weight) return;
      result.set(term, { term, weight, head: head || (known?.head ?? false), origin: known?.origin ?? origin, ...(from ? { from } : {}) });
    };
    // The question as written, and with bokmål forms in place of nynorsk words: phrases match either.
    const spoken: string[] = [];
    const normal: string[] = [];
    const normalOf = new Map<string, string>();
    const partTerms: string[] = [];
    for (const { token, term, head } of own) {
      const weight = head ? 1 : MODIFIER_WEIGHT;
      add(term, weight, head, 'own');
      const form = this.vocabulary.has(term) ? undefined : this.knownForm(token);
      if (form) add(form, weight * BOKMAAL_WEIGHT, head, 'bokmål', term);
      // A misspelt word is read as the directory's word it was meant to be, with that word's parts and synonyms.
      // A name («Norge») is not a misspelling of the directory's word («sorg»).
      const spelling = form || this.vocabulary.has(term) || names.has(token) ? undefined : this.spellingOf(term);
      if (spelling) add(spelling, weight * SPELLING_WEIGHT, head, 'spelling', term);
      const word = form ?? spelling ?? term;
      spoken.push(term);
      normal.push(word);
      normalOf.set(term, word);
      const parts = splitCompound(word, this.vocabulary, (w) => this.lexicon.isWord(w));
      // A compound whose first part the directory does not know is a kind of thing it does not name:
      // «tannlege» is not a «lege» of the directory's. Its parts are no answer, only a way to rebuild it.
      const telling = parts.length && this.vocabulary.has(parts[0]!) ? parts : [];
      for (const part of telling) add(part, weight * EXPANSION_WEIGHT, head, 'compound', term);
      partTerms.push(...telling);
      for (const compound of this.recompose(word, parts)) add(compound, weight * BOKMAAL_WEIGHT, head, 'compound', term);
      const root = parts.length ? undefined : this.rootOf(word);
      if (root) add(root, weight * ROOT_WEIGHT, head, 'root', term);
    }
    const texts = [` ${spoken.join(' ')} `, ` ${normal.join(' ')} `];
    // …and word by word with its small words, for the phrases those make («har det vondt» is not «vondt i ryggen»).
    const tokens = tokenize(query);
    const sequences = [tokens.map(wordOfPhrase), tokens.map((t) => (isStopword(t) ? wordOfPhrase(t) : (normalOf.get(stem(t)) ?? stem(t))))];
    const says = (phrase: Phrase) =>
      phrase.pattern ? sequences.some((sequence) => spanIn(phrase.pattern!, sequence)) : texts.some((text) => text.includes(` ${phrase.text} `));
    const headOf = new Map([...result.values()].map((t) => [t.term, t.head]));
    // A phrase matched word by word names the user's word as the phrase has it («ser til» is «se til»).
    for (const { token, head } of own) if (!headOf.has(wordOfPhrase(token))) headOf.set(wordOfPhrase(token), head);
    // The longer saying wins: a word of a phrase one group matched («styre økonomien») does not also
    // call up the groups that word alone is in («økonomi» → «stønad»).
    const said = new Map<number, { at: number; phrase: Phrase }[]>();
    for (const word of new Set([...spoken, ...normal, ...sequences.flat()]))
      for (const candidate of this.phrasesByWord.get(word) ?? []) if (says(candidate.phrase)) pushTo(said, candidate.group, candidate);
    // A synonym of a compound's part («avlasting» in «avlastingsheim») counts as the part does: less.
    const ofParts = new Map<number, { at: number; phrase: Phrase }[]>();
    for (const part of new Set(partTerms))
      for (const candidate of this.phrasesByWord.get(part) ?? [])
        if (!candidate.phrase.pattern && candidate.phrase.text === part) pushTo(ofParts, candidate.group, candidate);
    const inGroupOrder = (phrases: { at: number; phrase: Phrase }[] = []) => phrases.sort((a, b) => a.at - b.at).map(({ phrase }) => phrase);
    const groups = [...new Set([...said.keys(), ...ofParts.keys()])].sort((a, b) => a - b);
    const saidInOrder = new Map(groups.map((g) => [g, inGroupOrder(said.get(g))]));
    const inPhrase = new Map<string, number>();
    for (const g of groups) for (const phrase of saidInOrder.get(g)!) if (phrase.terms.length > 1) for (const term of phrase.terms) inPhrase.set(term, g);
    for (const g of groups) {
      const group = this.synonyms[g]!;
      const matched = saidInOrder.get(g)!.filter((phrase) => phrase.terms.length !== 1 || (inPhrase.get(phrase.terms[0]!) ?? g) === g);
      const ofPart = matched.length === 0 ? inGroupOrder(ofParts.get(g)) : [];
      if (matched.length === 0 && ofPart.length === 0) continue;
      if (ofPart.length) matched.push(...ofPart);
      const isHead = matched.some((phrase) => phrase.terms.length === 0 || phrase.terms.some((term) => headOf.get(term)));
      // A phrase of several words says what the need is more surely than one word does.
      // …and a long group must not outweigh the user's own words by the number of its terms an entry happens to hold.
      const expansions = [...new Set(group.flatMap((phrase) => phrase.terms))].filter((term) => this.documentFrequency.has(term));
      const weight =
        ((isHead ? 1 : MODIFIER_WEIGHT) *
          (matched.some((phrase) => phrase.terms.length > 1) ? PHRASE_WEIGHT : EXPANSION_WEIGHT) *
          (ofPart.length ? EXPANSION_WEIGHT : 1)) /
        Math.sqrt(Math.max(1, expansions.length / GROUP_SIZE));
      for (const term of expansions) add(term, weight, isHead, 'synonym', matched[0]!.text || matched[0]!.pattern!.join(' '));
    }
    // Every term searched costs a posting list at scale: the user's own words all, then the strongest expansions.
    const byWeight = [...result.values()].sort((a, b) => Number(b.origin === 'own') - Number(a.origin === 'own') || b.weight - a.weight);
    return byWeight.slice(0, Math.max(MAX_TERMS, own.length));
  }

  /** The question with each saying the search knows put as what it means: «har ikke råd til husleia» → «pengeproblemer husleia». */
  private readIdioms(question: string): { text: string; meant: Set<string> } {
    const tokens = tokenize(question);
    const meant = new Set<string>();
    let read = tokens.map(wordOfPhrase);
    // A thousand sayings: one whose first word the question lacks is passed over without a scan.
    let words = new Set(read);
    let changed = false;
    for (const { pattern, meaning } of this.idioms) {
      if (!words.has(pattern[0]!)) continue;
      const span = spanIn(pattern, read);
      if (!span) continue;
      tokens.splice(span[0], span[1] - span[0] + 1, ...tokenize(meaning));
      for (const term of terms(meaning)) meant.add(term);
      read = tokens.map(wordOfPhrase);
      words = new Set(read);
      changed = true;
    }
    return { text: changed ? tokens.join(' ') : question, meant };
  }

  /**
   * The compounds the directory knows that a compound the user wrote stands for, built from its parts'
   * bokmål forms and one-word synonyms: «avlastingsbustad» → «avlastning» + «bolig» → «avlastningsbolig».
   */
  private recompose(word: string, parts: readonly string[]): string[] {
    if (parts.length !== 2) return [];
    const alternatives = (part: string) => [...new Set([part, ...bokmaalForms(part).map(stem), ...(this.wordSynonyms.get(part) ?? [])])];
    // A compound is stemmed at its end: its stem is the first part, the link and the second part's stem,
    // so only the second parts need stemming (a long synonym group makes hundreds of pairs).
    const seconds = [...new Set(alternatives(parts[1]!).map(stem))];
    const found = new Set<string>();
    for (const first of alternatives(parts[0]!))
      for (const second of seconds)
        for (const link of ['', 's', 'e']) {
          const compound = first + link + second;
          if (compound !== word && this.documentFrequency.has(compound)) found.add(compound);
        }
    return [...found];
  }

  /**
   * The directory's word that one it does not know derives from, by a few letters more: «vaksinere» →
   * «vaksin», «skilsmissen» → «skilsmiss». The longest such word, if any.
   */
  private rootOf(word: string): string | undefined {
    if (this.documentFrequency.has(word)) return undefined;
    for (let length = word.length - 1; length >= Math.max(ROOT_MIN, word.length - ROOT_SUFFIX_MAX); length--)
      if (this.documentFrequency.has(word.slice(0, length))) return word.slice(0, length);
    return undefined;
  }

  /**
   * The form the directory or the dictionary knows of a word the directory does not: its bokmål form
   * («sjukeheimsplass» → «sykehjemsplass»), its lemma («sunnere» → «sunn»), or its lemma's bokmål form
   * («husleiga» → «husleige» → «husleie»). The directory's words first, then the bokmål dictionary's.
   */
  private knownForm(token: string): string | undefined {
    const lemmas = this.lexicon.isWord(token) ? [] : this.lexicon.lemmasOf(token);
    const forms = [...bokmaalForms(token), ...lemmas.flatMap((lemma) => [lemma, ...bokmaalForms(lemma)])].map((form) => ({ form, term: stem(form) }));
    const own = stem(token);
    return forms.find(({ term }) => this.vocabulary.has(term))?.term ?? forms.find(({ form, term }) => this.lexicon.isBokmaal(form) && term !== own)?.term;
  }

  /**
   * The directory's word nearest to one it does not know, as far as a typo may be (`typoDistance`). A
   * real word is only read as a variant spelling that begins as it does («vidaregåande» → «videregående»),
   * not as another word its stem happens to be near («morgen», stem «morg», is not «sorg»).
   */
  private spellingOf(term: string): string | undefined {
    const distance = this.typoDistance(term);
    if (distance === false) return undefined;
    const nearest = this.index.nearest(term, distance < 1 ? Math.round(term.length * distance) : distance);
    if (nearest && this.lexicon.isWordStem(term) && nearest.slice(0, 3) !== term.slice(0, 3)) return undefined;
    return nearest;
  }

  /** How far a word the directory does not know may be from one it does: a typo may be far, a real word only one letter. */
  private typoDistance(term: string): number | false {
    if (this.documentFrequency.has(term) || term.length < 4) return false;
    if (this.lexicon.isWordStem(term)) return term.length >= 6 ? 1 : false;
    return term.length >= 6 ? 0.2 : 1;
  }
}

/**
 * A synonym as the search matches it: by its content terms, or — when its small words carry its sense
 * and it would shrink to one word without them («har det vondt» → «vond», «fylle ut» → «fyll») —
 * word by word as written, small words included (content words stemmed).
 */
interface Phrase {
  text: string;
  terms: string[];
  pattern?: string[];
}

function readPhrase(phrase: string): Phrase {
  const content = terms(phrase);
  const tokens = tokenize(phrase);
  const collapses = tokens.length > 1 && content.length <= 1;
  return { text: content.join(' '), terms: content, ...(collapses ? { pattern: patternOf(phrase) } : {}) };
}

/** A phrase as written, small words included, content words stemmed: how it is found word by word. */
function patternOf(phrase: string): string[] {
  return tokenize(phrase).map(wordOfPhrase);
}

/**
 * A word as a phrase is matched on: a content word by its stem, a small word by one form for bokmål
 * and nynorsk and its inflections («ikkje» is «ikke», «ser» is «se»), which stemming leaves alone.
 */
function wordOfPhrase(token: string): string {
  return isStopword(token) ? (SMALL_WORD_FORMS.get(token) ?? token) : (SMALL_WORD_FORMS.get(token) ?? stem(token));
}

const SMALL_WORD_FORMS = new Map(
  Object.entries({
    ikke: 'ikkje',
    noen: 'nokon nokre noko noe',
    være: 'vere er var vært vore vera',
    sammen: 'saman',
    jeg: 'eg',
    hun: 'ho',
    se: 'ser såg sett sjå sjår',
    gå: 'går gikk gjekk gått',
    få: 'får fikk fekk fått',
    ta: 'tar tok tatt',
    komme: 'kome kjem kommer kom',
    igjen: 'att',
  }).flatMap(([form, others]) => others.split(' ').map((other) => [other, form] as const)),
);

/**
 * Where a phrase's words occur in order in a sequence, with at most one other word between two of
 * them («har det så vondt»): the first and the last position, or undefined.
 */
function spanIn(pattern: readonly string[], sequence: readonly string[]): [number, number] | undefined {
  for (let start = 0; start < sequence.length; start++) {
    if (sequence[start] !== pattern[0]) continue;
    let at: number | undefined = start;
    for (const word of pattern.slice(1)) {
      at = sequence[at + 1] === word ? at + 1 : sequence[at + 2] === word ? at + 2 : undefined;
      if (at === undefined) break;
    }
    if (at !== undefined) return [start, at];
  }
  return undefined;
}

/** Whether a hit of `score` (raw score `raw`) ranks above `hit`. */
function outranks(score: number, raw: number, hit: { score: number; raw: number }): boolean {
  return score > hit.score || (score === hit.score && raw > hit.raw);
}

function fieldText(entry: DirectoryEntry, field: (typeof FIELDS)[number]): string {
  if (field === 'keywords') return entry.keywords.join(' ');
  if (field === 'offers') return `${entry.offers} ${entry.unit} ${entry.targetGroup ?? ''}`;
  return entry[field];
}

/** Services for the asked-about age rank higher; services that exclude it sink. */
function ageFit(entry: DirectoryEntry, age: number, grownUpsOnly: boolean): number {
  if (entry.ageMin === undefined && entry.ageMax === undefined) return age < 18 && grownUpsOnly ? AGE_EXCLUDED : 1;
  const fits = (entry.ageMin ?? 0) <= age && age <= (entry.ageMax ?? 120);
  return fits ? AGE_FITS : AGE_EXCLUDED;
}

/**
 * A target group of grown-ups only («Kvinner», «Eldre og personer med demens», «Yngre personer med demens») excludes
 * children though it gives no age; it does not say which grown-ups it fits best.
 */
function forGrownUps(targetGroup: string | undefined): boolean {
  const words = targetGroup ? tokenize(targetGroup).map(stem) : [];
  return words.length > 0 && words.some((w) => GROWN_UPS.has(w)) && !words.some((w) => YOUNG.has(w));
}
const GROWN_UPS = new Set(['kvinn', 'menn', 'voksn', 'eldr', 'pensjonist', 'senior', 'demens'].map(stem));
const YOUNG = new Set(['barn', 'ung', 'ungdom', 'elev', 'famili', 'foreldr', 'all'].map(stem));
