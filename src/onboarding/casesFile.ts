import { AGE_OF_CONSENT, type CloseReason } from '../cases/Case.js';
import { addMonths, ageOn } from '../time/oslo.js';
import { statesWithCoordinator, type ExistingCase } from '../cases/importedCase.js';
import { Cells, earliestBirthDate } from '../files/cells.js';
import type { Problem } from '../files/Problem.js';
import { readTable, type TableInput } from '../files/tabularFile.js';
import { ageGroupWords, caseColumnAliases, closeReasonWords, consentFormWords, consentGiverWords, coordinatorKindWords, statusWords } from './vocabulary.js';

export const CASE_COLUMNS = [
  'externalId',
  'residentName',
  'birthDate',
  'ageGroup',
  'need',
  'services',
  'consentGivenBy',
  'consentForm',
  'consentDate',
  'status',
  'reportedAt',
  'decidedAt',
  'coordinatorAadObjectId',
  'coordinatorUnit',
  'appointedAt',
  'ipStartedAt',
  'nextEvaluationAt',
  'evaluationIntervalMonths',
  'trainingCompletedAt',
  'closedAt',
  'closingReason',
  'coordinatorKind',
  'dueDate',
] as const;
export const CASE_REQUIRED = [
  'externalId',
  'residentName',
  'birthDate',
  'ageGroup',
  'need',
  'services',
  'consentGivenBy',
  'consentForm',
  'consentDate',
  'status',
  'reportedAt',
] as const;

/** What the rest of the import (and the store) knows: a row may refer to any of it. */
export interface CaseReferences {
  services: ReadonlySet<string>;
  /** People by Entra object id (lower case), with the unit they work in. */
  people: ReadonlyMap<string, { name: string; unit?: string }>;
  /** Object ids by e-mail / user principal name (lower case): a file may name a person either way. */
  emails?: ReadonlyMap<string, string>;
  /** Units somebody works in. */
  units: ReadonlySet<string>;
}

export interface CaseRow {
  line: number;
  existing: ExistingCase;
  /** The coordinator completed training (koordinatorskolen) on this date. */
  trainingCompletedOn?: string;
}

/**
 * Every valid case, and a problem per bad cell: unknown services, coordinators or units, dates that
 * do not exist or lie in the future, steps out of order, a started plan without written consent.
 */
