import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The words of Norwegian: the lemmas of the hunspell bokmål and nynorsk dictionaries
 * (`dictionary-nb`, `dictionary-nn`, from Norsk ordbank). The search asks it whether a word is a
 * word at all — a typo is not, a nynorsk form is —, which bokmål form of a nynorsk word exists,
 * and where a compound splits.
 */
export class NorwegianLexicon {
  private constructor(
    private readonly bokmaal: ReadonlySet<string>,
    private readonly nynorsk: ReadonlySet<string>,
  ) {}

  /** Reads both dictionaries (about 0.6 s and 45 MB of heap): build one per process and share it. */
  static fromDictionaries(): NorwegianLexicon {
    return new NorwegianLexicon(lemmas(dictionaryFile('dictionary-nb')), lemmas(dictionaryFile('dictionary-nn')));
  }

  /** A lexicon of the given words, for tests. */
  static of(bokmaal: Iterable<string>, nynorsk: Iterable<string> = []): NorwegianLexicon {
    return new NorwegianLexicon(new Set(bokmaal), new Set(nynorsk));
  }

  isBokmaal(word: string): boolean {
    return this.bokmaal.has(word);
  }

  isWord(word: string): boolean {
    return this.bokmaal.has(word) || this.nynorsk.has(word);
  }

  /**
   * Whether a word is a lemma or, by its ending, an inflected form of one («syke» of «syk», «sover» of
   * «sove», «jentene» of «jente»): the dictionaries' affix rules, roughly, without expanding them all.
   */
  isWordForm(word: string): boolean {
    for (const ending of INFLECTIONS) {
      if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
      const rest = word.slice(0, word.length - ending.length);
      if (this.isWord(rest) || this.isWord(`${rest}e`)) return true;
    }
    return false;
  }

  /** Whether a stem is of a real word: a word form itself, or a lemma with what a stemmer strips put back («morg» of «morgen»). */
  isWordStem(stem: string): boolean {
    return this.isWordForm(stem) || STRIPPED.some((ending) => this.isWord(stem + ending));
  }
}

/** What a stemmer strips from a lemma: inflections and the common derivational endings. */
const STRIPPED = ['', 'e', 'en', 'er', 'et', 'a', 'ar', 'ing', 'ning', 'ig', 'lig', 'leg', 'else', 'ere', 'isk', 'ende', 'ande', 'het', 'skap'];

/** Endings of inflected nouns, verbs and adjectives, bokmål and nynorsk. */
const INFLECTIONS = ['', 'e', 'r', 'n', 't', 'a', 'er', 'en', 'et', 'ar', 'ane', 'ene', 'te', 'de', 'ere', 'est', 'ast', 'ande', 'ende'];

function dictionaryFile(name: string): string {
  // The packages' entry points load the files asynchronously; the .dic file sits beside them.
  return fileURLToPath(new URL('index.dic', import.meta.resolve(name)));
}

/** The lemmas of a hunspell .dic file: the part of each line before the affix flags, lower case only (no names). */
function lemmas(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const words = new Set<string>();
  for (let start = text.indexOf('\n') + 1; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const slash = text.indexOf('/', start);
    const word = text.slice(start, slash >= 0 && slash < end ? slash : end).trim();
    if (word && word === word.toLowerCase()) words.add(word);
    start = end + 1;
  }
  return words;
}
