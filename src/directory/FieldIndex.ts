import SearchableMap from 'minisearch/SearchableMap';

/** BM25+ as MiniSearch scores it (its defaults): term saturation, length normalisation, a floor per match. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** MiniSearch's cap on a fuzzy distance given as a share of the term's length. */
const MAX_FUZZY = 6;
/** A query's terms are told apart by one bit each. */
export const MAX_QUERY_TERMS = 32;
/**
 * Terms that stand for one word of the question (its synonyms, its parts) count at most this many
 * times in the coordination: a service whose text happens to hold many synonyms of one word must not
 * outrank one that matches two of the question's words.
 */
const TERMS_PER_SOURCE = 2;

/** How a document's fields become indexed terms. */
export interface Analyser<D, F extends string> {
  text(document: D, field: F): string;
  tokenize(text: string): string[];
  /**
   * The terms a token is indexed under, or none (a stop word). A term may count for less than one
   * occurrence: a compound's parts, say, which are indexed beside the compound itself.
   */
  processTerm(token: string): string | readonly (string | WeightedTerm)[] | null;
}

export interface WeightedTerm {
  term: string;
  /** How much one occurrence counts (1: a whole word). */
  weight: number;
}

export interface TermQuery {
  term: string;
  /** The term's weight in the question. */
  boost: number;
  /** Also match indexed terms that begin with it. */
  prefix: boolean;
  /** Also match indexed terms this many edits away (below 1: a share of the term's length), or not. */
  fuzzy: number | false;
  /**
   * Which word of the question the term stands for (0…31); terms that share one count at most
   * {@link TERMS_PER_SOURCE} times in the coordination. Its own when not given.
   */
  source?: number;
}

export interface ScoreOptions<F extends string> {
  fields: Record<F, number>;
  /** The weight of a fuzzy and of a prefix match, before their distance lowers it. */
  fuzzy: number;
  prefix: number;
}

/** A question resolved against the index's terms: every indexed term it matches, and that term's weight. */
export interface QueryPlan {
  readonly terms: readonly { query: number; term: string; id: number; weight: number }[];
  readonly fieldBoosts: Float64Array;
  /** Per query term: the bit of the question's word it stands for. */
  readonly sources: Uint32Array;
}

export interface TermMatch<F extends string> {
  /** Which of the query's terms matched (its index). */
  query: number;
  /** The indexed term it matched: itself, a word it begins, or one a typo away. */
  term: string;
  fields: F[];
}

/**
 * An immutable full-text index scored with MiniSearch's BM25+ (per field, with field and term boosts,
 * prefix and fuzzy matches weighted by distance, and the score multiplied by how many of the query's
 * terms a document matched, at most twice per word of the question they stand for), laid out for speed:
 * each term's postings are a sorted array of document numbers with each field's BM25+ score computed
 * once at build time, and a query adds them into one reused array. MiniSearch's radix tree
 * (`SearchableMap`) finds the terms a prefix or a typo reaches.
 *
 * MiniSearch itself builds a result object per matching document and merges them per term; on a
 * directory of 10,000 entries, where common words match thousands, that was most of a search's time.
 */
export class FieldIndex<D, F extends string> {
  private readonly dictionary = new SearchableMap<number>();
  private readonly postings: Int32Array[] = [];
  /** Per term: postings × fields BM25+ scores, 0 where the field does not hold the term. */
  private readonly scores: Float32Array[] = [];
  private readonly fields: readonly F[];
  readonly documentCount: number;
  /** Scratch for one query at a time (a search runs to its end without yielding). */
  private readonly total: Float64Array;
  private readonly queried: Uint32Array;
  private readonly order: Int32Array;

  constructor(fields: readonly F[], documents: readonly D[], analyser: Analyser<D, F>) {
    this.fields = fields;
    const width = fields.length;
    const count = (this.documentCount = documents.length);
    const lengths = new Float64Array(count * width);
    const averages = new Float64Array(width);
    const frequencies = new Map<string, { docs: number[]; freqs: number[] }>();
    documents.forEach((document, doc) => {
      fields.forEach((field, f) => {
        const tokens = analyser.tokenize(analyser.text(document, field));
        // A field's length is its distinct words, stop words included (as MiniSearch counts it).
        lengths[doc * width + f] = new Set(tokens).size;
        averages[f] += lengths[doc * width + f]! / count;
        for (const token of tokens) {
          const processed = analyser.processTerm(token);
          for (const item of processed === null ? [] : typeof processed === 'string' ? [processed] : processed) {
            const { term, weight } = typeof item === 'string' ? { term: item, weight: 1 } : item;
            let posting = frequencies.get(term);
            if (!posting) frequencies.set(term, (posting = { docs: [], freqs: [] }));
            if (posting.docs[posting.docs.length - 1] !== doc) {
              posting.docs.push(doc);
              for (let i = 0; i < width; i++) posting.freqs.push(0);
            }
            posting.freqs[(posting.docs.length - 1) * width + f]! += weight;
          }
        }
      });
    });
    for (const [term, { docs, freqs }] of frequencies) {
      const scores = new Float32Array(freqs.length);
      for (let f = 0; f < width; f++) {
        let holding = 0;
        for (let i = 0; i < docs.length; i++) if (freqs[i * width + f]! > 0) holding++;
        const idf = Math.log(1 + (count - holding + 0.5) / (holding + 0.5));
        for (let i = 0; i < docs.length; i++) {
          const tf = freqs[i * width + f]!;
          if (tf === 0) continue;
          const norm = 1 - B + (B * lengths[docs[i]! * width + f]!) / averages[f]!;
          scores[i * width + f] = idf * (D + (tf * (K + 1)) / (tf + K * norm));
        }
      }
      this.dictionary.set(term, this.postings.length);
      this.postings.push(Int32Array.from(docs));
      this.scores.push(scores);
    }
    this.total = new Float64Array(count);
    this.queried = new Uint32Array(count);
    this.order = new Int32Array(count);
  }

