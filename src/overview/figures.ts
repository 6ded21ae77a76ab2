import { z } from 'zod';
import { InputError } from '../errors.js';
import { addDays, addMonths } from '../time/oslo.js';
import type { CaseFacts } from './caseFacts.js';

/** The period the figures cover: this calendar year, the last twelve months, or dates the user chose. */
export const periodChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('thisYear') }),
  z.object({ kind: z.literal('last12Months') }),
  z.object({ kind: z.literal('range'), from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
]);
export type PeriodChoice = z.infer<typeof periodChoiceSchema>;
export const periodKinds = ['thisYear', 'last12Months', 'range'] as const;

/** A choice as a form or a query gives it: a kind, and the dates when the user chose them. */
export function periodChoiceOf(input: { period: (typeof periodKinds)[number]; from?: string; to?: string }): PeriodChoice {
  if (input.period !== 'range') return { kind: input.period };
  if (!input.from || !input.to) throw new InputError('range without dates', { key: 'overview.period.invalid' });
  return { kind: 'range', from: input.from, to: input.to };
}

/** Inclusive Oslo dates. */
export interface Period {
  from: string;
  to: string;
}

/** The longest period the figures cover: ten years. */
const MAX_PERIOD_DAYS = 3660;

export function periodOf(choice: PeriodChoice, today: string): Period {
  if (choice.kind === 'thisYear') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  if (choice.kind === 'last12Months') return { from: addDays(addMonths(today, -12), 1), to: today };
  const { from, to } = choice;
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) throw new InputError('bad date', { key: 'overview.period.invalid' });
  if (from > to) throw new InputError('from after to', { key: 'overview.period.reversed' });
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw new InputError('period too long', { key: 'overview.period.tooLong' });
  return { from, to };
}

/** Days from report to a step: how many, the median and the 90th percentile (nearest rank). */
export interface DurationStat {
  n: number;
  median?: number;
  p90?: number;
}

/** The figures of a set of cases: where they stand today, and what happened in the period. */
export interface Figures {
  /** Reported or under assessment: waiting for KE's decision. */
  waiting: number;
  oldestWaitingDays?: number;
  /** Accepted, with no coordinator appointed yet (a proposal may be with the leader). */
  withoutCoordinator: number;
  appointed: number;
  planInProgress: number;
  changeReported: number;
  reportedInPeriod: number;
  declinedInPeriod: number;
  closedInPeriod: number;
  /** Open cases whose plan's evaluation date has passed. */
  evaluationsOverdue: number;
  toDecision: DurationStat;
  toAppointment: DurationStat;
  toPlanStart: DurationStat;
  /** Barnekoordinator cases (pbrl § 2-5 c), apart: asked for, granted and declined in the period, and with a barnekoordinator now. */
  childCoordinator: { requestedInPeriod: number; grantedInPeriod: number; declinedInPeriod: number; inProgress: number };
}

export interface Overview {
  period: Period;
  today: string;
  total: Figures;
  units: { unit: string; figures: Figures }[];
  /** Residents with an individual plan in progress on `date` (the yearly KPR/KOSTRA count). */
  planOn: { date: string; residents: number };
  /** Reports and closures per month of the period (yyyy-mm), oldest first: status over time. */
  months: { month: string; reported: number; closed: number }[];
  /** Reports waiting for a decision, by how long they have waited (`WAITING_BUCKETS`). */
  waitingDays: number[];
}

/** Upper bounds (inclusive) of the waiting-days groups; the last group is everything longer. */
export const WAITING_BUCKETS = [7, 14, 30, 60] as const;

/** What one case adds to the figures, worked out once for the whole and for its unit. */
interface Measured {
  reportedInPeriod: boolean;
  declinedInPeriod: boolean;
  closedInPeriod: boolean;
  evaluationOverdue: boolean;
  grantedInPeriod: boolean;
  toDecision?: number;
  toAppointment?: number;
  toPlanStart?: number;
}

function inPeriod(date: string | undefined, period: Period): date is string {
  return date !== undefined && date >= period.from && date <= period.to;
}

/** Worked out into one reused record: a figure over 100,000 cases allocates nothing per case. */
function measure(into: Measured, f: CaseFacts, period: Period, today: string): Measured {
  into.reportedInPeriod = inPeriod(f.reportedOn, period);
  into.declinedInPeriod = f.declined === true && inPeriod(f.decidedOn, period);
  into.closedInPeriod = f.state === 'closed' && inPeriod(f.closedOn, period);
  into.evaluationOverdue = f.evaluationDue !== undefined && f.evaluationDue < today;
  into.grantedInPeriod = f.declined !== true && inPeriod(f.decidedOn, period);
  into.toDecision = inPeriod(f.decidedOn, period) ? daysBetween(f.reportedOn, f.decidedOn) : undefined;
  into.toAppointment = inPeriod(f.appointedOn, period) ? daysBetween(f.reportedOn, f.appointedOn) : undefined;
  into.toPlanStart = inPeriod(f.planStartedOn, period) ? daysBetween(f.reportedOn, f.planStartedOn) : undefined;
  return into;
}

