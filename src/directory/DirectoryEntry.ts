import { z } from 'zod';
import { municipalityIdSchema } from '../municipalities/Municipality.js';

const phoneNumber = z.string().regex(/^\d{5,8}$/, 'telefonnummer skal ha 5–8 sifre');

/**
 * One service in a municipality's directory ("hvem kontakter jeg for …?"). Maps onto Open Referral
 * HSDS: organisation = `unit`, service = `name`/`offers`, phone = `phones`, eligibility = `targetGroup`/ages,
 * application_process = `howToApply`.
 */
export const directoryEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,80}$/),
  category: z.string().min(1).max(120),
  unit: z.string().min(1).max(160),
  name: z.string().min(1).max(160),
  phones: z.array(z.object({ number: phoneNumber, label: z.string().max(80).optional() })).max(5),
  email: z.string().email().optional(),
  web: z.string().url().optional(),
  contactRole: z.string().max(120).optional(),
  offers: z.string().min(1).max(1000),
  targetGroup: z.string().max(200).optional(),
  ageMin: z.number().int().min(0).max(120).optional(),
  ageMax: z.number().int().min(0).max(120).optional(),
  howToApply: z.string().max(400).optional(),
  keywords: z.array(z.string().min(1).max(80)).max(40).default([]),
  lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  retired: z.boolean().optional(),
});

export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryFileSchema = z.object({
  municipality: municipalityIdSchema,
  source: z.string(),
  entries: z.array(directoryEntrySchema),
});
