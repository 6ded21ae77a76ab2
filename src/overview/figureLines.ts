import type { MessageKey } from '../i18n/messages.js';
import type { Translate } from '../i18n/translate.js';
import type { DurationStat, Figures } from './figures.js';
import type { OverviewResult } from './OverviewService.js';

/** One figure as people read it: its label from the catalogue, and its value. */
export interface FigureLine {
  id: string;
  title: string;
  value: string;
}

/** The figures in the order every view shows them (card, tab, export): where cases stand now, then the period. */
export function figureLines(t: Translate, result: OverviewResult): { now: FigureLine[]; period: FigureLine[]; durations: FigureLine[] } {
  const { total } = result;
  const line = (id: string, key: MessageKey, value: string | number): FigureLine => ({ id, title: t(key), value: String(value) });
  return {
    now: [
      line(
        'waiting',
        'overview.waiting',
        total.oldestWaitingDays === undefined ? total.waiting : t('overview.waitingOldest', { count: total.waiting, days: total.oldestWaitingDays }),
      ),
      line('withoutCoordinator', 'overview.withoutCoordinator', total.withoutCoordinator),
      line('appointed', 'overview.appointed', total.appointed),
      line('planInProgress', 'overview.planInProgress', total.planInProgress),
      line('changeReported', 'overview.changeReported', total.changeReported),
      line('evaluationsOverdue', 'overview.evaluationsOverdue', total.evaluationsOverdue),
      line('trainingOverdue', 'overview.trainingOverdue', result.training.overdue),
      line('tasksOverdue', 'overview.tasksOverdue', result.tasksOverdue.total),
      line('childCoordinatorInProgress', 'overview.child.inProgress', total.childCoordinator.inProgress),
    ],
    period: [
      line('reported', 'overview.reported', total.reportedInPeriod),
      line('declined', 'overview.declined', total.declinedInPeriod),
      line('closed', 'overview.closed', total.closedInPeriod),
      line('trainingCompleted', 'overview.trainingCompleted', result.training.completedInPeriod),
      line('childCoordinatorRequested', 'overview.child.requested', total.childCoordinator.requestedInPeriod),
      line('childCoordinatorGranted', 'overview.child.granted', total.childCoordinator.grantedInPeriod),
      line('childCoordinatorDeclined', 'overview.child.declined', total.childCoordinator.declinedInPeriod),
      { id: 'planOn', title: t('overview.planOn', { date: result.planOn.date }), value: String(result.planOn.residents) },
    ],
    durations: [
      line('toDecision', 'overview.toDecision', duration(t, total.toDecision)),
      line('toAppointment', 'overview.toAppointment', duration(t, total.toAppointment)),
      line('toPlanStart', 'overview.toPlanStart', duration(t, total.toPlanStart)),
    ],
  };
}

export function duration(t: Translate, stat: DurationStat): string {
  return stat.n === 0 ? t('overview.noDuration') : t('overview.duration', { median: stat.median!, p90: stat.p90!, n: stat.n });
}

/** Cases open now in a unit: every state but declined and closed. */
export function openCount(figures: Figures): number {
  return figures.waiting + figures.withoutCoordinator + figures.appointed + figures.planInProgress + figures.changeReported;
}

/** A unit's name as people read it: a case from an earlier system may have none. */
export function unitName(t: Translate, unit: string): string {
  return unit || t('overview.noUnit');
}

/** Whom the figures cover, in words: the whole municipality, or the units a leader leads. */
export function scopeText(t: Translate, result: OverviewResult, municipalityName: string): string {
  return result.scope.kind === 'municipality'
    ? t('overview.scope.municipality', { municipality: municipalityName })
    : t('overview.scope.units', { units: result.scope.units.join(', ') });
}
