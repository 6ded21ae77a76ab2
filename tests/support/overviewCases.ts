import { importedCase, type ExistingCase, type ImportableState } from '../../src/cases/importedCase.js';
import type { Case } from '../../src/cases/Case.js';
import { addDays } from '../../src/time/oslo.js';

/** The units of the sample cases: a municipality's services, one of them led by the sample leader. */
export const SAMPLE_UNITS = [
  'Hjemmetjenesten',
  'Barneverntjenesten',
  'Psykisk helse og rus',
  'PP-tjenesten',
  'Fysio- og ergoterapi',
  'Bo og avlastning',
] as const;
const STATES: ImportableState[] = ['reported', 'accepted', 'declined', 'coordinatorAppointed', 'planInProgress', 'planInProgress', 'planInProgress', 'closed'];

/**
 * `count` cases as KE's earlier system would have them, spread over units, states and the two years
 * before `today` (deterministic: the same count gives the same cases), made into cases the way an import makes them.
 */
export function sampleCases(municipality: string, count: number, today: string, firstReference = 1): Case[] {
  const year = today.slice(0, 4);
  return Array.from({ length: count }, (_, i) => {
    const state = STATES[(i * 5 + Math.floor(i / SAMPLE_UNITS.length)) % STATES.length]!;
    const unit = SAMPLE_UNITS[i % SAMPLE_UNITS.length]!;
    const reportedOn = addDays(today, -((i * 37) % 700) - 5);
    const decidedOn = state === 'reported' ? undefined : addDays(reportedOn, 3 + (i % 20));
    const withCoordinator = state === 'coordinatorAppointed' || state === 'planInProgress' || state === 'closed';
    const appointedOn = withCoordinator ? addDays(decidedOn!, 5 + (i % 30)) : undefined;
    const planStartedOn = state === 'planInProgress' || state === 'closed' ? addDays(appointedOn!, 7 + (i % 40)) : undefined;
    const closedOn = state === 'closed' ? addDays(planStartedOn!, 30 + (i % 200)) : undefined;
    const existing: ExistingCase = {
      externalId: `sample-${i}`,
      resident: { name: `Innbygger ${i}`, birthDate: `19${String(40 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}` },
      ageGroup: 'adult',
      need: 'Trenger samordning av tjenestene.',
      servicesInvolved: [`${municipality}-hjemmesykepleie`, `${municipality}-fysioterapi`],
      consent: { givenBy: 'resident', form: 'written', date: reportedOn },
      state,
      reportedOn,
      ...(decidedOn ? { decidedOn } : {}),
      ...(state === 'declined' ? { declineReason: 'Vilkårene er ikke oppfylt.' } : {}),
      ...(withCoordinator ? { coordinator: { userId: `coordinator-${i % 50}`, unit, name: `Koordinator ${i % 50}` }, appointedOn } : {}),
      ...(planStartedOn ? { planStartedOn } : {}),
      ...(state === 'planInProgress' && i % 3 === 0 ? { nextEvaluationOn: addDays(today, (i % 60) - 30) } : {}),
      ...(closedOn && closedOn <= today ? { closedOn, closeReason: 'needEnded' as const } : {}),
    };
    if (state === 'closed' && !existing.closedOn) existing.state = 'planInProgress';
    return importedCase(existing, {
      reference: `${municipality.toUpperCase()}-${year}-${String(firstReference + i).padStart(5, '0')}`,
      municipality,
      importedBy: 'operator:sample',
      at: `${today}T07:00:00.000Z`,
    });
  });
}
