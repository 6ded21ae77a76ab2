import MiniSearch from 'minisearch';
import type { DirectoryEntry } from './DirectoryEntry.js';
import { ageIn, isStopword, splitCompound, stem, terms, tokenize, weightedTerms } from './norwegianText.js';

export interface SearchHit {
  entry: DirectoryEntry;
  score: number;
}

/** Weight of a term the user did not write but that a synonym or a compound split added. */
const EXPANSION_WEIGHT = 0.5;
/** Weight of a term that modifies the head of the question ("… for foreldre"). */
const MODIFIER_WEIGHT = 0.6;
/** `context` is where and for whom: the unit and the target group, searched as one field. */
const FIELDS = ['name', 'keywords', 'offers', 'context'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = { name: 2.5, keywords: 2, offers: 1.5, context: 0.9 };
/**
 * An expansion found in more than this share of entries says little (low IDF) and costs a long
 * posting list on every query, so it is left out. The user's own words are always searched.
 */
const COMMON_EXPANSION_SHARE = 0.05;
/** …but never in a directory so small that every word is "common". */
const COMMON_EXPANSION_MIN = 50;
/** An entry that matches only what modifies the question, not its head, is rarely the answer. */
const MODIFIER_ONLY_FACTOR = 0.5;
/** A hit scoring below this share of the best one is noise, not an answer. */
const RELATIVE_CUTOFF = 0.25;

/**
 * Full-text search over one municipality's directory, on MiniSearch (BM25, prefix and fuzzy
 * matching) with Norwegian stemming, compound splitting, synonym expansion and age matching.
 * Immutable: build a new one when the directory changes.
 */
export class DirectorySearch {
  private readonly index: MiniSearch<DirectoryEntry>;
  private readonly byId = new Map<string, DirectoryEntry>();
  private readonly vocabulary = new Set<string>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly synonyms: string[][];

  constructor(entries: readonly DirectoryEntry[], synonymGroups: readonly string[][]) {
    this.synonyms = synonymGroups.map((group) => group.map((phrase) => terms(phrase).join(' ')).filter(Boolean));
    const active = entries.filter((entry) => !entry.retired);
    for (const entry of active) {
      this.byId.set(entry.id, entry);
      const entryTerms = new Set(FIELDS.flatMap((field) => terms(fieldText(entry, field))));
      for (const term of entryTerms) {
        this.vocabulary.add(term);
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
    for (const group of this.synonyms) for (const phrase of group) for (const term of phrase.split(' ')) this.vocabulary.add(term);

    this.index = new MiniSearch<DirectoryEntry>({
      fields: [...FIELDS],
      storeFields: [],
      extractField: (entry, field) => (field === 'id' ? entry.id : fieldText(entry, field as (typeof FIELDS)[number])),
      tokenize,
      processTerm: (token) => {
        if (isStopword(token)) return null;
        const term = stem(token);
        const parts = splitCompound(term, this.vocabulary);
        return parts.length ? [term, ...parts] : term;
      },
    });
    this.index.addAll(active);
  }

  get size(): number {
    return this.byId.size;
  }

  search(query: string, limit = 3): SearchHit[] {
    const { weights, own, head } = this.queryTerms(query);
    if (weights.size === 0) return [];
    const age = ageIn(query);
    const results = this.index.search([...weights.keys()].join(' '), {
      boost: BOOST,
      combineWith: 'OR',
      // Only words the directory does not know can be misspelt; expansions match exactly. Prefixes
      // stay for the head of the question, which often starts a compound («barnevern» → «barnevernsvakta»).
      prefix: (term) => own.has(term) && (head.has(term) || !this.documentFrequency.has(term)) && term.length >= 5,
      fuzzy: (term) => (this.isUnknown(term, own) ? (term.length >= 6 ? 0.2 : term.length >= 4 ? 1 : false) : false),
      weights: { fuzzy: 0.4, prefix: 0.6 },
      processTerm: (term) => term,
      tokenize: (text) => text.split(' '),
      boostTerm: (term) => weights.get(term) ?? 1,
      boostDocument: age === undefined ? undefined : (id) => ageFit(this.byId.get(id as string)!, age),
    });
    // Results come sorted by raw score and the adjustment only lowers scores, so the scan stops as soon
    // as no later result can enter the top `limit`.
    const top: { id: string; score: number }[] = [];
    for (const result of results) {
      if (top.length === limit && result.score < top[limit - 1]!.score) break;
      const score = result.queryTerms.some((term) => head.has(term)) ? result.score : result.score * MODIFIER_ONLY_FACTOR;
      const at = top.findIndex((hit) => hit.score < score);
      top.splice(at < 0 ? top.length : at, 0, { id: result.id as string, score });
      if (top.length > limit) top.pop();
    }
    if (top.length === 0) return [];
    const best = top[0]!.score;
    return top.filter((hit) => hit.score >= best * RELATIVE_CUTOFF).map((hit) => ({ entry: this.byId.get(hit.id)!, score: hit.score }));
  }

  private isUnknown(term: string, own: ReadonlySet<string>): boolean {
    return own.has(term) && !this.documentFrequency.has(term);
  }

  /** The user's terms at full weight, plus compound parts and synonyms at a lower weight. */
  private queryTerms(query: string): { weights: Map<string, number>; own: Set<string>; head: Set<string> } {
    const own = weightedTerms(query).filter(({ term }) => !/^\d+$/.test(term));
    const weights = new Map<string, number>();
    const ownTerms = new Set(own.map(({ term }) => term));
    const common = Math.max(COMMON_EXPANSION_MIN, this.byId.size * COMMON_EXPANSION_SHARE);
    const head = new Set<string>();
    const add = (term: string, weight: number, isHead: boolean) => {
      // The user's own words keep the role they have in the question; expansions do not promote them.
      if (ownTerms.has(term)) return;
      if ((this.documentFrequency.get(term) ?? 0) > common) return;
      weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      if (isHead) head.add(term);
    };
    for (const { term, head: isHead } of own) {
      const weight = isHead ? 1 : MODIFIER_WEIGHT;
      weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      if (isHead) head.add(term);
      for (const part of splitCompound(term, this.vocabulary)) add(part, weight * EXPANSION_WEIGHT, isHead);
    }
    const text = ` ${own.map(({ term }) => term).join(' ')} `;
    for (const group of this.synonyms) {
      const matched = own.filter(({ term }) => group.some((phrase) => phrase === term || (phrase.includes(' ') && text.includes(` ${phrase} `))));
      if (matched.length === 0 && !group.some((phrase) => text.includes(` ${phrase} `))) continue;
      const isHead = matched.some((m) => m.head) || matched.length === 0;
      for (const phrase of group) for (const term of phrase.split(' ')) add(term, (isHead ? 1 : MODIFIER_WEIGHT) * EXPANSION_WEIGHT, isHead);
    }
    return { weights, own: ownTerms, head };
  }
}

function fieldText(entry: DirectoryEntry, field: (typeof FIELDS)[number]): string {
  if (field === 'keywords') return entry.keywords.join(' ');
  if (field === 'context') return `${entry.unit} ${entry.targetGroup ?? ''}`;
  return entry[field];
}

/** Services for the asked-about age rank higher; services that exclude it sink. */
function ageFit(entry: DirectoryEntry, age: number): number {
  if (entry.ageMin === undefined && entry.ageMax === undefined) return 1;
  const fits = (entry.ageMin ?? 0) <= age && age <= (entry.ageMax ?? 120);
  return fits ? 1.5 : 0.3;
}