class Tally {
  waiting = 0;
  oldestReported: string | undefined;
  withoutCoordinator = 0;
  appointed = 0;
  planInProgress = 0;
  changeReported = 0;
  reportedInPeriod = 0;
  declinedInPeriod = 0;
  closedInPeriod = 0;
  evaluationsOverdue = 0;
  toDecision: number[] = [];
  toAppointment: number[] = [];
  toPlanStart: number[] = [];
  child = { requestedInPeriod: 0, grantedInPeriod: 0, declinedInPeriod: 0, inProgress: 0 };

  add(f: CaseFacts, m: Measured): void {
    if (f.childCoordinator) {
      if (m.reportedInPeriod) this.child.requestedInPeriod++;
      if (m.grantedInPeriod) this.child.grantedInPeriod++;
      if (m.declinedInPeriod) this.child.declinedInPeriod++;
      if (f.state === 'coordinatorAppointed' || f.state === 'planInProgress' || f.state === 'changeReported') this.child.inProgress++;
    }
    switch (f.state) {
      case 'reported':
      case 'underAssessment':
        this.waiting++;
        if (!this.oldestReported || f.reportedOn < this.oldestReported) this.oldestReported = f.reportedOn;
        break;
      case 'accepted':
      case 'coordinatorProposed':
        this.withoutCoordinator++;
        break;
      case 'coordinatorAppointed':
        this.appointed++;
        break;
      case 'planInProgress':
        this.planInProgress++;
        break;
      case 'changeReported':
        this.changeReported++;
        break;
      default:
        break;
    }
    if (m.reportedInPeriod) this.reportedInPeriod++;
    if (m.declinedInPeriod) this.declinedInPeriod++;
    if (m.closedInPeriod) this.closedInPeriod++;
    if (m.evaluationOverdue) this.evaluationsOverdue++;
    if (m.toDecision !== undefined) this.toDecision.push(m.toDecision);
    if (m.toAppointment !== undefined) this.toAppointment.push(m.toAppointment);
    if (m.toPlanStart !== undefined) this.toPlanStart.push(m.toPlanStart);
  }

  figures(today: string): Figures {
    return {
      waiting: this.waiting,
      ...(this.oldestReported ? { oldestWaitingDays: daysBetween(this.oldestReported, today) } : {}),
      withoutCoordinator: this.withoutCoordinator,
      appointed: this.appointed,
      planInProgress: this.planInProgress,
      changeReported: this.changeReported,
      reportedInPeriod: this.reportedInPeriod,
      declinedInPeriod: this.declinedInPeriod,
      closedInPeriod: this.closedInPeriod,
      evaluationsOverdue: this.evaluationsOverdue,
      toDecision: durationStat(this.toDecision),
      toAppointment: durationStat(this.toAppointment),
      toPlanStart: durationStat(this.toPlanStart),
      childCoordinator: { ...this.child },
    };
  }
}

/**
 * The overview of the cases `facts` holds, in one pass: the whole and per unit, for a period, as of
 * `today`, with the residents who had a plan in progress on `planOn` (default: the period's end).
 */
export function overviewOf(facts: Iterable<CaseFacts>, options: { period: Period; today: string; planOn?: string }): Overview {
  const { period, today } = options;
  const planOn = options.planOn ?? (period.to < today ? period.to : today);
  const total = new Tally();
  const units = new Map<string, Tally>();
  const withPlan = new Set<string>();
  const months = new Map<string, { month: string; reported: number; closed: number }>();
  for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7); month = addMonths(`${month}-01`, 1).slice(0, 7))
    months.set(month, { month, reported: 0, closed: 0 });
  const waitingDays = Array.from({ length: WAITING_BUCKETS.length + 1 }, () => 0);
  const scratch: Measured = { reportedInPeriod: false, declinedInPeriod: false, closedInPeriod: false, evaluationOverdue: false, grantedInPeriod: false };
  for (const f of facts) {
    const m = measure(scratch, f, period, today);
    total.add(f, m);
    let unit = units.get(f.unit);
    if (!unit) units.set(f.unit, (unit = new Tally()));
    unit.add(f, m);
    if (f.planStartedOn && f.planStartedOn <= planOn && (!f.closedOn || f.closedOn > planOn)) withPlan.add(f.resident);
    if (m.reportedInPeriod) months.get(f.reportedOn.slice(0, 7))!.reported++;
    if (m.closedInPeriod) months.get(f.closedOn!.slice(0, 7))!.closed++;
    if (f.state === 'reported' || f.state === 'underAssessment') {
      const days = daysBetween(f.reportedOn, today);
      const bucket = WAITING_BUCKETS.findIndex((limit) => days <= limit);
      waitingDays[bucket < 0 ? WAITING_BUCKETS.length : bucket]!++;
    }
  }
  return {
    period,
    today,
    total: total.figures(today),
    units: [...units].sort(([a], [b]) => a.localeCompare(b, 'nb')).map(([unit, tally]) => ({ unit, figures: tally.figures(today) })),
    planOn: { date: planOn, residents: withPlan.size },
    months: [...months.values()],
    waitingDays,
  };
}

export function durationStat(days: number[]): DurationStat {
  if (days.length === 0) return { n: 0 };
  const sorted = Float64Array.from(days).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { n: sorted.length, median: rank(0.5), p90: rank(0.9) };
}

/** Whole days from one date to another. Dates repeat across cases, so each is parsed once. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const dayNumbers = new Map<string, number>();
function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Math.round(Date.parse(date) / 86_400_000);
    if (dayNumbers.size > 50_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}
