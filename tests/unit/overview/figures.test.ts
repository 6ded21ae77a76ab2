import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../../src/overview/caseFacts.js';
import { durationStat, overviewOf, periodOf, type PeriodChoice } from '../../../src/overview/figures.js';

const TODAY = '2026-11-25';
const YEAR = { from: '2026-01-01', to: TODAY };

let n = 0;
function facts(partial: Partial<CaseFacts>): CaseFacts {
  n++;
  return {
    id: `case-${n}`,
    reference: `RANA-2026-${String(n).padStart(4, '0')}`,
    unit: 'Hjemmetjenesten',
    state: 'reported',
    reportedOn: '2026-11-01',
    services: [],
    resident: `r${n}`,
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...partial,
  };
}

describe('periodOf', () => {
  it.each<[string, PeriodChoice, { from: string; to: string } | string]>([
    ['this year', { kind: 'thisYear' }, { from: '2026-01-01', to: TODAY }],
    ['the last 12 months, today included', { kind: 'last12Months' }, { from: '2025-11-26', to: TODAY }],
    ['dates the user chose', { kind: 'range', from: '2025-01-01', to: '2025-12-31' }, { from: '2025-01-01', to: '2025-12-31' }],
    ['refused: from after to', { kind: 'range', from: '2026-02-01', to: '2026-01-01' }, 'overview.period.reversed'],
    ['refused: not a date', { kind: 'range', from: '2026-02-31x', to: '2026-03-01' }, 'overview.period.invalid'],
    ['refused: longer than ten years', { kind: 'range', from: '2000-01-01', to: '2026-01-01' }, 'overview.period.tooLong'],
  ])('%s', (_, choice, expected) => {
    if (typeof expected === 'string') expect(() => periodOf(choice, TODAY)).toThrow(expect.objectContaining({ userMessage: { key: expected } }));
    else expect(periodOf(choice, TODAY)).toEqual(expected);
  });
});

describe('durationStat (nearest rank)', () => {
  it.each<[number[], { n: number; median?: number; p90?: number }]>([
    [[], { n: 0 }],
    [[7], { n: 1, median: 7, p90: 7 }],
    [[1, 2, 3, 4], { n: 4, median: 2, p90: 4 }],
    [[10, 1, 5, 3, 8, 2, 9, 4, 7, 6], { n: 10, median: 5, p90: 9 }],
  ])('%j → %j', (days, expected) => expect(durationStat(days)).toEqual(expected));
});

