import { ConflictError, InputError, NotAllowedError, NotFoundError, StoreUnavailableError, userMessageOf } from '../errors.js';
import type { Translate } from '../i18n/translate.js';
import type { AdaptiveCardContent, CardAttachment } from '../cards/expandCard.js';

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
 * The one way a Universal Action (Action.Execute) becomes what Teams shows in place of the clicked
 * card, always with HTTP 200: the card (or words) `work` gives; when it fails as expected, the card
 * `recover` makes of the failure – the thing as it is now, with the reason – or else the failure's
 * words, and the clicked card stays as it was (a form keeps what was typed). A bug still throws.
 */
export async function livingCard(
  t: Translate,
  work: () => Promise<CardAttachment | string>,
  recover?: (error: unknown, words: string) => Promise<CardAttachment | undefined> | CardAttachment | undefined,
): Promise<AdaptiveCardContent | string> {
  try {
    const answer = await work();
    return typeof answer === 'string' ? answer : answer.content;
  } catch (error) {
    const reply = describeError(error, t, '');
    if (!reply.expected) throw error;
    const card = recover ? await Promise.resolve(recover(error, reply.text)).catch(() => undefined) : undefined;
    return card ? card.content : reply.text;
  }
}
