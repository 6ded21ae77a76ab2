import type { z } from 'zod';
import { InputError } from '../errors.js';

/** Card data checked against its schema; anything else is an `InputError` with the given Norwegian message. */
export function cardData<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, message: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InputError(message);
  return parsed.data;
}
