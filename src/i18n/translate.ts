import { catalogues, defaultLocale, type Locale, type MessageKey } from './messages.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator bound to one locale; unknown placeholders are left visible rather than silently dropped. */
export function translator(locale: Locale = defaultLocale): Translate {
  const catalogue = catalogues[locale];
  return (key, params = {}) => catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
