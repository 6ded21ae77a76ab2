import { expandCard, type CardAttachment } from '../cards/expandCard.js';
import type { Translate } from '../i18n/translate.js';
import { figureLines, openCount, scopeText, unitName } from './figureLines.js';
import { periodKinds, type PeriodChoice } from './figures.js';
import type { OverviewResult } from './OverviewService.js';

export interface OverviewCardView {
  municipalityName: string;
  choice: PeriodChoice;
  /** A deep link to the «Oversikt» tab, when the app has one. */
  tabUrl?: string;
  /** Why the figures shown are not for the period just asked for (an invalid choice). */
  notice?: string;
}

/** «oversikt»: the figures now and for a period, per unit, with the period choice and the export; updated in place. */
export function overviewCard(t: Translate, result: OverviewResult, view: OverviewCardView): CardAttachment {
  const lines = figureLines(t, result);
  return expandCard('overview', {
    title: t('overview.title'),
    scope: scopeText(t, result, view.municipalityName),
    periodLine: t('overview.periodLine', { ...result.period, today: result.today }),
    notice: view.notice ?? '',
    now: lines.now,
    period: lines.period,
    durations: lines.durations,
    // A TextBlock takes text: numbers as strings, or the client shows nothing.
    units: result.units.map(({ unit, figures }) => ({
      unit: unitName(t, unit),
      open: String(openCount(figures)),
      waiting: String(figures.waiting),
      reported: String(figures.reportedInPeriod),
      tasksOverdue: String(result.tasksOverdue.byUnit[unit] ?? 0),
    })),
    choice: { kind: view.choice.kind, from: view.choice.kind === 'range' ? view.choice.from : '', to: view.choice.kind === 'range' ? view.choice.to : '' },
    periodKinds: periodKinds.map((kind) => ({ value: kind, title: t(`overview.period.${kind}`) })),
    tabUrl: view.tabUrl ?? '',
    labels: {
      now: t('overview.now'),
      period: t('overview.inPeriod'),
      durations: t('overview.durations'),
      perUnit: t('overview.perUnit'),
      unit: t('overview.unit'),
      open: t('overview.unitOpen'),
      waiting: t('overview.unitWaiting'),
      reported: t('overview.reported'),
      tasksOverdue: t('overview.unitTasksOverdue'),
      periodChoice: t('overview.period'),
      from: t('overview.period.from'),
      to: t('overview.period.to'),
      show: t('overview.show'),
      export: t('overview.export'),
      openTab: t('overview.openTab'),
    },
  });
}
