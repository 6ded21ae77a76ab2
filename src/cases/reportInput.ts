import { z } from 'zod';
import { InputError } from '../errors.js';
import { calendarDate, earliestBirthDate } from '../files/cells.js';
import type { MessageKey } from '../i18n/messages.js';
import { addMonths, ageOn } from '../time/oslo.js';
import { AGE_OF_CONSENT, consentGivers } from './Case.js';

/** Free text that ends up in cards: no markdown or HTML control characters, so it renders as typed. */
const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !/[[\]*_`<>#~|\\]/.test(value));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The meldeskjema as the card submits it, validated on the server. A field that fails gets its own words (`report.invalid.<field>`). */
export const reportInputSchema = z.object({
  residentName: plain(120).pipe(z.string().min(2)),
  residentBirthDate: isoDate,
  /** `expected`: a child not yet born; the name is a parent's and the date the due date. */
  ageGroup: z.enum(['child', 'adult', 'expected']),
  /** The family asks for a barnekoordinator (pbrl § 2-5 c). */
  childCoordinator: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  servicesInvolved: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^[a-z0-9-]{3,80}$/))
        .min(2)
        .max(20),
    ),
  need: z.string().trim().min(10).max(1000),
  consentGiven: z.literal('true'),
  consentGivenBy: z.enum(consentGivers),
  consentForm: z.enum(['oral', 'written']),
  consentDate: isoDate,
  wishedCoordinator: plain(120)
    .optional()
    .transform((v) => v || undefined),
  reporterUnit: plain(120).pipe(z.string().min(2)),
  submissionId: z.string().uuid(),
});

export type ReportInput = z.infer<typeof reportInputSchema>;

/** What the reporter reads when a field is missing or wrong. */
const FIELD_PROBLEMS: Record<keyof ReportInput, MessageKey> = {
  residentName: 'report.invalid.residentName',
  residentBirthDate: 'report.invalid.birthDate',
  ageGroup: 'report.invalid.ageGroup',
  childCoordinator: 'report.invalid.childCoordinatorAdult',
  servicesInvolved: 'report.invalid.servicesInvolved',
  need: 'report.invalid.need',
  consentGiven: 'report.invalid.consentGiven',
  consentGivenBy: 'report.invalid.consentGivenBy',
  consentForm: 'report.invalid.consentForm',
  consentDate: 'report.invalid.consentDate',
  wishedCoordinator: 'report.invalid.wishedCoordinator',
  reporterUnit: 'report.invalid.reporterUnit',
  submissionId: 'report.invalid.submissionId',
};

/**
 * Dates that exist and lie where they can: a birth date within 125 years before today, consent given
 * between birth and today; for an expected child, a due date at most a year back and ten months ahead.
 */
function dateProblem(form: ReportInput, today: string): MessageKey | undefined {
  const consent = calendarDate(form.consentDate);
  if (form.ageGroup === 'expected') {
    const due = calendarDate(form.residentBirthDate);
    if (!due || due < addMonths(today, -12) || due > addMonths(today, 10)) return 'report.invalid.dueDate';
    return !consent || consent > today ? 'report.invalid.consentDate' : undefined;
  }
  const birth = calendarDate(form.residentBirthDate);
  if (!birth || birth > today || birth < earliestBirthDate(today)) return 'report.invalid.birthDate';
  if (!consent || consent > today || consent < birth) return 'report.invalid.consentDate';
  return undefined;
}

/**
 * Who may consent for whom, and who may ask for a barnekoordinator: a child under 16 does not consent
 * alone (pbrl § 4-3) and an expected child not at all; parents consent for a child, not for an adult;
 * a barnekoordinator (§ 2-5 c) is for a child or an expected child.
 */
function consentProblem(form: ReportInput): MessageKey | undefined {
  const child = form.ageGroup !== 'adult';
  if (form.childCoordinator && !child) return 'report.invalid.childCoordinatorAdult';
  if (form.consentGivenBy === 'parents' && !child) return 'report.invalid.consentParentsAdult';
  if (form.consentGivenBy === 'resident' && form.ageGroup === 'expected') return 'report.invalid.consentExpected';
  if (form.consentGivenBy === 'resident' && form.ageGroup === 'child' && ageOn(form.residentBirthDate, form.consentDate) < AGE_OF_CONSENT)
    return 'report.invalid.consentUnder16';
  return undefined;
}

/** The form, or an `InputError` naming the first field that is wrong. `today` (yyyy-mm-dd, Oslo) bounds the dates. */
export function parseReportInput(input: unknown, today: string): ReportInput {
  const parsed = reportInputSchema.safeParse(input);
  if (parsed.success) {
    const problem = dateProblem(parsed.data, today) ?? consentProblem(parsed.data);
    if (problem) throw new InputError(`report form: ${problem}`, { key: problem });
    return parsed.data;
  }
  const issue = parsed.error.issues[0]!;
  const field = issue.path[0] as keyof ReportInput;
  throw new InputError(`report form: ${issue.path.join('.')} ${issue.message}`, { key: FIELD_PROBLEMS[field] ?? 'report.invalid.submissionId' });
}
