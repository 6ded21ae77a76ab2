import { describe, expect, it } from 'vitest';
import { parseReportInput } from '../../../src/cases/reportInput.js';
import { InputError } from '../../../src/errors.js';
import type { MessageKey } from '../../../src/i18n/messages.js';
import { reportForm } from '../../support/reportForm.js';

/** Oslo's today in these rows. */
const TODAY = '2026-12-07';

/** The key of the words the reporter reads, or 'ok'. */
function outcome(overrides: Record<string, unknown>): MessageKey | 'ok' {
  try {
    parseReportInput(reportForm(overrides), TODAY);
    return 'ok';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.userMessage!.key;
  }
}

describe('parseReportInput(): who consents for whom, barnekoordinator, an expected child', () => {
  const rows: [string, Record<string, unknown>, MessageKey | 'ok'][] = [
    ['parents consent for a child', { ageGroup: 'child', consentGivenBy: 'parents' }, 'ok'],
    ['a guardian consents for a child', { ageGroup: 'child', consentGivenBy: 'guardian' }, 'ok'],
    ['a child of 16 consents alone', { ageGroup: 'child', residentBirthDate: '2010-01-15', consentGivenBy: 'resident', consentDate: '2026-11-20' }, 'ok'],
    [
      'refuses a child of 15 consenting alone',
      { ageGroup: 'child', residentBirthDate: '2010-12-01', consentGivenBy: 'resident', consentDate: '2026-11-20' },
      'report.invalid.consentUnder16',
    ],
    [
      'counts the age on the consent date, not today',
      { ageGroup: 'child', residentBirthDate: '2010-11-25', consentGivenBy: 'resident', consentDate: '2026-11-24' },
      'report.invalid.consentUnder16',
    ],
    [
      'refuses parents consenting for an adult',
      { ageGroup: 'adult', residentBirthDate: '1980-01-01', consentGivenBy: 'parents' },
      'report.invalid.consentParentsAdult',
    ],
    ['an adult consents alone', { ageGroup: 'adult', residentBirthDate: '1980-01-01', consentGivenBy: 'resident' }, 'ok'],
    ['a barnekoordinator for a child', { ageGroup: 'child', consentGivenBy: 'parents', childCoordinator: 'true' }, 'ok'],
    [
      'refuses a barnekoordinator for an adult',
      { ageGroup: 'adult', residentBirthDate: '1980-01-01', consentGivenBy: 'resident', childCoordinator: 'true' },
      'report.invalid.childCoordinatorAdult',
    ],
    [
      'an expected child with the due date in four months',
      { ageGroup: 'expected', residentBirthDate: '2027-04-01', consentGivenBy: 'parents', childCoordinator: 'true' },
      'ok',
    ],
    ['an expected child whose due date passed a month ago', { ageGroup: 'expected', residentBirthDate: '2026-11-07', consentGivenBy: 'parents' }, 'ok'],
    [
      'refuses a due date more than ten months ahead',
      { ageGroup: 'expected', residentBirthDate: '2027-10-08', consentGivenBy: 'parents' },
      'report.invalid.dueDate',
    ],
    [
      'refuses a due date more than a year back',
      { ageGroup: 'expected', residentBirthDate: '2025-12-06', consentGivenBy: 'parents' },
      'report.invalid.dueDate',
    ],
    [
      'refuses an expected child consenting',
      { ageGroup: 'expected', residentBirthDate: '2027-04-01', consentGivenBy: 'resident' },
      'report.invalid.consentExpected',
    ],
    ['refuses an unknown consent giver', { consentGivenBy: 'neighbour' }, 'report.invalid.consentGivenBy'],
  ];
  it.each(rows)('%s', (_name, overrides, expected) => {
    expect(outcome(overrides)).toBe(expected);
  });

  it('reads «Familien ber om barnekoordinator» as a yes only when ticked', () => {
    expect(parseReportInput(reportForm({ consentGivenBy: 'parents', childCoordinator: 'true' }), TODAY).childCoordinator).toBe(true);
    expect(parseReportInput(reportForm({ consentGivenBy: 'parents' }), TODAY).childCoordinator).toBe(false);
  });
});
