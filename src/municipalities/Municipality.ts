import { z } from 'zod';

/** A municipality's id: a lower-case slug, also the partition key of all its data ("rana", "testvik", "indre-fosen"). */
export type MunicipalityId = string;

export const municipalityIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'lower-case letters a–z, digits and single hyphens, starting with a letter')
  .min(2)
  .max(40);

/** Entra tenant ids are GUIDs; local trials and tests use readable ids, so any short token is accepted. */
const tenantIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,64}$/, 'a tenant id (GUID)');
const phoneSchema = z
  .string()
  .trim()
  .regex(/^\d{8}$/, '8 digits');

/**
 * A municipality that uses the bot: data, added by municipal IT with `npm run municipality -- add`.
 * Several municipalities may share one Microsoft 365 tenant (an inter-municipal IT cooperation).
 */
export const municipalitySchema = z.object({
  id: municipalityIdSchema,
  name: z.string().trim().min(2).max(80),
  tenantIds: z.array(tenantIdSchema).max(20).default([]),
  /** Numbers the "no hit" answer offers: the front desk (Servicetorget) and KE. */
  phones: z.object({ servicetorget: phoneSchema.optional(), ke: phoneSchema.optional() }).default({}),
  /** The language of users who have not chosen one. */
  defaultLanguage: z.enum(['nb', 'nn']).default('nb'),
  /** Reminder intervals and working hours the municipality has set (the reminders feature validates them and fills in defaults). */
  reminders: z.record(z.string(), z.number()).default({}),
  createdAt: z.string().optional(),
});

export type Municipality = z.infer<typeof municipalitySchema>;
export type MunicipalityInput = z.input<typeof municipalitySchema>;
