import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, RequestHandler, Response } from 'restify';
import { z } from 'zod';
import type { TabCaller } from '../auth/tabIdentity.js';
import { caseStates } from '../cases/Case.js';
import { describeError } from '../conversation/errorReply.js';
import { NotAllowedError } from '../errors.js';
import { defaultLocale, isLocale, type Locale, type MessageKey } from '../i18n/messages.js';
import { translator, type Translate } from '../i18n/translate.js';
import type { Municipalities } from '../municipalities/Municipalities.js';
import type { Municipality } from '../municipalities/Municipality.js';
import type { Roles } from '../roles/Roles.js';
import { figureLines, openCount, scopeText, unitName } from './figureLines.js';
import { daysBetween, periodChoiceOf, periodKinds, WAITING_BUCKETS, type PeriodChoice } from './figures.js';
import type { OverviewService } from './OverviewService.js';

/** The unit filter's value for cases without a unit (the empty value means every unit). */
const NO_UNIT = '-';
/** The most case rows the tab gets at once; filters narrow a large municipality's list. */
const MAX_ROWS = 1000;

export interface TabDeps {
  overview: OverviewService;
  roles: Roles;
  municipalities: Municipalities;
  /** Who calls the API (Teams SSO, or a local trial's dev sign-in), in which municipality. */
  caller: (headers: Request['headers']) => Promise<TabCaller>;
  /** SSO on (Teams tokens), or a local trial's dev sign-in. */
  sso: boolean;
  /** The bot's app id, for the deep link that opens a case in the chat with the bot. */
  botId?: string;
}

const require = createRequire(import.meta.url);
const WEB = fileURLToPath(new URL('../../web/oversikt/', import.meta.url));
/** The page and its own files, and the two libraries it loads from this server (no CDN): teams-js and Chart.js. */
const FILES: Record<string, { path: string; type: string }> = {
  'index.html': { path: `${WEB}index.html`, type: 'text/html; charset=utf-8' },
  'oversikt.js': { path: `${WEB}oversikt.js`, type: 'text/javascript; charset=utf-8' },
  'oversikt.css': { path: `${WEB}oversikt.css`, type: 'text/css; charset=utf-8' },
  'teams-js.js': { path: require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js'), type: 'text/javascript; charset=utf-8' },
  // Chart.js exports no path to its browser build; it sits beside the package's main file.
  'chart.js': { path: join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), type: 'text/javascript; charset=utf-8' },
};

/** Teams (web, desktop, mobile) and Microsoft 365 may frame the page; nothing else may, and it runs only its own scripts (teams-js reads Teams' list of valid hosts from its CDN). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https://res.cdn.office.net",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft https://*.microsoft365.com",
].join('; ');

const query = z.object({
  period: z.enum(periodKinds).default('thisYear'),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  unit: z.string().max(200).optional(),
  state: z.enum(caseStates).optional(),
  lang: z.string().optional(),
});

/** Words the page shows before and around the data. */
const PAGE_LABELS = [
  'tab.title',
  'tab.loading',
  'tab.filters',
  'tab.filter.unit',
  'tab.filter.state',
  'tab.filter.all',
  'tab.filter.apply',
  'tab.chart.months',
  'overview.reported',
  'overview.closed',
  'tab.chart.waiting',
  'tab.chart.units',
  'tab.chart.summary',
  'tab.table.caption',
  'tab.table.daysWaiting',
  'tab.table.open',
  'tab.table.empty',
  'tab.signIn.title',
  'tab.signIn.hint',
  'tab.signIn.user',
  'tab.signIn.button',
  'tab.signIn.none',
  'tab.error.unauthorized',
  'tab.error.teams',
  'tab.error.failed',
  'tab.innsyn.title',
  'tab.innsyn.hint',
  'tab.innsyn.download',
  'tab.innsyn.done',
  'overview.title',
  'overview.now',
  'overview.inPeriod',
  'overview.durations',
  'overview.period',
  'overview.period.thisYear',
  'overview.period.last12Months',
  'overview.period.range',
  'overview.period.from',
  'overview.period.to',
  'overview.unit',
  'overview.file.reference',
  'overview.file.state',
  'overview.file.coordinator',
] as const satisfies readonly MessageKey[];

function localeOf(value: unknown): Locale {
  const tag = String(value ?? '').toLowerCase();
  const language = tag.startsWith('nn') ? 'nn' : tag.startsWith('en') ? 'en' : tag.startsWith('nb') || tag.startsWith('no') ? 'nb' : tag;
  return isLocale(language) ? language : defaultLocale;
}

/** The request's query string as an object (restify parses none unless a plugin is used). */
function searchOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams);
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader('cache-control', 'no-store');
  res.json(status, body);
}

/**
 * The personal tab «Oversikt»: its page (`/tabs/oversikt`) and the API it reads (`/api/oversikt`),
 * which answers only a caller identified by Teams SSO (or, in a local trial, the dev sign-in):
 * 401 without a valid token, 403 for someone who is neither KE nor a leader (or whose tenant is
 * not connected), the figures and the de-identified case list otherwise — KE for the
 * municipality, leaders for the units they lead.
 */
