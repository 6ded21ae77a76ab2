import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS, readCases, type CaseReferences } from '../../../src/onboarding/casesFile.js';

const TODAY = '2026-11-25';
const known: CaseReferences = {
  services: new Set(['t-hjem', 't-ppt']),
  people: new Map([['coord-1', { name: 'Per Hansen', unit: 'Hjemmetjenesten' }]]),
  units: new Set(['Hjemmetjenesten']),
};

/** A valid started plan; each test changes the cells it is about. */
const valid: Record<(typeof CASE_COLUMNS)[number], string> = {
  externalId: 'IP-1',
  residentName: 'Eksempel Person',
  birthDate: '1960-05-01',
  ageGroup: 'voksen',
  need: 'Trenger hjelp hjemme.',
  services: 't-hjem;t-ppt',
  consentGivenBy: 'innbygger',
  consentForm: 'skriftlig',
  consentDate: '2026-01-05',
  status: 'startet',
  reportedAt: '2026-01-05',
  decidedAt: '2026-01-10',
  coordinatorAadObjectId: 'coord-1',
  coordinatorUnit: 'Hjemmetjenesten',
  appointedAt: '2026-01-15',
  ipStartedAt: '2026-02-01',
  nextEvaluationAt: '2027-02-01',
  evaluationIntervalMonths: '6',
  trainingCompletedAt: '',
  closedAt: '',
  closingReason: '',
  coordinatorKind: '',
  dueDate: '',
};

const csv = (...rows: Partial<typeof valid>[]) =>
  [CASE_COLUMNS.join(';'), ...rows.map((row) => CASE_COLUMNS.map((column) => (row[column] ?? valid[column]).replace(/;/g, ',')).join(';'))].join('\n');

describe('readCases(): children, barnekoordinator and an expected child', () => {
  const child = { ageGroup: 'barn', birthDate: '2015-03-01', consentGivenBy: 'foreldre' };
  const rows: [string, Partial<typeof valid>, string | 'ok'][] = [
    ['parents consent for a child', child, 'ok'],
    ['a barnekoordinator case', { ...child, coordinatorKind: 'barnekoordinator' }, 'ok'],
    [
      'an expected child with its due date, a parent named',
      { ...child, birthDate: '', dueDate: '2027-03-01', status: 'godtatt', ipStartedAt: '', coordinatorAadObjectId: '', coordinatorUnit: '', appointedAt: '' },
      'ok',
    ],
    ['refuses a barnekoordinator for an adult', { coordinatorKind: 'barnekoordinator' }, 'import.problem.childCoordinatorAdult'],
    ['refuses parents consenting for an adult', { consentGivenBy: 'foreldre' }, 'import.problem.parentsForAdult'],
    ['refuses a child of 10 consenting alone', { ...child, consentGivenBy: 'innbygger' }, 'import.problem.consentUnder16'],
    [
      'refuses a due date more than ten months ahead',
      { ...child, dueDate: '2027-11-01', status: 'meldt', decidedAt: '', ipStartedAt: '', coordinatorAadObjectId: '', coordinatorUnit: '', appointedAt: '' },
      'import.problem.dueDate',
    ],
    ['refuses an unknown kind', { ...child, coordinatorKind: 'superkoordinator' }, 'import.problem.invalidValue'],
  ];
  it.each(rows)('%s', (_name, row, expected) => {
    const { cases, problems } = readCases(csv(row), TODAY, known);
    if (expected === 'ok') {
      expect(problems).toEqual([]);
      expect(cases).toHaveLength(1);
    } else expect(problems.map((p) => p.key)).toContain(expected);
  });

  it('keeps the kind and the expected child on the case', () => {
    const { cases } = readCases(
      csv({
        ...child,
        coordinatorKind: 'Barnekoordinator',
        birthDate: '',
        dueDate: '2027-03-01',
        status: 'meldt',
        decidedAt: '',
        ipStartedAt: '',
        coordinatorAadObjectId: '',
        coordinatorUnit: '',
        appointedAt: '',
      }),
      TODAY,
      known,
    );
    expect(cases[0]!.existing).toMatchObject({
      kind: 'childCoordinator',
      expectedChild: true,
      resident: { birthDate: '2027-03-01' },
      consent: { givenBy: 'parents' },
    });
  });
});

