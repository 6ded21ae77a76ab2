import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { FieldIndex, MAX_QUERY_TERMS, type TermQuery } from '../../../src/directory/FieldIndex.js';

type Field = 'name' | 'body';
interface Doc {
  id: number;
  name: string;
  body: string;
}

const FIELDS: Field[] = ['name', 'body'];
const tokenize = (text: string) => text.split(' ').filter(Boolean);
/** Short words so that prefixes and typos meet; «x» is a stop word and «ab» is also indexed as «a» + «b». */
const processTerm = (token: string): string | string[] | null => (token === 'x' ? null : token === 'ab' ? ['ab', 'a', 'b'] : token);
const word = fc.constantFrom('a', 'ab', 'abc', 'abd', 'b', 'bc', 'bcd', 'x', 'cab', 'dcb', 'abcd');
const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
const docs = fc.array(fc.record({ name: text, body: text }), { minLength: 1, maxLength: 12 });
const query = fc.record({
  term: fc.constantFrom('a', 'ab', 'abc', 'b', 'bc', 'bcx', 'cab', 'dca', 'zz'),
  boost: fc.constantFrom(0.3, 1, 2),
  prefix: fc.boolean(),
  fuzzy: fc.constantFrom<number | false>(false, 1, 2, 0.4),
});
const options = { fields: { name: 2.5, body: 1.5 }, fuzzy: 0.4, prefix: 0.6 };

/** What MiniSearch itself answers: the reference the flat index must agree with. */
function miniSearch(documents: Doc[], queries: TermQuery[]): Map<number, { score: number; queryTerms: string[] }> {
  const index = new MiniSearch<Doc>({ fields: FIELDS, storeFields: [], tokenize, processTerm });
  index.addAll(documents);
  const specs = new Map(queries.map((q) => [q.term, q]));
  const results = index.search(queries.map((q) => q.term).join(' '), {
    boost: options.fields,
    combineWith: 'OR',
    prefix: (term) => specs.get(term)!.prefix,
    fuzzy: (term) => specs.get(term)!.fuzzy,
    weights: { fuzzy: options.fuzzy, prefix: options.prefix },
    boostTerm: (term) => specs.get(term)!.boost,
    processTerm: (term) => term,
    tokenize,
  });
  return new Map(results.map((r) => [r.id as number, { score: r.score, queryTerms: r.queryTerms }]));
}

function flat(documents: Doc[], queries: TermQuery[]) {
  const index = new FieldIndex(FIELDS, documents, { text: (doc, field) => doc[field], tokenize, processTerm });
  const plan = index.plan(queries, options);
  const found = new Map<number, { score: number; queryTerms: string[] }>();
  index.forEachMatch(plan, (doc, score, queried) => {
    found.set(documents[doc]!.id, { score, queryTerms: queries.filter((_, i) => queried & (1 << i)).map((q) => q.term) });
  });
  return { index, plan, found };
}

describe('FieldIndex', () => {
  it('scores every document as MiniSearch does (BM25+, field and term boosts, prefix and fuzzy, matched-term count)', () => {
    fc.assert(
      fc.property(docs, fc.uniqueArray(query, { selector: (q) => q.term, minLength: 1, maxLength: 4 }), (rows, queries) => {
        const documents = rows.map((row, id) => ({ id, ...row }));
        const expected = miniSearch(documents, queries);
        const { found } = flat(documents, queries);
        expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [id, { score, queryTerms }] of expected) {
          expect(found.get(id)!.score).toBeCloseTo(score, 4);
          expect(found.get(id)!.queryTerms.sort()).toEqual([...queryTerms].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells which indexed words matched which query term, in which fields', () => {
    const documents = [
      { id: 0, name: 'abc', body: 'ab x' },
      { id: 1, name: 'bcd', body: 'dcb' },
    ];
    const queries: TermQuery[] = [
      { term: 'ab', boost: 1, prefix: true, fuzzy: false },
      { term: 'dca', boost: 1, prefix: false, fuzzy: 1 },
    ];
    const { index, plan } = flat(documents, queries);
    expect(index.matches(plan, 0)).toEqual([
      { query: 0, term: 'ab', fields: ['body'] },
      { query: 0, term: 'abc', fields: ['name'] },
    ]);
    expect(index.matches(plan, 1)).toEqual([{ query: 1, term: 'dcb', fields: ['body'] }]);
  });

  it('counts a term indexed at a weight below one as part of an occurrence (a compound’s part)', () => {
    const documents = [
      { id: 0, name: 'ab', body: '' },
      { id: 1, name: 'a', body: '' },
    ];
    const parts = (weight: number) =>
      new FieldIndex(FIELDS, documents, {
        text: (doc, field) => doc[field],
        tokenize,
        processTerm: (token) => (token === 'ab' ? ['ab', { term: 'a', weight }] : token),
      });
    const scores = (index: ReturnType<typeof parts>) => {
      const found: number[] = [];
      index.forEachMatch(index.plan([{ term: 'a', boost: 1, prefix: false, fuzzy: false }], options), (doc, score) => (found[doc] = score));
      return found;
    };
    const [whole, half] = [scores(parts(1)), scores(parts(0.5))];
    expect(whole[0]).toBeCloseTo(whole[1]!, 6);
    expect(half[0]).toBeLessThan(half[1]!);
  });

  it('counts the terms that stand for one word of the question at most twice in the coordination', () => {
    const documents = [
      { id: 0, name: 'a b c', body: '' },
      { id: 1, name: 'a d', body: '' },
    ];
    const term = (t: string, source?: number): TermQuery => ({ term: t, boost: 1, prefix: false, fuzzy: false, ...(source === undefined ? {} : { source }) });
    const score = (queries: TermQuery[]) => {
      const { found } = flat(documents, queries);
      return [found.get(0)!.score, found.get(1)!.score];
    };
    // Unrelated terms: three matched count three times, as in MiniSearch.
    const [ownThree, ownTwo] = score([term('a'), term('b'), term('c'), term('d')]);
    // «a», «b» and «c» as synonyms of one word: twice, not three times; «a» and «d», two words, still twice.
    const [synonymsThree, twoWords] = score([term('a', 0), term('b', 0), term('c', 0), term('d', 1)]);
    expect(synonymsThree).toBeCloseTo((ownThree! * 2) / 3, 6);
    expect(twoWords).toBeCloseTo(ownTwo!, 6);
  });

  it('leaves no trace of one query in the next, even when the caller throws', () => {
    const documents = [{ id: 0, name: 'abc', body: 'b' }];
    const { index, plan } = flat(documents, [{ term: 'abc', boost: 1, prefix: false, fuzzy: false }]);
    const scores: number[] = [];
    expect(() =>
      index.forEachMatch(plan, () => {
        throw new Error('visit failed');
      }),
    ).toThrow('visit failed');
    index.forEachMatch(plan, (_, score) => scores.push(score));
    index.forEachMatch(plan, (_, score) => scores.push(score));
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[1]).toBe(scores[0]);
  });

  it(`refuses more than ${MAX_QUERY_TERMS} query terms (one bit each)`, () => {
    const { index } = flat([{ id: 0, name: 'a', body: '' }], []);
    const many = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => ({ term: `t${i}`, boost: 1, prefix: false, fuzzy: false as const }));
    expect(() => index.plan(many, options)).toThrow(RangeError);
    expect(() => index.plan(many.slice(0, MAX_QUERY_TERMS), options)).not.toThrow();
  });
});
