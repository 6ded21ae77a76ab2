import type { Router } from '../conversation/router.js';
import type { RequestHandler } from 'restify';
import { z } from 'zod';
import { privacyRequestCard } from './cards.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import { grantOf, type ExportGrant, type ExportLinks } from '../directory/exportLinks.js';
import { InputError } from '../errors.js';
import type { Roles } from '../roles/Roles.js';
import type { DataCare } from './DataCare.js';

const ACCESS = /^\s*(innsyn|innsynskrav|access request)\s*$/i;
const ERASE = /^\s*(sletting|slettekrav|erasure request)\s*$/i;
const residentData = z.object({ name: z.string().trim().min(2).max(120), birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** «innsyn» and «sletting»: a KE admin's access and erasure requests about one resident. */
export function privacyRoutes(router: Router, { dataCare, roles, links }: { dataCare: DataCare; roles: Roles; links: ExportLinks }): void {
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
    const link = links.create({ municipality, format: 'residentAccess', caseIds, actor });
    await context.sendActivity(t('privacy.access.ready', { count: caseIds.length, link }));
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

/** `GET /api/privacy/access?t=TOKEN`: the access report behind a signed link, as JSON, once; each disclosure audited with where it was fetched from. */
export function accessRoute({ links, dataCare }: { links: ExportLinks; dataCare: DataCare }): RequestHandler {
  return async (req, res) => {
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
