import { z } from 'zod';

/**
 * When reminders fall due and when they may be sent, per municipality. The defaults follow the
 * seeds where they say something (Ålesund: training within 6 months) and are otherwise what a KE
 * would start with; a municipality changes them with its own settings document.
 */
export const reminderSettingsSchema = z.object({
  /** Days before the plan's evaluation date that the coordinator is reminded. */
  evaluationNoticeDays: z.number().int().min(0).max(60).default(7),
  /** Weeks without recorded contact before the coordinator is asked to follow up. */
  contactWeeks: z.number().int().min(1).max(52).default(6),
  /** Months after appointment by which coordinator training should be done (Ålesund's routine). */
  trainingMonths: z.number().int().min(1).max(24).default(6),
  /** Months before a child's transition (school start, lower/upper secondary, 18) that planning should start. */
  transitionMonthsBefore: z.number().int().min(1).max(24).default(6),
  /** Days a report may wait for KE's decision or a coordinator before KE is reminded. */
  keWaitingDays: z.number().int().min(1).max(90).default(14),
  /** Days an approval may wait before the leaders are reminded. */
  approvalPendingDays: z.number().int().min(1).max(30).default(3),
  /** Working hours in Oslo time, on weekdays that are not public holidays. */
  workdayStartHour: z.number().int().min(0).max(23).default(8),
  workdayEndHour: z.number().int().min(1).max(24).default(16),
});

/** Settings as a whole: the working day must end after it starts. */
export const reminderSettingsInput = reminderSettingsSchema.refine((settings) => settings.workdayEndHour > settings.workdayStartHour);

export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
export const reminderSettingNames = Object.keys(reminderSettingsSchema.shape) as (keyof ReminderSettings)[];

/** The bounds of each setting, from the schema, for the settings card. */
export function settingBounds(name: keyof ReminderSettings): { min: number; max: number } {
  const inner = reminderSettingsSchema.shape[name]._def.innerType as z.ZodNumber;
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? 9999 };
}

export const defaultReminderSettings: ReminderSettings = reminderSettingsSchema.parse({});