export function readCases(input: TableInput, today: string, known: CaseReferences): { cases: CaseRow[]; problems: Problem[]; warnings: Problem[] } {
  const table = readTable(input, { required: CASE_REQUIRED, known: CASE_COLUMNS, aliases: caseColumnAliases });
  const cases: CaseRow[] = [];
  const problems: Problem[] = [...table.problems];
  const warnings: Problem[] = [...table.warnings];
  if (!table.problems.length && table.rows.length === 0) problems.push({ line: 1, key: 'import.problem.noRows' });
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const cells = new Cells(row, today);
    const externalId = cells.id('externalId', { required: true });
    if (externalId) {
      const first = seen.get(externalId);
      if (first !== undefined) cells.problem('import.problem.duplicate', { column: 'externalId', value: externalId, first });
      else seen.set(externalId, row.line);
    }
    const residentName = cells.text('residentName', { max: 120, required: true });
    // An expected child: the parent is named, the due date stands in for the birth date.
    const dueDate = cells.date('dueDate', { future: true });
    if (dueDate && (dueDate < addMonths(today, -12) || dueDate > addMonths(today, 10))) cells.problem('import.problem.dueDate', { value: dueDate });
    const birthDate = dueDate ?? cells.date('birthDate', { required: true });
    if (birthDate && birthDate < earliestBirthDate(today)) cells.problem('import.problem.impossibleBirthDate', { value: birthDate });
    const ageGroup = cells.choice('ageGroup', ageGroupWords, { required: true, shown: ['barn', 'voksen'] });
    const need = cells.text('need', { max: 1000, required: true });
    const services = cells.list('services');
    if (services.length === 0) cells.problem('import.problem.required', { column: 'services' });
    for (const service of services) if (!known.services.has(service)) cells.problem('import.problem.unknownService', { value: service });
    const consentGivenBy = cells.choice('consentGivenBy', consentGiverWords, { required: true, shown: ['innbygger', 'foreldre', 'pårørende', 'verge'] });
    const kind = cells.choice('coordinatorKind', coordinatorKindWords, { shown: ['koordinator', 'barnekoordinator'] }) ?? 'coordinator';
    const consentForm = cells.choice('consentForm', consentFormWords, { required: true, shown: ['skriftlig', 'muntlig'] });
    const consentDate = cells.date('consentDate', { required: true });
    const state = cells.choice('status', statusWords, { required: true, shown: ['meldt', 'godtatt', 'avslått', 'oppnevnt', 'startet', 'avsluttet'] });
    const reportedOn = cells.date('reportedAt', { required: true });
    const decidedOn = cells.date('decidedAt');
    const coordinatorId = personId(cells, 'coordinatorAadObjectId', known);
    const coordinatorUnit = cells.text('coordinatorUnit', { max: 120 });
    const appointedOn = cells.date('appointedAt');
    const planStartedOn = cells.date('ipStartedAt');
    const nextEvaluationOn = cells.date('nextEvaluationAt', { future: true });
    const evaluationEveryMonths = cells.integer('evaluationIntervalMonths', 1, 36);
    const trainingCompletedOn = cells.date('trainingCompletedAt');
    const closedOn = cells.date('closedAt');
    // A reason in the KE's own words that matches none is «annet», its text kept (a warning).
    const closeReason: { code: CloseReason; text?: string } | undefined = cells.choiceOr('closingReason', closeReasonWords, 'other');

    const person = coordinatorId ? known.people.get(coordinatorId) : undefined;
    if (coordinatorId && !person) cells.problem('import.problem.unknownPerson', { value: coordinatorId });
    if (coordinatorUnit && !known.units.has(coordinatorUnit)) cells.problem('import.problem.unknownUnit', { value: coordinatorUnit });
    if (state) {
      const needs = (column: string, value: unknown) => {
        if (value === undefined && cells.raw(column) === '') cells.problem('import.problem.requiredForStatus', { column, status: cells.raw('status') });
      };
      if (state !== 'reported') needs('decidedAt', decidedOn);
      if (statesWithCoordinator.includes(state)) {
        needs('coordinatorAadObjectId', coordinatorId);
        needs('coordinatorUnit', coordinatorUnit);
        needs('appointedAt', appointedOn);
      }
      if (state === 'planInProgress') needs('ipStartedAt', planStartedOn);
      if (state === 'closed') needs('closedAt', closedOn);
      // The seeds' start checklist: the plan starts only with the resident's signed consent.
      if ((state === 'planInProgress' || planStartedOn) && consentForm !== 'written') cells.problem('import.problem.startedWithoutConsent');
    }
    const order: [string, string | undefined][] = [
      ['reportedAt', reportedOn],
      ['decidedAt', decidedOn],
      ['appointedAt', appointedOn],
      ['ipStartedAt', planStartedOn],
      ['closedAt', closedOn],
    ];
    const dated = order.filter((entry): entry is [string, string] => entry[1] !== undefined);
    for (let index = 1; index < dated.length; index++) {
      const [column, date] = dated[index]!;
      const [before, earlier] = dated[index - 1]!;
      if (date < earlier) cells.problem('import.problem.dateOrder', { column, before });
    }
    // Who may consent for whom, and who may have a barnekoordinator (as in the meldeskjema).
    if (ageGroup === 'adult' && kind === 'childCoordinator') cells.problem('import.problem.childCoordinatorAdult');
    if (ageGroup === 'adult' && consentGivenBy === 'parents') cells.problem('import.problem.parentsForAdult');
    if (dueDate && ageGroup === 'adult') cells.problem('import.problem.dueDateAdult');
    if (ageGroup === 'child' && consentGivenBy === 'resident' && birthDate && consentDate && (dueDate || ageOn(birthDate, consentDate) < AGE_OF_CONSENT))
      cells.problem('import.problem.consentUnder16');
    if (!dueDate && birthDate && reportedOn && reportedOn < birthDate) cells.problem('import.problem.dateOrder', { column: 'reportedAt', before: 'birthDate' });
    if (!dueDate && birthDate && consentDate && consentDate < birthDate)
      cells.problem('import.problem.dateOrder', { column: 'consentDate', before: 'birthDate' });

    problems.push(...cells.problems);
    warnings.push(...cells.warnings);
    if (
      cells.problems.length > 0 ||
      !externalId ||
      !residentName ||
      !birthDate ||
      !ageGroup ||
      !need ||
      !consentGivenBy ||
      !consentForm ||
      !consentDate ||
      !state ||
      !reportedOn
    )
      continue;
    const coordinatorKnown =
      coordinatorId && person && appointedOn ? { userId: coordinatorId, unit: coordinatorUnit ?? person.unit ?? '', name: person.name } : undefined;
    cases.push({
      line: row.line,
      ...(trainingCompletedOn ? { trainingCompletedOn } : {}),
      existing: {
        externalId,
        resident: { name: residentName, birthDate },
        ageGroup,
        ...(kind === 'childCoordinator' ? { kind } : {}),
        ...(dueDate ? { expectedChild: true } : {}),
        need,
        servicesInvolved: services,
        consent: { givenBy: consentGivenBy, form: consentForm, date: consentDate },
        state,
        reportedOn,
        ...(decidedOn ? { decidedOn } : {}),
        ...(coordinatorKnown && state !== 'reported' && state !== 'declined' ? { coordinator: coordinatorKnown, appointedOn } : {}),
        ...(planStartedOn && state !== 'reported' && state !== 'declined' ? { planStartedOn } : {}),
        ...(nextEvaluationOn ? { nextEvaluationOn } : {}),
        ...(evaluationEveryMonths ? { evaluationEveryMonths } : {}),
        ...(state === 'closed' && closedOn
          ? { closedOn, closeReason: closeReason?.code ?? 'other', ...(closeReason?.text ? { closeReasonText: closeReason.text } : {}) }
          : {}),
      },
    });
  }
  return { cases, problems, warnings };
}

/** A person a cell names: by Entra object id, or by the e-mail / user principal name of someone known. */
function personId(cells: Cells, column: string, known: CaseReferences): string | undefined {
  const value = cells.raw(column);
  if (value.includes('@')) {
    const userId = known.emails?.get(value.toLowerCase());
    if (!userId) cells.problem('import.problem.unknownPerson', { value });
    return userId;
  }
  return cells.id(column)?.toLowerCase();
}
