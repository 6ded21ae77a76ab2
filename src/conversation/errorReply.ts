import { ConflictError, InputError, NotAllowedError, NotFoundError, StoreUnavailableError, userMessageOf } from '../errors.js';
import type { Translate } from '../i18n/translate.js';

export interface ErrorReply {
  text: string;
  /** Expected failures are warnings; anything else is a bug worth an error log. */
  expected: boolean;
}

/** The one place a failure becomes words for the user. */
export function describeError(error: unknown, t: Translate, reference: string): ErrorReply {
  const message = userMessageOf(error);
  const specific =
    message && t(message.key, { ...message.params, ...Object.fromEntries(Object.entries(message.labels ?? {}).map(([name, key]) => [name, t(key)])) });
  if (error instanceof InputError) return { text: t('error.input', { detail: specific! }), expected: true };
  if (error instanceof ConflictError && specific) return { text: specific, expected: true };
  if (error instanceof NotAllowedError) return { text: specific ?? t('error.notAllowed'), expected: true };
  if (error instanceof NotFoundError) return { text: specific ?? t('error.notFound'), expected: true };
  if (error instanceof ConflictError) return { text: t('error.conflict'), expected: true };
  if (error instanceof StoreUnavailableError) return { text: t('error.storeUnavailable'), expected: true };
  return { text: t('error.generic', { reference }), expected: false };
}

/**
 * Runs the work of a Universal Action (Action.Execute): an expected refusal becomes its words,
 * which Teams shows in place (HTTP 200), instead of a generic card error; a bug still throws.
 */
export async function refusalInWords<T>(t: Translate, work: () => Promise<T>): Promise<T | string> {
  try {
    return await work();
  } catch (error) {
    const reply = describeError(error, t, '');
    if (!reply.expected) throw error;
    return reply.text;
  }
}
