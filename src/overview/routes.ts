import type { RequestHandler } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../audit/AuditLog.js';
import { cardData } from '../conversation/cardData.js';
import { describeError, livingCard } from '../conversation/errorReply.js';
import type { Router } from '../conversation/router.js';
import { actorScope, type ActorScope } from '../roles/actorScope.js';
import { grantOf, type ExportGrant, type ExportLinks, type OverviewFormat } from '../links/ExportLinks.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { InputError } from '../errors.js';
import { translator } from '../i18n/translate.js';
import type { Roles } from '../roles/Roles.js';
import { overviewCard } from './cards.js';
import { periodChoiceOf, type PeriodChoice } from './figures.js';
import { overviewCsv, overviewXlsx } from './overviewFile.js';
import type { OverviewService } from './OverviewService.js';

const OVERVIEW = /^\s*(oversikt|oversikta|oversikten|overview)\s*[.!?]?\s*$/iu;
const EXPORT = /^\s*(eksporter|eksport|last ned|export)\s+(oversikt|oversikta|oversikten|overview)\s*$/iu;

/** The card's period choice: a kind, and dates when the user chose them. */
const periodInput = z.object({
  period: z.enum(['thisYear', 'last12Months', 'range']).default('thisYear'),
  from: z.string().optional(),
  to: z.string().optional(),
});

function choiceOf(data: unknown): PeriodChoice {
  return periodChoiceOf(cardData(periodInput, data, 'overview.period.invalid'));
}

export interface OverviewRouteDeps {
  overview: OverviewService;
  roles: Roles;
  links: ExportLinks;
  /** A deep link to the «Oversikt» tab, when the app has one. */
  tabUrl?: string;
}

/** «oversikt» and «eksporter oversikt»: KE's and leaders' figures in chat, updated in place, and the export links. */
export function overviewRoutes(router: Router, { overview, roles, links, tabUrl }: OverviewRouteDeps): void {
  async function card(scope: ActorScope, choice: PeriodChoice, notice?: string) {
    const result = await overview.overview(scope.actor, choice);
    return overviewCard(scope.t, result, { municipalityName: scope.municipalityName, choice, ...(tabUrl ? { tabUrl } : {}), ...(notice ? { notice } : {}) });
  }

  async function sendLinks(scope: ActorScope, choice: PeriodChoice): Promise<string> {
    const { actor } = scope;
    overview.scopeOf(actor); // refused before any link is made
    const period = overview.period(choice);
    const link = (format: OverviewFormat) => links.create({ municipality: scope.municipality, format, actor: actor.userId, period, locale: scope.locale });
    return scope.t('overview.export.ready', { ...period, csv: link('overviewCsv'), xlsx: link('overviewXlsx') });
  }

  router.message(OVERVIEW, async (context, state) => {
    await context.sendActivity({ attachments: [await card(await actorScope(context, state, roles), { kind: 'thisYear' })] });
  });

  router.message(EXPORT, async (context, state) => {
    await context.sendActivity(await sendLinks(await actorScope(context, state, roles), { kind: 'thisYear' }));
  });

  // «Vis»: the same card with the chosen period; a period that cannot be shown keeps this year's figures and says why.
  router.execute('overviewShow', async (context, state, data) => {
    const scope = await actorScope(context, state, roles);
    return livingCard(
      scope.t,
      async () => card(scope, choiceOf(data)),
      (error, words) => (error instanceof InputError ? card(scope, { kind: 'thisYear' }, words) : undefined),
    );
  });

  router.submit('overviewExport', async (context, state, data) => {
    const scope = await actorScope(context, state, roles);
    await context.sendActivity(await sendLinks(scope, choiceOf(data)));
  });
}

/**
 * `GET /api/overview/export?t=TOKEN`: the overview behind a signed link, once, as CSV or XLSX, for
 * what the person who asked may see now (their roles are read again); audited with where it was fetched from.
 */
export function overviewExportRoute({
  links,
  overview,
  roles,
  directory,
  audit,
}: {
  links: ExportLinks;
  overview: OverviewService;
  roles: Roles;
  directory: DirectoryService;
  audit: AuditLog;
}): RequestHandler {
  return async (req, res) => {
    const redeemed = await grantOf(
      links,
      req,
      res,
      (grant): grant is ExportGrant & { format: OverviewFormat; period: { from: string; to: string } } =>
        (grant.format === 'overviewCsv' || grant.format === 'overviewXlsx') && Boolean(grant.period),
      '«eksporter oversikt»',
    );
    if (!redeemed) return;
    const { grant, fetchedFrom } = redeemed;
    const t = translator(grant.locale);
    const actor = await roles.actor(grant.municipality, grant.actor);
    let input;
    try {
      const choice: PeriodChoice = { kind: 'range', ...grant.period };
      const [result, cases, entries] = await Promise.all([
        overview.overview(actor, choice),
        overview.caseList(actor),
        directory.list(grant.municipality, { includeRetired: true }),
      ]);
      const categories = new Map(entries.map((entry) => [entry.id, entry.category]));
      input = { t, result, cases, categoryOf: (id: string) => categories.get(id) };
    } catch (error) {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      const reply = describeError(error, t, '');
      if (!reply.expected) throw error;
      return void res.send(403, reply.text);
    }
    await audit.record(grant.municipality, {
      actor: grant.actor,
      action: 'overview.export',
      target: 'cases/*',
      details: { format: grant.format, ...grant.period, cases: input.cases.length, link: grant.id, ...fetchedFrom },
    });
    const name = `oversikt-${grant.municipality}-${grant.period.from}-${grant.period.to}`;
    const [body, contentType, fileName] =
      grant.format === 'overviewCsv'
        ? [overviewCsv(input), 'text/csv; charset=utf-8', `${name}.csv`]
        : [await overviewXlsx(input), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${name}.xlsx`];
    res.setHeader('content-type', contentType);
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(200, body);
  };
}
