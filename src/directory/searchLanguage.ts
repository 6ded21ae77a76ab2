import type { SearchLanguage } from './DirectorySearch.js';
import { NorwegianLexicon } from '../language/NorwegianLexicon.js';
import { idioms, synonymGroups } from './seedData.js';

let shared: SearchLanguage | undefined;

/** The synonyms and the dictionaries, read once per process: every municipality's index shares them. */
export function searchLanguage(): SearchLanguage {
  return (shared ??= { synonyms: synonymGroups(), idioms: idioms(), lexicon: NorwegianLexicon.fromDictionaries() });
}
