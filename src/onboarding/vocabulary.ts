import {
  closeReasons,
  consentGivers,
  coordinatorKinds,
  type AgeGroup,
  type CloseReason,
  type ConsentForm,
  type ConsentGivenBy,
  type CoordinatorKind,
} from '../cases/Case.js';
import { importableStates, type ImportableState } from '../cases/importedCase.js';
import type { Vocabulary } from '../files/cells.js';
import { columnsByHeader, headerKey } from '../files/tabularFile.js';
import { catalogues, locales, type MessageKey } from '../i18n/messages.js';

/**
 * How people write the columns and values of the import files. A KE's spreadsheet and IT's Entra ID
 * user list name their columns in their own words («Navn», «Fødselsdato», «User principal name»),
 * and their cells hold the bot's own labels in bokmål, nynorsk or English («Innbyggeren selv»,
 * «Skriftleg»), the codes, or common synonyms. Everything is matched by `headerKey` (case, spaces
 * and punctuation do not matter).
 */

/** Values by the words for them: the bot's labels in every language, the codes, and the synonyms given. */
function vocabulary<T extends string>(
  codes: readonly T[],
  labelKey: ((code: T) => MessageKey) | undefined,
  synonyms: Partial<Record<T, readonly string[]>>,
): Vocabulary<T> {
  const words = new Map<string, T>();
  for (const code of codes) {
    words.set(headerKey(code), code);
    if (labelKey) for (const locale of locales) words.set(headerKey(catalogues[locale][labelKey(code)]), code);
    for (const synonym of synonyms[code] ?? []) words.set(headerKey(synonym), code);
  }
  return words;
}

export const consentGiverWords: Vocabulary<ConsentGivenBy> = vocabulary(consentGivers, (code) => `report.form.consentGivenBy.${code}`, {
  resident: ['innbygger', 'innbyggeren', 'innbyggjar', 'bruker', 'brukeren', 'brukar', 'pasient', 'pasienten', 'selv', 'sjølv', 'den unge', 'resident'],
  parents: ['foreldre', 'foresatte', 'føresette', 'foreldre/foresatte', 'mor', 'far', 'mor og far', 'parents'],
  nextOfKin: ['pårørende', 'parorende', 'pårørande', 'next of kin'],
  guardian: ['verge', 'verje', 'guardian'],
});

export const consentFormWords: Vocabulary<ConsentForm> = vocabulary(['written', 'oral'], (code) => `report.form.consentForm.${code}`, {
  written: ['skriftlig', 'skriftleg', 'signert'],
  oral: ['muntlig', 'munnleg'],
});

export const ageGroupWords: Vocabulary<AgeGroup> = vocabulary(['child', 'adult'], (code) => `report.form.ageGroup.${code}`, {
  child: ['barn', 'born', 'barn/ungdom', 'ungdom', 'under 18'],
  adult: ['voksen', 'vaksen', 'over 18'],
});

export const coordinatorKindWords: Vocabulary<CoordinatorKind> = vocabulary(coordinatorKinds, (code) => `case.kind.${code}`, {
  coordinator: ['koordinator', 'ordinær', 'vanlig'],
  childCoordinator: ['barnekoordinator', 'child coordinator', '2-5 c', '§ 2-5 c'],
});

export const statusWords: Vocabulary<ImportableState> = vocabulary(importableStates, (code) => `case.state.${code}`, {
  reported: ['meldt', 'ny', 'mottatt'],
  accepted: ['godtatt', 'innvilget', 'innvilga', 'vedtak fattet'],
  declined: ['avslått', 'avslatt', 'avslag'],
  coordinatorAppointed: ['oppnevnt', 'koordinator oppnevnt', 'utpekt'],
  planInProgress: ['startet', 'ip startet', 'pågår', 'aktiv', 'i arbeid'],
  closed: ['avsluttet', 'avslutta', 'lukket', 'ferdig'],
});

export const closeReasonWords: Vocabulary<CloseReason> = vocabulary(closeReasons, (code) => `close.reason.${code}`, {
  needEnded: ['behovet opphørt', 'behov opphørt', 'behovet er dekket', 'behov dekket', 'ikke lenger behov', 'behovet er borte'],
  residentTakesOver: ['bruker overtar', 'innbygger overtar', 'innbyggeren overtar selv'],
  residentDeclinesPlan: ['takker nei', 'ønsker ikke ip', 'ønsker ikke lenger ip', 'trakk seg'],
  other: ['annet', 'anna', 'other'],
});

