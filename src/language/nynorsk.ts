/**
 * Systematic nynorsk → bokmål correspondences, applied to whole words and inside compounds
 * («sjukeheimsplass» → «sykehjemsplass», «vanskar» → «vansker»). They only propose forms: a form
 * counts when the bokmål dictionary or the directory knows it, so a rule that fires wrongly
 * («heim» in a word that has nothing to do with home) proposes a word nobody knows and is dropped.
 * Words that differ outright («drosje» / «taxi») are synonyms, not rules.
 */
const RULES: readonly [RegExp, string][] = [
  [/^kv(?=[aeiouyæøå])/u, 'hv'],
  [/kvardag/gu, 'hverdag'],
  [/sjuk/gu, 'syk'],
  [/heime/gu, 'hjemme'],
  [/heim/gu, 'hjem'],
  [/vaks/gu, 'voks'],
  [/skul/gu, 'skol'],
  [/tenest/gu, 'tjenest'],
  [/bustad/gu, 'bosted'],
  [/laus/gu, 'løs'],
  [/rettleiing/gu, 'veiledning'],
  [/gjeving/gu, 'givning'],
  [/eigen/gu, 'egen'],
  [/vald/gu, 'vold'],
  [/^sjølv/u, 'selv'],
  [/brot$/u, 'brudd'],
  [/løn$/u, 'lønn'],
  [/gut$/u, 'gutt'],
  [/øy/gu, 'ø'],
  [/leg$/u, 'lig'],
  [/(?<=\p{L}{3})ar$/u, 'er'],
  [/(?<=\p{L}{3})ane$/u, 'ene'],
  [/(?<=\p{L}{3})je$/u, 'e'],
];

/** At most this many rules combine in one word; more would say the word is not nynorsk at all. */
const MAX_RULES = 3;

/** Bokmål forms a nynorsk word may stand for, nearest first (fewest changes); never the word itself. */
export function bokmaalForms(word: string): string[] {
  let forms: { form: string; changes: number }[] = [{ form: word, changes: 0 }];
  for (const [pattern, replacement] of RULES) {
    const next = [...forms];
    for (const { form, changes } of forms) {
      if (changes >= MAX_RULES || !pattern.test(form)) continue;
      pattern.lastIndex = 0;
      next.push({ form: form.replace(pattern, replacement), changes: changes + 1 });
    }
    forms = next;
  }
  const seen = new Set([word]);
  return forms
    .sort((a, b) => a.changes - b.changes)
    .map(({ form }) => form)
    .filter((form) => !seen.has(form) && (seen.add(form), true));
}
