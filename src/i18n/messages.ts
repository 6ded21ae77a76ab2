/**
 * Every text a user reads, one catalogue per language: bokmål (`nb.ts`) is the source; nynorsk
 * (`nn.ts`) and English (`en.ts`) must have the same keys, which the compiler checks.
 */
import { en } from './en.js';
import { nb, type Catalogue } from './nb.js';
import { nn } from './nn.js';

export type MessageKey = keyof typeof nb;
export type { Catalogue };

export const locales = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nb';

export const catalogues: Record<Locale, Catalogue> = { nb, nn, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
