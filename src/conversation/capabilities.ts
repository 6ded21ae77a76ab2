/** What the bot offers, in menu order. Each id has `capability.<id>.title` and `.description` in the catalogue. */
export const capabilities = ['report', 'cases', 'directory', 'guidance', 'language'] as const;
export type Capability = (typeof capabilities)[number];

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && (capabilities as readonly string[]).includes(value);
}