describe('readCases()', () => {
  it('reads a started plan with its coordinator and evaluation plan', () => {
    const { cases, problems } = readCases(csv({}), TODAY, known);
    expect(problems).toEqual([]);
    expect(cases[0]).toMatchObject({
      line: 2,
      existing: {
        externalId: 'IP-1',
        state: 'planInProgress',
        servicesInvolved: ['t-hjem', 't-ppt'],
        consent: { givenBy: 'resident', form: 'written', date: '2026-01-05' },
        coordinator: { userId: 'coord-1', unit: 'Hjemmetjenesten', name: 'Per Hansen' },
        appointedOn: '2026-01-15',
        planStartedOn: '2026-02-01',
        nextEvaluationOn: '2027-02-01',
        evaluationEveryMonths: 6,
      },
    });
  });

  it.each([
    ['meldt', { decidedAt: '', coordinatorAadObjectId: '', coordinatorUnit: '', appointedAt: '', ipStartedAt: '' }, 'reported'],
    ['GODTATT', { coordinatorAadObjectId: '', coordinatorUnit: '', appointedAt: '', ipStartedAt: '' }, 'accepted'],
    ['avslått', { coordinatorAadObjectId: '', coordinatorUnit: '', appointedAt: '', ipStartedAt: '' }, 'declined'],
    ['oppnevnt', { ipStartedAt: '' }, 'coordinatorAppointed'],
    ['avsluttet', { closedAt: '2026-06-01', closingReason: 'behovet opphørt' }, 'closed'],
  ])('maps the status «%s» (any case) to a state', (status, cells, state) => {
    const { cases, problems } = readCases(csv({ status, ...cells }), TODAY, known);
    expect(problems).toEqual([]);
    expect(cases[0]!.existing.state).toBe(state);
  });

  // Every refusal a row can meet: line 2 is the row, the header is line 1.
  it.each([
    ['a birth date in the future', { birthDate: '2031-06-01' }, 'import.problem.futureDate', { column: 'birthDate' }],
    ['a birth date that does not exist', { birthDate: '2026-13-45' }, 'import.problem.invalidDate', { column: 'birthDate' }],
    ['an impossible birth date', { birthDate: '1850-01-01' }, 'import.problem.impossibleBirthDate', { value: '1850-01-01' }],
    ['consent dated in the future', { consentDate: '2099-01-01' }, 'import.problem.futureDate', { column: 'consentDate' }],
    ['an unknown service', { services: 't-hjem;t-tannlege' }, 'import.problem.unknownService', { value: 't-tannlege' }],
    ['no services', { services: '' }, 'import.problem.required', { column: 'services' }],
    ['an unknown coordinator', { coordinatorAadObjectId: 'nobody' }, 'import.problem.unknownPerson', { value: 'nobody' }],
    ['a unit nobody works in', { coordinatorUnit: 'Hjemmetjenste' }, 'import.problem.unknownUnit', { value: 'Hjemmetjenste' }],
    ['a started plan without written consent', { consentForm: 'muntlig' }, 'import.problem.startedWithoutConsent', undefined],
    ['an unknown status', { status: 'på vent' }, 'import.problem.invalidValue', { column: 'status' }],
    ['an unknown age group', { ageGroup: 'eldre' }, 'import.problem.invalidValue', { column: 'ageGroup' }],
    ['an unknown consent giver', { consentGivenBy: 'nabo' }, 'import.problem.invalidValue', { column: 'consentGivenBy' }],
    ['a started plan without its start date', { ipStartedAt: '' }, 'import.problem.requiredForStatus', { column: 'ipStartedAt' }],
    [
      'an appointed coordinator without a coordinator',
      { status: 'oppnevnt', ipStartedAt: '', coordinatorAadObjectId: '' },
      'import.problem.requiredForStatus',
      { column: 'coordinatorAadObjectId' },
    ],
    ['a closed case without its closing date', { status: 'avsluttet' }, 'import.problem.requiredForStatus', { column: 'closedAt' }],
    ['steps out of order', { appointedAt: '2026-01-08' }, 'import.problem.dateOrder', { column: 'appointedAt', before: 'decidedAt' }],
    [
      'consent before the resident was born',
      { birthDate: '2026-01-02', consentDate: '2026-01-01', reportedAt: '2026-01-05', ageGroup: 'barn' },
      'import.problem.dateOrder',
      { column: 'consentDate', before: 'birthDate' },
    ],
    [
      'a report before the resident was born',
      { birthDate: '2026-01-06', reportedAt: '2026-01-05', ageGroup: 'barn', consentDate: '2026-01-05' },
      'import.problem.dateOrder',
      { column: 'reportedAt' },
    ],
    ['an evaluation interval out of range', { evaluationIntervalMonths: '0' }, 'import.problem.invalidNumber', { column: 'evaluationIntervalMonths' }],
    ['a need that would be an Excel formula', { need: '=HYPERLINK(1)' }, 'import.problem.formula', { column: 'need' }],
    ['an external id with a slash', { externalId: 'IP/1' }, 'import.problem.invalidId', { column: 'externalId' }],
  ])('refuses %s', (_name, cells, key, params) => {
    const { cases, problems } = readCases(csv(cells), TODAY, known);
    expect(cases).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ line: 2, key, ...(params ? { params: expect.objectContaining(params) } : {}) }));
  });

  it('names the first line of a repeated externalId, and keeps checking the other rows', () => {
    const { cases, problems } = readCases(
      csv({}, { externalId: 'IP-2' }, { externalId: 'IP-1' }, { externalId: 'IP-3', birthDate: '2026-13-45' }),
      TODAY,
      known,
    );
    expect(cases.map((c) => c.existing.externalId)).toEqual(['IP-1', 'IP-2']);
    expect(problems).toEqual([
      { line: 4, key: 'import.problem.duplicate', params: { column: 'externalId', value: 'IP-1', first: 2 } },
      expect.objectContaining({ line: 5, key: 'import.problem.invalidDate' }),
    ]);
  });

  it('accepts Norwegian dates as Excel writes them', () => {
    const { cases, problems } = readCases(csv({ birthDate: '01.05.1960', reportedAt: '5.1.2026' }), TODAY, known);
    expect(problems).toEqual([]);
    expect(cases[0]!.existing).toMatchObject({ resident: { birthDate: '1960-05-01' }, reportedOn: '2026-01-05' });
  });
});