describe('overviewOf', () => {
  it('counts where cases stand now, by state, with the oldest waiting days', () => {
    const { total } = overviewOf(
      [
        facts({ state: 'reported', reportedOn: '2026-11-20' }),
        facts({ state: 'underAssessment', reportedOn: '2026-10-26' }),
        facts({ state: 'accepted' }),
        facts({ state: 'coordinatorProposed' }),
        facts({ state: 'coordinatorAppointed' }),
        facts({ state: 'planInProgress', evaluationDue: '2026-11-24' }),
        facts({ state: 'planInProgress', evaluationDue: TODAY }),
        facts({ state: 'changeReported' }),
        facts({ state: 'declined', decidedOn: '2026-11-02', declined: true }),
        facts({ state: 'closed', closedOn: '2025-12-31' }),
      ],
      { period: YEAR, today: TODAY },
    );
    expect(total).toMatchObject({
      waiting: 2,
      oldestWaitingDays: 30,
      withoutCoordinator: 2,
      appointed: 1,
      planInProgress: 2,
      changeReported: 1,
      declinedInPeriod: 1,
      closedInPeriod: 0,
      evaluationsOverdue: 1,
      reportedInPeriod: 10,
    });
  });

  it.each<[string, Partial<CaseFacts>, Partial<Record<'reportedInPeriod' | 'closedInPeriod' | 'declinedInPeriod', number>>]>([
    ['a report before the period is not counted as reported in it', { reportedOn: '2025-12-31' }, { reportedInPeriod: 0 }],
    ['a report on the first day is', { reportedOn: '2026-01-01' }, { reportedInPeriod: 1 }],
    ['a case closed on the last day is closed in the period', { state: 'closed', closedOn: TODAY }, { closedInPeriod: 1 }],
    ['a case reopened after closing is not closed', { state: 'planInProgress', closedOn: '2026-05-01' }, { closedInPeriod: 0 }],
    ['a decline in the period', { state: 'declined', decidedOn: '2026-03-01', declined: true }, { declinedInPeriod: 1 }],
    ['an acceptance is not a decline', { state: 'accepted', decidedOn: '2026-03-01' }, { declinedInPeriod: 0 }],
  ])('%s', (_, partial, expected) => {
    expect(overviewOf([facts(partial)], { period: YEAR, today: TODAY }).total).toMatchObject(expected);
  });

  it('measures days from report to each step that happened in the period, per unit', () => {
    const result = overviewOf(
      [
        facts({
          unit: 'A',
          reportedOn: '2026-01-01',
          decidedOn: '2026-01-11',
          appointedOn: '2026-01-31',
          planStartedOn: '2026-03-02',
          state: 'planInProgress',
        }),
        facts({ unit: 'A', reportedOn: '2026-02-01', decidedOn: '2026-02-05', state: 'accepted' }),
        facts({ unit: 'B', reportedOn: '2025-12-01', decidedOn: '2025-12-21', appointedOn: '2026-01-10', state: 'coordinatorAppointed' }),
      ],
      { period: YEAR, today: TODAY },
    );
    expect(result.total.toDecision).toEqual({ n: 2, median: 4, p90: 10 });
    expect(result.total.toAppointment).toEqual({ n: 2, median: 30, p90: 40 });
    expect(result.total.toPlanStart).toEqual({ n: 1, median: 60, p90: 60 });
    expect(result.units.map((u) => [u.unit, u.figures.toDecision.n, u.figures.toAppointment.n])).toEqual([
      ['A', 2, 1],
      ['B', 0, 1],
    ]);
  });

  it('counts residents, not cases, with a plan in progress on the date (KPR)', () => {
    const result = overviewOf(
      [
        facts({ resident: 'x', planStartedOn: '2026-01-01', state: 'planInProgress' }),
        facts({ resident: 'x', planStartedOn: '2026-02-01', state: 'planInProgress' }),
        facts({ resident: 'y', planStartedOn: '2026-01-01', closedOn: '2026-06-30', state: 'closed' }),
        facts({ resident: 'z', planStartedOn: '2026-12-01', state: 'planInProgress' }),
        facts({ resident: 'w', state: 'coordinatorAppointed' }),
      ],
      { period: YEAR, today: TODAY, planOn: '2026-06-30' },
    );
    expect(result.planOn).toEqual({ date: '2026-06-30', residents: 1 });
    expect(
      overviewOf([facts({ resident: 'y', planStartedOn: '2026-01-01', closedOn: '2026-06-30', state: 'closed' })], {
        period: YEAR,
        today: TODAY,
        planOn: '2026-06-29',
      }).planOn.residents,
    ).toBe(1);
  });

  it('takes the plan count on the period end, or today if the period runs on', () => {
    expect(overviewOf([], { period: { from: '2025-01-01', to: '2025-12-31' }, today: TODAY }).planOn.date).toBe('2025-12-31');
    expect(overviewOf([], { period: YEAR, today: TODAY }).planOn.date).toBe(TODAY);
  });
});

describe('overviewOf(): barnekoordinator cases counted apart', () => {
  const child = (partial: Partial<CaseFacts>) => facts({ childCoordinator: true, ...partial });
  const rows: [string, CaseFacts[], { requestedInPeriod: number; grantedInPeriod: number; declinedInPeriod: number; inProgress: number }][] = [
    ['a request waiting for KE', [child({})], { requestedInPeriod: 1, grantedInPeriod: 0, declinedInPeriod: 0, inProgress: 0 }],
    [
      'a request granted in the period',
      [child({ state: 'accepted', decidedOn: '2026-11-05' })],
      { requestedInPeriod: 1, grantedInPeriod: 1, declinedInPeriod: 0, inProgress: 0 },
    ],
    [
      'a request declined',
      [child({ state: 'declined', decidedOn: '2026-11-05', declined: true })],
      { requestedInPeriod: 1, grantedInPeriod: 0, declinedInPeriod: 1, inProgress: 0 },
    ],
    [
      'a barnekoordinator at work, granted last year',
      [child({ state: 'planInProgress', reportedOn: '2025-06-01', decidedOn: '2025-06-10' })],
      { requestedInPeriod: 0, grantedInPeriod: 0, declinedInPeriod: 0, inProgress: 1 },
    ],
    [
      'an ordinary coordinator case is not counted',
      [facts({ state: 'planInProgress', decidedOn: '2026-11-05' })],
      { requestedInPeriod: 0, grantedInPeriod: 0, declinedInPeriod: 0, inProgress: 0 },
    ],
  ];
  it.each(rows)('%s', (_name, cases, expected) => {
    const overview = overviewOf(cases, { period: YEAR, today: TODAY });
    expect(overview.total.childCoordinator).toEqual(expected);
    expect(overview.units[0]!.figures.childCoordinator).toEqual(expected);
  });
});
