/**
 * Typed failures. Each is turned into a user-facing message in exactly one place
 * (`describeError` in `src/conversation/errorReply.ts`).
 */
abstract class AppError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The user sent something we cannot accept (bad card data, missing field). */
export class InputError extends AppError {
  override readonly name = 'InputError';
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
