import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { ConflictError } from '../errors.js';
import type { Request, Response } from 'restify';
import { translator } from '../i18n/translate.js';
import type { Store } from '../store/Store.js';
import { z } from 'zod';
import { locales, type Locale } from '../i18n/messages.js';
import { municipalityIdSchema, type MunicipalityId } from '../municipalities/Municipality.js';

/** What a link downloads: a directory file (json, csv, hsds), a resident's data, KE's overview, a referat. */
export const linkFormats = ['json', 'csv', 'hsds', 'residentAccess', 'overviewCsv', 'overviewXlsx', 'referatDocx'] as const;
export type LinkFormat = (typeof linkFormats)[number];

export interface ExportGrant {
  /** The link's own id: a link is used once (see `redeem`). */
  id: string;
  municipality: MunicipalityId;
  /** A directory file, everything stored about one resident (an access request, GDPR art. 15), or KE's overview. */
  format: LinkFormat;
  /** For `referatDocx`: the meeting whose referat is downloaded. */
  meetingId?: string;
  /** For `residentAccess`: the resident's cases (references to data, never the data itself). */
  caseIds?: string[];
  /** For the overview: the period its figures cover (inclusive dates), and the language of the file. */
  period?: { from: string; to: string };
  locale?: Locale;
  /** Who asked for the link (Entra object id), for the audit entry when it is used. */
  actor: string;
  expiresAt: number;
}

/** What a signed token must hold to be a grant: the signature proves who wrote it, the schema what it says. */
const grantSchema = z
  .object({
    id: z.string().uuid(),
    municipality: municipalityIdSchema,
    format: z.enum(linkFormats),
    meetingId: z.string().max(100).optional(),
    caseIds: z.array(z.string().max(100)).max(1000).optional(),
    locale: z.enum(locales).optional(),
    period: z
      .object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
      .strict()
      .optional(),
    actor: z.string().min(1).max(200),
    expiresAt: z.number().finite(),
  })
  .strict();

const PATHS: Record<ExportGrant['format'], string> = {
  json: '/api/directory/export',
  csv: '/api/directory/export',
  hsds: '/api/directory/export',
  residentAccess: '/api/privacy/access',
  overviewCsv: '/api/overview/export',
  overviewXlsx: '/api/overview/export',
  referatDocx: '/api/referat',
};

/** How long a link lives: a resident's data only minutes; the directory (no personal data) a little longer. */
const TTL_MS: Record<ExportGrant['format'], number> = {
  json: 10 * 60_000,
  csv: 10 * 60_000,
  hsds: 10 * 60_000,
  residentAccess: 3 * 60_000,
  overviewCsv: 10 * 60_000,
  overviewXlsx: 10 * 60_000,
  referatDocx: 10 * 60_000,
};

/** KE's overview, as a CSV or an Excel workbook (figures and the de-identified case list). */
export type OverviewFormat = 'overviewCsv' | 'overviewXlsx';

/** Why a link gives nothing: forged, malformed or expired; or used already. */
export type Refusal = 'invalid' | 'used';

/**
 * Short-lived signed download links for a KE admin's exports (the directory; a resident's data): Teams cannot take a file from a
 * bot in chat without a consent round-trip, but it opens a link. The link carries its own grant, signed
 * with a secret every instance shares (`LINK_SECRET`), and works once: the first download records
 * the link's id in the store (`linkUses`), so a copied or forwarded link gives nothing more.
 */
export class ExportLinks {
  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  create(grant: Omit<ExportGrant, 'expiresAt' | 'id'>, ttlMs = TTL_MS[grant.format]): string {
    return `${this.publicUrl.replace(/\/$/, '')}${PATHS[grant.format]}?t=${this.token(grant, ttlMs)}`;
  }

  /** The signed grant alone, for a link that is not a plain download (the «Oversikt» tab fetches a resident's data with it). */
  token(grant: Omit<ExportGrant, 'expiresAt' | 'id'>, ttlMs = TTL_MS[grant.format]): string {
    const payload = Buffer.from(JSON.stringify({ id: randomUUID(), ...grant, expiresAt: this.now() + ttlMs })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
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

  /** The grant of a link being used, once: a second use (a copied or forwarded link, a reload) is refused. `fetchedFrom` is kept with the use. */
  async redeem(token: string, fetchedFrom: FetchedFrom): Promise<ExportGrant | Refusal> {
    const grant = this.verify(token);
    if (!grant) return 'invalid';
    try {
      await this.store.create('linkUses', grant.municipality, grant.id, { usedAt: new Date(this.now()).toISOString(), format: grant.format, ...fetchedFrom });
    } catch (error) {
      if (error instanceof ConflictError) return 'used';
      throw error;
    }
    return grant;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

/**
 * The grant of a download request's link (`?t=`), redeemed once; or undefined after the refusal
 * has been sent (403 for a forged or expired link, 410 for one used already), in bokmål, naming the
 * chat command that gives a new one. Tokens are too long for a path parameter.
 */
export async function grantOf<G extends ExportGrant>(
  links: ExportLinks,
  req: Request,
  res: Response,
  accepts: (grant: ExportGrant) => grant is G,
  command: string,
): Promise<{ grant: G; fetchedFrom: FetchedFrom } | undefined> {
  const fetchedFrom: FetchedFrom = {
    address: String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? '')
      .split(',')[0]!
      .trim()
      .slice(0, 60),
    userAgent: String(req.headers['user-agent'] ?? '').slice(0, 200),
  };
  const token = linkToken(req);
  // A link for another download is refused before it is used up.
  const shown = links.verify(token);
  const refusal = shown && accepts(shown) ? await links.redeem(token, fetchedFrom) : 'invalid';
  if (typeof refusal === 'string') {
    const t = translator();
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.send(refusal === 'used' ? 410 : 403, t(refusal === 'used' ? 'link.used' : 'link.invalid', { command }));
    return undefined;
  }
  return { grant: shown as G, fetchedFrom };
}

/** The signed token of a download request's link (`?t=`). */
export function linkToken(req: Request): string {
  return new URL(req.url ?? '', 'http://localhost').searchParams.get('t') ?? '';
}

/** Where a download came from, kept with the link's use and in the audit entry. */
export interface FetchedFrom {
  address: string;
  userAgent: string;
}
