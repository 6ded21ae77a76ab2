/**
 * Typed failures. Each is turned into a user-facing message in exactly one place
 * (`describeError` in `src/conversation/errorReply.ts`).
 */
import type { MessageKey } from './i18n/messages.js';

/** What the user is told when the general words for this kind of failure would not help them. */
export interface UserMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
  /** Parameters that are themselves words from the catalogue (a field's label), translated with the message. */
  labels?: Record<string, MessageKey>;
}

abstract class AppError extends Error {
  readonly userMessage?: UserMessage;

  constructor(message: string, options?: { cause?: unknown; userMessage?: UserMessage }) {
    super(message, options);
    this.userMessage = options?.userMessage;
  }
}

/** The user sent something we cannot accept (bad card data, missing field). */
export class InputError extends AppError {
  override readonly name = 'InputError';
  declare readonly userMessage: UserMessage;

  /** `message` is for developers and logs; `userMessage` names what the user reads, from the catalogue. */
  constructor(message: string, userMessage: UserMessage, options?: { cause?: unknown }) {
    super(message, { ...options, userMessage });
  }
}

/** The user is not allowed to do this (role or municipality). */
export class NotAllowedError extends AppError {
  override readonly name = 'NotAllowedError';
}

/** A write lost a race: the stored item changed since it was read (stale ETag) or already exists. */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
}

/** Something that must exist does not. Prefer returning `undefined` where absence is an expected outcome. */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
}

/** The store could not be reached or did not answer in time; nothing was saved. */
export class StoreUnavailableError extends AppError {
  override readonly name = 'StoreUnavailableError';
}

/** The specific words an error carries for the user, if any. */
export function userMessageOf(error: unknown): UserMessage | undefined {
  return error instanceof AppError ? error.userMessage : undefined;
}
