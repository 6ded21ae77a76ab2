import type { z } from 'zod';
import { InputError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';

/** Card data checked against its schema; anything else is an `InputError` whose words for the user are `key`. */
export function cardData<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, key: MessageKey): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InputError(`card data: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`, { key });
  return parsed.data;
}
