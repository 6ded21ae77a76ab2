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
const FIELDS = ['name', 'keywords', 'offers', 'category', 'unit', 'targetGroup', 'howToApply'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = { name: 2.5, keywords: 2, offers: 1.5, category: 0.6, unit: 1, targetGroup: 0.8, howToApply: 0.3 };
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
  private readonly synonyms: string[][];

  constructor(entries: readonly DirectoryEntry[], synonymGroups: readonly string[][]) {
    this.synonyms = synonymGroups.map((group) => group.map((phrase) => terms(phrase).join(' ')).filter(Boolean));
    const active = entries.filter((entry) => !entry.retired);
    for (const entry of active) {
      this.byId.set(entry.id, entry);
      for (const field of FIELDS) for (const term of terms(fieldText(entry, field))) this.vocabulary.add(term);
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
    const weights = this.queryTerms(query);
    if (weights.size === 0) return [];
    const age = ageIn(query);
    const results = this.index.search([...weights.keys()].join(' '), {
      boost: BOOST,
      combineWith: 'OR',
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : term.length >= 4 ? 1 : false),
      weights: { fuzzy: 0.4, prefix: 0.6 },
      processTerm: (term) => term,
      tokenize: (text) => text.split(' '),
      boostTerm: (term) => weights.get(term) ?? 1,
      boostDocument: age === undefined ? undefined : (id) => ageFit(this.byId.get(id as string)!, age),
    });
    if (results.length === 0) return [];
    const best = results[0]!.score;
    return results
      .filter((result) => result.score >= best * RELATIVE_CUTOFF)
      .slice(0, limit)
      .map((result) => ({ entry: this.byId.get(result.id as string)!, score: result.score }));
  }

  /** The user's terms at full weight, plus compound parts and synonyms at a lower weight. */
  private queryTerms(query: string): Map<string, number> {
    const own = weightedTerms(query).filter(({ term }) => !/^\d+$/.test(term));
    const weights = new Map<string, number>();
    const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    for (const { term, head } of own) {
      const weight = head ? 1 : MODIFIER_WEIGHT;
      add(term, weight);
      for (const part of splitCompound(term, this.vocabulary)) add(part, weight * EXPANSION_WEIGHT);
    }
    const text = ` ${own.map(({ term }) => term).join(' ')} `;
    for (const group of this.synonyms) {
      const matched = own.filter(({ term }) => group.some((phrase) => phrase === term || (phrase.includes(' ') && text.includes(` ${phrase} `))));
      if (matched.length === 0 && !group.some((phrase) => text.includes(` ${phrase} `))) continue;
      const weight = (matched.some(({ head }) => head) || matched.length === 0 ? 1 : MODIFIER_WEIGHT) * EXPANSION_WEIGHT;
      for (const phrase of group) for (const term of phrase.split(' ')) add(term, weight);
    }
    return weights;
  }
}

function fieldText(entry: DirectoryEntry, field: (typeof FIELDS)[number]): string {
  if (field === 'keywords') return entry.keywords.join(' ');
  return entry[field] ?? '';
}

/** Services for the asked-about age rank higher; services that exclude it sink. */
function ageFit(entry: DirectoryEntry, age: number): number {
  if (entry.ageMin === undefined && entry.ageMax === undefined) return 1;
  const fits = (entry.ageMin ?? 0) <= age && age <= (entry.ageMax ?? 120);
  return fits ? 1.5 : 0.3;
}
