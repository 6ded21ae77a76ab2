/** What stands where personal data was taken out of a question. */
export const MASK = '***';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A word, a number with its separators (a date, a phone number, a national id), or anything between. */
const PIECE = /[\p{L}\p{N}]+(?:[.\-/:][\p{L}\p{N}]+)*|[^\p{L}\p{N}]+/gu;
const CAPITALISED = /^\p{Lu}/u;

/** What tells a personal name from a word: the dictionaries, and the directory's own words. */
export interface KnownWords {
  norwegian(word: string): boolean;
  directory(word: string): boolean;
}

/**
 * A question as it may be stored: e-mail addresses, anything with a digit in it (phone numbers,
 * national ids, dates, addresses' numbers) and words that look like personal names become
 * {@link MASK}; masks next to each other become one. Norwegian writes only names with a capital
 * inside a sentence, so a capitalised word there is a name unless the directory has it («NAV»,
 * «Barnehus»); at the start of a sentence it is a name unless it is a word at all («Tilpasse»).
 * Names that are words too («Liv», «Berg») are caught inside a sentence, not at its start.
 */
export function maskQuestion(text: string, known: KnownWords): string {
  const pieces = text.normalize('NFC').replace(EMAIL, MASK).match(PIECE) ?? [];
  const out: string[] = [];
  let sentenceStart = true;
  for (const piece of pieces) {
    const isWord = /[\p{L}\p{N}]/u.test(piece);
    const masked = piece === MASK || (isWord && isPersonal(piece, known, sentenceStart)) ? MASK : piece;
    if (isWord) sentenceStart = false;
    else if (/[.!?:]\s*$/u.test(piece)) sentenceStart = true;
    if (masked === MASK) {
      // «Ola Nordmann», «22 33 44 55»: one mask for the run, whatever separated its parts.
      while (out.length && /^[\s,.\-/:()+]*$/u.test(out[out.length - 1]!) && out[out.length - 2] === MASK) out.pop();
      if (out[out.length - 1] === MASK) continue;
    }
    out.push(masked);
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

function isPersonal(piece: string, known: KnownWords, sentenceStart: boolean): boolean {
  if (/\p{N}/u.test(piece)) return true;
  if (!CAPITALISED.test(piece)) return false;
  const isKnown = (part: string) => known.directory(part) || (sentenceStart && known.norwegian(part));
  return !piece.split(/[.\-/:]/u).every(isKnown);
}
