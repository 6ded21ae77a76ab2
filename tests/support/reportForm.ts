import { randomUUID } from 'node:crypto';

/** A filled-in meldeskjema as the card submits it (Input values are strings). */
export function reportForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    residentName: 'Ola Nordmann',
    residentBirthDate: '2014-05-06',
    ageGroup: 'child',
    servicesInvolved: 'rana-barnevern,rana-pp-tjenesten',
    need: 'Trenger samordning mellom skole, avlastning og barnevern.',
    consentGiven: 'true',
    consentGivenBy: 'guardian',
    consentForm: 'written',
    consentDate: '2026-11-20',
    reporterUnit: 'Selfors skole',
    submissionId: randomUUID(),
    ...overrides,
  };
}
