/**
 * Text someone typed, made safe for a TextBlock or FactSet: Teams renders a markdown subset there,
 * so a typed `[link](url)`, emphasis or list would become structure. Escaped, it shows as typed.
 * (RichTextBlock TextRuns, used for the need and notes, are plain text already.)
 */
export function inert(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`).replace(/^(\s*)([#>+-]|\d+\.)/gm, (_match, space: string, marker: string) => `${space}\\${marker}`);
}
