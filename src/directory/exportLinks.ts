import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { municipalityIdSchema, type MunicipalityId } from '../municipalities/Municipality.js';
import type { DirectoryFormat } from './directoryFormats.js';

export interface ExportGrant {
  municipality: MunicipalityId;
  /** A directory file, or everything stored about one resident (an access request, GDPR art. 15). */
  format: DirectoryFormat | 'residentAccess';
  /** For `residentAccess`: the resident's cases (references to data, never the data itself). */
  caseIds?: string[];
  /** Who asked for the link (Entra object id), for the audit entry when it is used. */
  actor: string;
  expiresAt: number;
}

/** What a signed token must hold to be a grant: the signature proves who wrote it, the schema what it says. */
const grantSchema = z
  .object({
    municipality: municipalityIdSchema,
    format: z.enum(['json', 'csv', 'hsds', 'residentAccess']),
    caseIds: z.array(z.string().max(100)).max(1000).optional(),
    actor: z.string().min(1).max(200),
    expiresAt: z.number().finite(),
  })
  .strict();

const PATHS: Record<ExportGrant['format'], string> = {
  json: '/api/directory/export',
  csv: '/api/directory/export',
  hsds: '/api/directory/export',
  residentAccess: '/api/privacy/access',
};

/**
 * Short-lived signed download links for a KE admin's exports (the directory; a resident's data): Teams cannot take a file from a
 * bot in chat without a consent round-trip, but it opens a link. The link carries its own grant, signed
 * with a secret every instance shares (`LINK_SECRET`).
 */
export class ExportLinks {
  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  create(grant: Omit<ExportGrant, 'expiresAt'>, ttlMs = 10 * 60_000): string {
    const payload = Buffer.from(JSON.stringify({ ...grant, expiresAt: this.now() + ttlMs })).toString('base64url');
    return `${this.publicUrl.replace(/\/$/, '')}${PATHS[grant.format]}?t=${payload}.${this.sign(payload)}`;
  }

  /** The grant in a token, or undefined when it is forged, malformed or expired. */
  verify(token: string): ExportGrant | undefined {
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const grant = grantSchema.safeParse(json);
    return grant.success && grant.data.expiresAt > this.now() ? grant.data : undefined;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