export function tabRoutes(deps: TabDeps): { path: string; handler: RequestHandler }[] {
  const file =
    (name: string): RequestHandler =>
    async (_req, res) => {
      const spec = FILES[name]!;
      res.setHeader('content-type', spec.type);
      res.setHeader('content-security-policy', CSP);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('cache-control', name === 'index.html' ? 'no-store' : 'public, max-age=300');
      res.sendRaw(200, readFileSync(spec.path));
    };

  const config: RequestHandler = async (req, res) => {
    const t = translator(localeOf(searchOf(req).lang));
    const labels = Object.fromEntries(PAGE_LABELS.map((key) => [key, t(key)]));
    if (deps.sso) return void sendJson(res, 200, { sso: true, labels });
    // A local trial: who can be chosen in the dev sign-in.
    const users = [];
    for (const municipality of await deps.municipalities.list()) {
      for (const holder of await deps.roles.overviewHolders(municipality.id)) {
        const role = [holder.isKe ? t('tab.role.ke') : '', holder.leads.length ? t('tab.role.leader', { units: holder.leads.join(', ') }) : '']
          .filter(Boolean)
          .join(', ');
        users.push({ value: `${municipality.id}/${holder.userId}`, title: `${municipality.name}: ${holder.name ?? holder.userId} (${role})` });
      }
    }
    sendJson(res, 200, { sso: false, labels, devUsers: users });
  };

  const data: RequestHandler = async (req, res) => {
    const t = translator(localeOf(searchOf(req).lang));
    const caller = await deps.caller(req.headers);
    if ('status' in caller) return void sendJson(res, caller.status, { error: t(caller.key) });
    const { municipality } = caller;
    try {
      const actor = await deps.roles.actor(municipality.id, caller.userId);
      const input = query.parse(searchOf(req));
      const choice = periodChoiceOf(input);
      const [result, cases] = await Promise.all([
        deps.overview.overview(actor, choice),
        deps.overview.caseList(actor, {
          ...(input.unit ? { unit: input.unit === NO_UNIT ? '' : input.unit } : {}),
          ...(input.state ? { state: input.state } : {}),
        }),
      ]);
      sendJson(res, 200, view(t, municipality, result, cases, choice, deps.botId));
    } catch (error) {
      if (error instanceof z.ZodError) return void sendJson(res, 400, { error: t('error.input', { detail: t('overview.period.invalid') }) });
      const reply = describeError(error, t, '');
      if (!reply.expected) throw error;
      sendJson(res, error instanceof NotAllowedError ? 403 : 400, { error: reply.text });
    }
  };

  return [
    { path: '/tabs/oversikt', handler: file('index.html') },
    { path: '/tabs/oversikt/oversikt.js', handler: file('oversikt.js') },
    { path: '/tabs/oversikt/oversikt.css', handler: file('oversikt.css') },
    { path: '/tabs/vendor/teams-js.js', handler: file('teams-js.js') },
    { path: '/tabs/vendor/chart.js', handler: file('chart.js') },
    { path: '/api/oversikt/config', handler: config },
    { path: '/api/oversikt', handler: data },
  ];
}

/** What the page renders: the figures as lines, the charts' series, the filters' options and the case rows. */
function view(
  t: Translate,
  municipality: Municipality,
  result: Awaited<ReturnType<OverviewService['overview']>>,
  cases: Awaited<ReturnType<OverviewService['caseList']>>,
  choice: PeriodChoice,
  botId: string | undefined,
) {
  const chatUrl = (reference: string) =>
    botId ? `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId)}&message=${encodeURIComponent(reference)}` : undefined;
  const bucketLabels = WAITING_BUCKETS.map((to, index) => t('tab.waiting.bucket', { from: index === 0 ? 0 : WAITING_BUCKETS[index - 1]! + 1, to }));
  return {
    title: t('overview.title'),
    scope: scopeText(t, result, municipality.name),
    periodLine: t('overview.periodLine', { ...result.period, today: result.today }),
    choice,
    lines: figureLines(t, result),
    charts: {
      months: { labels: result.months.map((m) => m.month), reported: result.months.map((m) => m.reported), closed: result.months.map((m) => m.closed) },
      waiting: { labels: [...bucketLabels, t('tab.waiting.more', { days: WAITING_BUCKETS.at(-1)! })], counts: result.waitingDays },
      units: { labels: result.units.map((u) => unitName(t, u.unit)), open: result.units.map((u) => openCount(u.figures)) },
    },
    filters: {
      units: result.units.map((u) => ({ value: u.unit || NO_UNIT, title: unitName(t, u.unit) })),
      states: caseStates.map((state) => ({ value: state, title: t(`case.state.${state}`) })),
    },
    cases: cases.slice(0, MAX_ROWS).map((f) => ({
      reference: f.reference,
      unit: unitName(t, f.unit),
      state: t(`case.state.${f.state}`),
      coordinator: f.coordinator?.name ?? '',
      daysWaiting: f.state === 'closed' || f.state === 'declined' ? null : daysBetween(f.reportedOn, result.today),
      ...(chatUrl(f.reference) ? { chatUrl: chatUrl(f.reference) } : {}),
    })),
    truncated: cases.length > MAX_ROWS ? t('tab.table.truncated', { shown: MAX_ROWS, total: cases.length }) : '',
  };
}
