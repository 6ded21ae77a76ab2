import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { MessageKey } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import type { Municipalities } from '../municipalities/Municipalities.js';
import type { Municipality } from '../municipalities/Municipality.js';

/** Who is calling a tab's API: their Entra object id, and their tenant (SSO) or the municipality a dev sign-in chose. */
export type TabIdentity = { userId: string } & ({ tenantId: string } | { municipality: string });

/** How the tab's callers are identified: Teams SSO (Entra ID tokens), or a local trial's dev sign-in. */
export type TabAuthMode =
  | {
      kind: 'sso';
      /** https://login.microsoftonline.com, or a test's local issuer. */
      authority: string;
      /** The app's `webApplicationInfo`: its client id and its Application ID URI. */
      audiences: readonly string[];
    }
  | { kind: 'off' }
  | { kind: 'dev' };

/** Why a request has no identity: no token at all (401), or one that does not hold (401). */
export type TabRefusal = 'missing' | 'invalid';

/**
 * Identifies the caller of a tab's API. With SSO, the `Authorization: Bearer` token teams-js's
 * `authentication.getAuthToken()` gave the page: an Entra ID token checked with jose — RS256
 * signature against the issuer's published keys, the audience (this app), the issuer (the token's
 * own tenant, v2 or v1 form) and the expiry (one minute's leeway). In a local trial without a
 * bot registration, the page's dev sign-in names a seeded user in `x-dev-user` (`municipality/userId`).
 */
export function tabIdentifier(
  mode: TabAuthMode,
  logger: Logger,
): (headers: Record<string, string | string[] | undefined>) => Promise<TabIdentity | TabRefusal> {
  if (mode.kind === 'off') return async () => 'missing';
  if (mode.kind === 'dev') {
    return async (headers) => {
      const match = /^([a-z0-9-]{2,40})\/([\w.@-]{1,100})$/.exec(String(headers['x-dev-user'] ?? '').trim());
      return match ? { municipality: match[1]!, userId: match[2]! } : 'missing';
    };
  }
  const authority = mode.authority.replace(/\/$/, '');
  const keys = createRemoteJWKSet(new URL(`${authority}/common/discovery/v2.0/keys`), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  return async (headers) => {
    const match = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/.exec(String(headers.authorization ?? '').trim());
    if (!match) return 'missing';
    const token = match[1]!;
    try {
      const tid = decodeJwt(token).tid;
      if (typeof tid !== 'string' || !/^[\w-]{1,64}$/.test(tid)) return 'invalid';
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience: [...mode.audiences],
        issuer: [`${authority}/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
        clockTolerance: 60,
        requiredClaims: ['exp', 'oid', 'tid'],
      });
      return typeof payload.oid === 'string' ? { tenantId: tid, userId: payload.oid } : 'invalid';
    } catch (error) {
      logger.warn({ reason: (error as Error).message }, 'tab request refused: token does not hold');
      return 'invalid';
    }
  };
}

/** A signed-in caller of the tab's API, in their municipality; or why not (401 or 403, in the catalogue's words). */
export type TabCaller = { municipality: Municipality; userId: string } | { status: 401 | 403; key: MessageKey };

/**
 * Who calls, as the chat knows them: the identity of the request, in the municipality its tenant
 * (or, on a shared tenant, the person's membership) resolves to — as `municipalityGate` does for turns.
 */
export function tabCaller(
  identify: (headers: Record<string, string | string[] | undefined>) => Promise<TabIdentity | TabRefusal>,
  municipalities: Municipalities,
): (headers: Record<string, string | string[] | undefined>) => Promise<TabCaller> {
  return async (headers) => {
    const identity = await identify(headers);
    if (typeof identity === 'string') return { status: 401, key: 'tab.error.unauthorized' };
    if ('municipality' in identity) {
      const municipality = await municipalities.get(identity.municipality);
      return municipality ? { municipality, userId: identity.userId } : { status: 403, key: 'municipality.unknown' };
    }
    const resolution = await municipalities.resolve(identity.tenantId, identity.userId);
    if (resolution.kind === 'resolved') return { municipality: resolution.municipality, userId: identity.userId };
    return { status: 403, key: resolution.kind === 'notConnected' ? 'municipality.unknown' : 'tab.error.chooseMunicipality' };
  };
}