  /** The indexed terms each query term reaches (exactly, as a prefix, within its typo distance), weighted. */
  plan(queries: readonly TermQuery[], options: ScoreOptions<F>): QueryPlan {
    if (queries.length > MAX_QUERY_TERMS) throw new RangeError(`at most ${MAX_QUERY_TERMS} query terms`);
    const terms: { query: number; term: string; id: number; weight: number }[] = [];
    queries.forEach(({ term, boost, prefix, fuzzy }, query) => {
      const exact = this.dictionary.get(term);
      if (exact !== undefined) terms.push({ query, term, id: exact, weight: boost });
      const maxDistance = fuzzy === false ? 0 : fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
      const near = maxDistance ? this.dictionary.fuzzyGet(term, maxDistance) : undefined;
      if (prefix)
        for (const [longer, id] of this.dictionary.atPrefix(term)) {
          const distance = longer.length - term.length;
          if (!distance) continue;
          // A word the term begins is scored as a prefix match, not a typo.
          near?.delete(longer);
          terms.push({ query, term: longer, id, weight: (boost * options.prefix * longer.length) / (longer.length + 0.3 * distance) });
        }
      for (const [other, [id, distance]] of near ?? []) {
        if (!distance) continue;
        terms.push({ query, term: other, id, weight: (boost * options.fuzzy * other.length) / (other.length + distance) });
      }
    });
    return {
      terms,
      fieldBoosts: Float64Array.from(this.fields, (field) => options.fields[field]),
      sources: Uint32Array.from(queries, ({ source }, query) => (1 << (source ?? query)) >>> 0),
    };
  }

  /**
   * Scores every document the plan's terms match and hands each to `visit` once, in the order they were
   * first matched: its score, and a bit per query term it matched.
   */
  forEachMatch(plan: QueryPlan, visit: (doc: number, score: number, queried: number) => void): void {
    const { total, queried, order } = this;
    const boosts = plan.fieldBoosts;
    const width = boosts.length;
    let count = 0;
    for (const { query, id, weight } of plan.terms) {
      const docs = this.postings[id]!;
      const scores = this.scores[id]!;
      const bit = (1 << query) >>> 0;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        let score = 0;
        for (let f = 0; f < width; f++) score += boosts[f]! * scores[i * width + f]!;
        if (queried[doc] === 0) order[count++] = doc;
        total[doc] += weight * score;
        queried[doc] |= bit;
      }
    }
    try {
      for (let i = 0; i < count; i++) {
        const doc = order[i]!;
        visit(doc, total[doc]! * coordination(queried[doc]!, plan.sources), queried[doc]!);
      }
    } finally {
      for (let i = 0; i < count; i++) {
        total[order[i]!] = 0;
        queried[order[i]!] = 0;
      }
    }
  }

  /** The indexed term nearest to one it does not hold, within `maxDistance` edits; the most used one of equals. */
  nearest(term: string, maxDistance: number): string | undefined {
    let best: { term: string; distance: number; postings: number } | undefined;
    for (const [other, [id, distance]] of this.dictionary.fuzzyGet(term, maxDistance)) {
      if (distance === 0) continue;
      const postings = this.postings[id]!.length;
      if (!best || distance < best.distance || (distance === best.distance && postings > best.postings)) best = { term: other, distance, postings };
    }
    return best?.term;
  }

  /** Which of the plan's terms a document matched, and in which fields: the reasons for an answer. */
  matches(plan: QueryPlan, doc: number): TermMatch<F>[] {
    const width = this.fields.length;
    const found: TermMatch<F>[] = [];
    for (const { query, term, id } of plan.terms) {
      const at = indexOf(this.postings[id]!, doc);
      if (at < 0) continue;
      const scores = this.scores[id]!;
      found.push({ query, term, fields: this.fields.filter((_, f) => scores[at * width + f]! > 0) });
    }
    return found;
  }
}

function indexOf(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!;
    if (at === value) return middle;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * How many of the query's terms a document matched, the terms that stand for one word of the question
 * counted at most {@link TERMS_PER_SOURCE} times.
 */
function coordination(queried: number, sources: Uint32Array): number {
  let words = 0;
  for (let rest = queried; rest !== 0; rest &= rest - 1) words |= sources[31 - Math.clz32(rest & -rest)]!;
  return Math.min(bitCount(queried), TERMS_PER_SOURCE * bitCount(words));
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}
