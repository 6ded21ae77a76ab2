import type { CaseService } from '../cases/CaseService.js';
import type { CaseState } from '../cases/Case.js';
import { NotAllowedError } from '../errors.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { ReminderSchedule } from '../reminders/ReminderSchedule.js';
import type { Actor } from '../roles/Actor.js';
import type { Roles } from '../roles/Roles.js';
import { osloDate } from '../time/oslo.js';
import { trainingStatus } from '../roles/trainingStatus.js';
import { caseFacts, type CaseFacts } from './caseFacts.js';
import { overviewOf, periodOf, type Overview, type Period, type PeriodChoice } from './figures.js';

export interface OverviewDeps {
  cases: CaseService;
  /** How many open tasks are past their deadline, per case (the coordination work's own count). */
  overdueTasks?: (municipality: MunicipalityId) => Promise<Map<string, number>>;
  roles: Roles;
  schedule: ReminderSchedule;
  now?: () => Date;
}

/** Whom the figures cover: the whole municipality (KE), or the units a leader leads. */
export type OverviewScope = { kind: 'municipality' } | { kind: 'units'; units: readonly string[] };

export interface TrainingFigures {
  /** Coordinators whose training deadline has passed without the training done. */
  overdue: number;
  completedInPeriod: number;
}

export interface OverviewResult extends Overview {
  scope: OverviewScope;
  training: TrainingFigures;
  /** Open tasks past their deadline in the cases covered, in all and per unit (counts only). */
  tasksOverdue: { total: number; byUnit: Record<string, number> };
}

/** What the case list may be narrowed to. */
export interface CaseFilter {
  /** A unit's name ('' for cases without one). */
  unit?: string;
  state?: CaseState;
}

/** Cases in memory, kept up to date from the store's changes. */
interface Projection {
  facts: Map<string, CaseFacts>;
  /** The latest `updatedAt` read. */
  watermark: string;
  stamp: string;
  loadedAt: number;
}

/** Changes are read again from this long before the watermark: writes by other instances whose clocks lag, or that committed late. */
const OVERLAP_MS = 2 * 60_000;
/** Everything is read again this often, whatever the changes say. */
const FULL_RELOAD_MS = 15 * 60_000;

/**
 * KE's overview («oversikt»): the figures of a municipality's cases, or of a leader's units, for a
 * period; the de-identified case list behind them. Figures come from a projection of the cases
 * (`CaseFacts`) kept per municipality in memory: built once from every case, then brought up to
 * date on each request by reading only the cases changed since (the indexed `updatedAt`), and
 * built again after a bulk change (an import or an erasure) and every quarter of an hour. The
 * cases stay the case service's; this service only asks it.
 */
export class OverviewService {
  private readonly now: () => Date;
  private readonly projections = new Map<MunicipalityId, Promise<Projection>>();

  constructor(private readonly deps: OverviewDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** KE members and admins see the municipality; leaders the units they lead; anyone else is refused. */
  scopeOf(actor: Actor): OverviewScope {
    if (actor.isKe) return { kind: 'municipality' };
    if (actor.leads.length) return { kind: 'units', units: actor.leads };
    throw new NotAllowedError('overview: neither KE nor a leader', { userMessage: { key: 'overview.notAllowed' } });
  }

  async overview(actor: Actor, choice: PeriodChoice, planOn?: string): Promise<OverviewResult> {
    const scope = this.scopeOf(actor);
    const today = osloDate(this.now());
    const period = periodOf(choice, today);
    const [facts, training, overdue] = await Promise.all([
      this.facts(actor.municipality, scope),
      this.training(actor.municipality, scope, period, today),
      this.deps.overdueTasks?.(actor.municipality) ?? new Map<string, number>(),
    ]);
    const tasksOverdue = { total: 0, byUnit: {} as Record<string, number> };
    for (const f of facts) {
      const count = overdue.get(f.id);
      if (!count) continue;
      tasksOverdue.total += count;
      tasksOverdue.byUnit[f.unit] = (tasksOverdue.byUnit[f.unit] ?? 0) + count;
    }
    return { ...overviewOf(facts, { period, today, ...(planOn ? { planOn } : {}) }), scope, training, tasksOverdue };
  }

  /** The de-identified cases behind the figures (reference, unit, state, dates, coordinator, services), newest report first. */
  async caseList(actor: Actor, filter: CaseFilter = {}): Promise<CaseFacts[]> {
    const facts = await this.facts(actor.municipality, this.scopeOf(actor));
    return facts
      .filter((f) => (filter.unit === undefined || f.unit === filter.unit) && (!filter.state || f.state === filter.state))
      .sort((a, b) => b.reportedOn.localeCompare(a.reportedOn) || b.reference.localeCompare(a.reference));
  }

  /** The period a choice stands for today (the export names its file by it). */
  period(choice: PeriodChoice): Period {
    return periodOf(choice, osloDate(this.now()));
  }

  private async facts(municipality: MunicipalityId, scope: OverviewScope): Promise<CaseFacts[]> {
    const all = (await this.projection(municipality)).facts.values();
    if (scope.kind === 'municipality') return [...all];
    const units = new Set(scope.units);
    const inScope: CaseFacts[] = [];
    for (const f of all) if (units.has(f.unit)) inScope.push(f);
    return inScope;
  }

  private async training(municipality: MunicipalityId, scope: OverviewScope, period: Period, today: string): Promise<TrainingFigures> {
    const [trainees, settings] = await Promise.all([this.deps.roles.trainees(municipality), this.deps.schedule.settings(municipality)]);
    const units = scope.kind === 'units' ? new Set(scope.units) : undefined;
    let overdue = 0;
    let completedInPeriod = 0;
    for (const { unit, training } of trainees) {
      if (units && !(unit && units.has(unit))) continue;
      const status = trainingStatus(training, settings.trainingMonths, today);
      if (status.overdue) overdue++;
      if (status.completedOn && status.completedOn >= period.from && status.completedOn <= period.to) completedInPeriod++;
    }
    return { overdue, completedInPeriod };
  }

  /** The municipality's projection, up to date; one refresh at a time per municipality. */
  private projection(municipality: MunicipalityId): Promise<Projection> {
    const previous = this.projections.get(municipality);
    const next = (previous ?? Promise.resolve(undefined)).catch(() => undefined).then((current) => this.refresh(municipality, current));
    this.projections.set(municipality, next);
    return next;
  }

  private async refresh(municipality: MunicipalityId, current: Projection | undefined): Promise<Projection> {
    const stamp = await this.deps.cases.rewrittenStamp(municipality);
    const now = this.now().getTime();
    if (!current || current.stamp !== stamp || now - current.loadedAt > FULL_RELOAD_MS) {
      const facts = new Map<string, CaseFacts>();
      let watermark = '';
      for (const c of await this.deps.cases.changedSince(municipality)) {
        facts.set(c.id, caseFacts(c));
        if (c.updatedAt > watermark) watermark = c.updatedAt;
      }
      return { facts, watermark, stamp, loadedAt: now };
    }
    return this.caughtUp(municipality, current, current.watermark ? new Date(Date.parse(current.watermark) - OVERLAP_MS).toISOString() : undefined);
  }

  private async caughtUp(municipality: MunicipalityId, current: Projection, since: string | undefined): Promise<Projection> {
    let watermark = current.watermark;
    for (const c of await this.deps.cases.changedSince(municipality, since)) {
      current.facts.set(c.id, caseFacts(c));
      if (c.updatedAt > watermark) watermark = c.updatedAt;
    }
    return { ...current, watermark };
  }
}
