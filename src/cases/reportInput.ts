import { z } from 'zod';
import { InputError } from '../errors.js';
import { calendarDate, earliestBirthDate } from '../files/cells.js';
import type { MessageKey } from '../i18n/messages.js';


/** Free text that ends up in cards: no markdown or HTML control characters, so it renders as typed. */
const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !/[[\]*_`<>#~|\\]/.test(value), 'Bruk vanlig tekst uten tegnene [ ] * _ ` < > # ~ | \\');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dato må være på formen åååå-mm-dd');

/**
 * The meldeskjema as the card submits it, validated on the server. Messages are Norwegian: they are
 * shown to the reporter as they are.
 */
export const reportInputSchema = z.object({
  residentName: plain(120).pipe(z.string().min(2, 'Skriv navnet til innbyggeren.')),
  residentBirthDate: isoDate,
  ageGroup: z.enum(['child', 'adult'], { errorMap: () => ({ message: 'Velg barn eller voksen.' }) }),
  servicesInvolved: z
    .string()
    .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9-]{3,80}$/)).min(2, 'Velg minst to tjenester som er involvert nå (koordinerte tjenester).').max(20)),
  need: z.string().trim().min(10, 'Beskriv behovet med noen setninger.').max(1000, 'Beskrivelsen kan være på høyst 1000 tegn.'),
  consentGiven: z.literal('true', { errorMap: () => ({ message: 'Meldingen kan ikke sendes uten samtykke fra innbyggeren eller pårørende/verge.' }) }),
  consentGivenBy: z.enum(['resident', 'nextOfKin', 'guardian'], { errorMap: () => ({ message: 'Velg hvem som ga samtykket.' }) }),
  consentForm: z.enum(['oral', 'written'], { errorMap: () => ({ message: 'Velg om samtykket er muntlig eller skriftlig.' }) }),
  consentDate: isoDate,
  wishedCoordinator: plain(120).optional().transform((v) => v || undefined),
  reporterUnit: plain(120).pipe(z.string().min(2, 'Skriv hvilken enhet du melder fra.')),
  submissionId: z.string().uuid(),
});

export type ReportInput = z.infer<typeof reportInputSchema>;

const LABELS: Record<keyof ReportInput, string> = {
  residentName: 'Navn på innbyggeren',
  residentBirthDate: 'Fødselsdato',
  ageGroup: 'Barn eller voksen',
  servicesInvolved: 'Tjenester som er involvert nå',
  need: 'Behovet',
  consentGiven: 'Samtykke',
  consentGivenBy: 'Hvem som ga samtykket',
  consentForm: 'Muntlig eller skriftlig samtykke',
  consentDate: 'Dato for samtykket',
  wishedCoordinator: 'Ønsket koordinator',
  reporterUnit: 'Din enhet',
  submissionId: 'Skjemaet',
};

/** Dates that exist and lie where they can: a birth date within 125 years before today, consent given between birth and today. */
function dateProblem(form: ReportInput, today: string): MessageKey | undefined {
  const birth = calendarDate(form.residentBirthDate);
  if (!birth || birth > today || birth < earliestBirthDate(today)) return 'report.invalid.birthDate';
  const consent = calendarDate(form.consentDate);
  if (!consent || consent > today || consent < birth) return 'report.invalid.consentDate';
  return undefined;
}

/** The form, or an `InputError` whose message names the first problem. `today` (yyyy-mm-dd, Oslo) bounds the dates. */
export function parseReportInput(input: unknown, today: string): ReportInput {
  const parsed = reportInputSchema.safeParse(input);
  if (parsed.success) {
    const problem = dateProblem(parsed.data, today);
    if (problem) throw new InputError(`report form: ${problem}`, { userMessage: { key: problem } });
    return parsed.data;
  }
  const issue = parsed.error.issues[0]!;
  const label = LABELS[issue.path[0] as keyof ReportInput] ?? 'Skjemaet';
  const ownMessage = issue.code === 'custom' || issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_string' || issue.code === 'invalid_literal' || issue.code === 'invalid_enum_value';
  throw new InputError(ownMessage && !/^(String|Array|Invalid)/.test(issue.message) ? issue.message : `«${label}» mangler eller er ugyldig.`);
}
