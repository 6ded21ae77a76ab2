import type { Router } from '../conversation/router.js';
import type { Request, RequestHandler } from 'restify';
import type { TabCaller } from '../auth/tabIdentity.js';
import type { MessageKey } from '../i18n/messages.js';
import { translator } from '../i18n/translate.js';
import { z } from 'zod';
import { privacyRequestCard } from './cards.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import { grantOf, linkToken, type ExportGrant, type ExportLinks } from '../links/ExportLinks.js';
import { InputError } from '../errors.js';
import type { Roles } from '../roles/Roles.js';
import type { DataCare } from './DataCare.js';

const ACCESS = /^\s*(innsyn|innsynskrav|access request)\s*$/i;
const ERASE = /^\s*(sletting|slettekrav|erasure request)\s*$/i;
const residentData = z.object({ name: z.string().trim().min(2).max(120), birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/**
 * Where a resident-data link leads. With Teams SSO it opens the «Oversikt» tab (Teams' deep link,
 * the signed grant as the tab's sub-page), which fetches the file with the requester's own token, so
 * only they can use it; without SSO (a local trial) it is a plain single-use download link.
 */
export function residentLink(
  links: ExportLinks,
  grant: { municipality: string; caseIds: string[]; actor: string },
  tabUrl?: string,
): { link: string; key: MessageKey } {
  if (!tabUrl) return { link: links.create({ ...grant, format: 'residentAccess' }), key: 'privacy.access.ready' };
  const context = JSON.stringify({ subEntityId: `${INNSYN_PREFIX}${links.token({ ...grant, format: 'residentAccess' })}` });
  return { link: `${tabUrl}?context=${encodeURIComponent(context)}`, key: 'privacy.access.readyTab' };
}

/** The tab's sub-page that names an access file to fetch: this prefix and the signed grant. */
export const INNSYN_PREFIX = 'innsyn.';

/** «innsyn» and «sletting»: a KE admin's access and erasure requests about one resident. */
export function privacyRoutes(
  router: Router,
  {
    dataCare,
    roles,
    links,
    tabUrl,
  }: { dataCare: DataCare; roles: Roles; links: ExportLinks; /** Set when downloads are bound to the requester through the tab. */ tabUrl?: string },
): void {
  for (const [pattern, mode] of [
    [ACCESS, 'access'],
    [ERASE, 'erase'],
  ] as const) {
    router.message(pattern, async (context, state) => {
      const { t, municipality, userId } = turnScope(context, state);
      await roles.require(municipality, userId, 'keAdmin');
      await context.sendActivity({ attachments: [privacyRequestCard(t, mode)] });
    });
  }

  router.submit('privacyAccess', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    const actor = await roles.require(municipality, userId, 'keAdmin');
    const resident = cardData(residentData, data, 'privacy.required');
    const caseIds = await dataCare.requestAccess(municipality, actor, resident);
    if (caseIds.length === 0) return void (await context.sendActivity(t('privacy.none')));
    const { link, key } = residentLink(links, { municipality, caseIds, actor }, tabUrl);
    await context.sendActivity(t(key, { count: caseIds.length, link }));
  });

  router.submit('privacyErase', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    const actor = await roles.require(municipality, userId, 'keAdmin');
    const form = cardData(residentData.extend({ confirm: z.string().optional() }), data, 'privacy.required');
    if (form.confirm !== 'true') throw new InputError('not confirmed', { key: 'privacy.confirmRequired' });
    const count = await dataCare.erase(municipality, actor, form);
    await context.sendActivity(count === 0 ? t('privacy.none') : t('privacy.erased', { count }));
  });
}

/**
 * `GET /api/privacy/access?t=TOKEN`: the access report behind a signed link, as JSON, once; each
 * disclosure audited with where it was fetched from. With `caller` (Teams SSO), only the person who
 * asked for it may fetch it, with their token: anyone else is refused before the link is used up.
 */
export function accessRoute({
  links,
  dataCare,
  caller,
}: {
  links: ExportLinks;
  dataCare: DataCare;
  caller?: (headers: Request['headers']) => Promise<TabCaller>;
}): RequestHandler {
  return async (req, res) => {
    if (caller) {
      const t = translator();
      const who = await caller(req.headers);
      const refuse = (status: number, text: string) => {
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.send(status, text);
      };
      if ('status' in who) return refuse(who.status, t(who.key));
      const shown = links.verify(linkToken(req));
      if (shown && (shown.municipality !== who.municipality.id || shown.actor !== who.userId)) return refuse(403, t('privacy.access.notYours'));
    }
    const redeemed = await grantOf(
      links,
      req,
      res,
      (grant): grant is ExportGrant & { caseIds: string[] } => grant.format === 'residentAccess' && Boolean(grant.caseIds),
      '«innsyn»',
    );
    if (!redeemed) return;
    const { grant, fetchedFrom } = redeemed;
    const report = await dataCare.accessReport(grant.municipality, grant.actor, grant.caseIds, { link: grant.id, ...fetchedFrom });
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="innsyn-${grant.municipality}-${report.generatedAt.slice(0, 10)}.json"`);
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(200, JSON.stringify(report, null, 2));
  };
}