/** The cases file's columns, as KEs name them in their own lists. */
export const caseColumnAliases: Readonly<Record<string, readonly string[]>> = {
  externalId: ['id', 'saksnummer', 'saksnr', 'sak', 'ekstern id', 'løpenummer', 'referanse'],
  residentName: ['navn', 'innbygger', 'innbyggerens navn', 'brukerens navn', 'bruker', 'name'],
  birthDate: ['fødselsdato', 'fødd', 'født', 'birth date'],
  ageGroup: ['aldersgruppe', 'barn eller voksen', 'barn/voksen', 'age group'],
  need: ['behov', 'behovet', 'need'],
  services: ['tjenester', 'tjenester involvert', 'tjenester som er involvert', 'services'],
  consentGivenBy: ['samtykke gitt av', 'samtykke fra', 'samtykket gitt av', 'samtykke frå', 'consent given by'],
  consentForm: ['samtykkeform', 'samtykke form', 'form på samtykke', 'consent form'],
  consentDate: ['samtykkedato', 'dato for samtykke', 'dato samtykke', 'consent date'],
  status: ['saksstatus', 'tilstand', 'state'],
  reportedAt: ['meldt', 'meldt dato', 'dato meldt', 'meldedato', 'mottatt', 'reported'],
  decidedAt: ['vedtak', 'vedtaksdato', 'dato vedtak', 'avgjort', 'decided'],
  coordinatorAadObjectId: ['koordinator', 'koordinator e-post', 'koordinators e-post', 'koordinator id', 'coordinator'],
  coordinatorUnit: ['enhet', 'koordinators enhet', 'koordinatorens enhet', 'unit'],
  appointedAt: ['oppnevnt', 'oppnevnt dato', 'dato oppnevnt', 'appointed'],
  ipStartedAt: ['ip startet', 'oppstart ip', 'oppstart', 'plan startet', 'ip start'],
  nextEvaluationAt: ['neste evaluering', 'evaluering', 'next evaluation'],
  evaluationIntervalMonths: ['evalueringsintervall', 'intervall', 'evaluering hver måned'],
  trainingCompletedAt: ['opplæring fullført', 'koordinatorskolen fullført', 'koordinatorskole'],
  closedAt: ['avsluttet dato', 'avsluttet', 'dato avsluttet', 'closed'],
  closingReason: ['avslutningsårsak', 'årsak til avslutning', 'grunn til avslutning', 'årsak', 'closing reason'],
  coordinatorKind: ['type koordinator', 'sakstype', 'koordinatortype'],
  dueDate: ['termin', 'termindato', 'due date'],
};

/** The people file's columns, and those of the Entra admin centre's user list (*Users → Download users*). */
export const peopleColumnAliases: Readonly<Record<string, readonly string[]>> = {
  aadObjectId: ['object id', 'objectid', 'id', 'objekt-id', 'entra id', 'azure ad object id'],
  name: ['display name', 'displayname', 'navn', 'visningsnavn', 'fullt navn'],
  email: ['user principal name', 'userprincipalname', 'upn', 'e-post', 'epost', 'mail', 'email address'],
  unit: ['department', 'enhet', 'avdeling', 'arbeidssted'],
  leads: ['leder for', 'leder av', 'leiar for'],
  ke: ['koordinerende enhet', 'ke-medlem', 'ke medlem'],
  keAdmin: ['ke-administrator', 'ke admin', 'ke-admin'],
};

/** Which columns a header names, for one kind of file. */
function columnsNamed(header: readonly string[], known: readonly string[], aliases: Readonly<Record<string, readonly string[]>>): Set<string> {
  const byKey = columnsByHeader({ known, aliases });
  return new Set(header.flatMap((name) => byKey.get(headerKey(name)) ?? []));
}

/**
 * What a file is, by its header as people write it: a cases file names a case id, the resident and a
 * status; a people file (ours, or the Entra user list) an object id and a name; anything else is a
 * directory file.
 */
export function fileKindOf(header: readonly string[]): 'cases' | 'people' | 'directory' {
  // The directory's own columns («category», «offers») come first: its «id» and «name» would read as a person's.
  const keys = new Set(header.map(headerKey));
  if (keys.has('category') || keys.has('offers')) return 'directory';
  const cases = columnsNamed(header, Object.keys(caseColumnAliases), caseColumnAliases);
  if (['externalId', 'residentName', 'status'].every((column) => cases.has(column))) return 'cases';
  const people = columnsNamed(header, Object.keys(peopleColumnAliases), peopleColumnAliases);
  // People by object id with a name (our template, the Entra list), or a roles file by e-mail.
  const names = people.has('aadObjectId') || people.has('email');
  if (names && ['name', 'unit', 'leads', 'ke', 'keAdmin'].some((column) => people.has(column))) return 'people';
  return 'directory';
}
