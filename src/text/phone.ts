/** "75146340" → "75 14 63 40" (Norwegian 8-digit grouping); short numbers stay as they are. */
export function formatPhone(number: string): string {
  return /^\d{8}$/.test(number) ? number.replace(/(\d{2})(?=\d)/g, '$1 ').trim() : number;
}

/** A `tel:` link with the Norwegian country code, so it dials from any phone. */
export function telUrl(number: string): string {
  return number.length === 8 ? `tel:+47${number}` : `tel:${number}`;
}
