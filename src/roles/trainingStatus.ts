import type { TrainingRecord } from './Roles.js';
import { addMonths } from '../time/oslo.js';

/** Ålesund: a yearly half-day refresher after koordinatorskolen. */
export const REFRESHER_MONTHS = 12;

/** Where a person stands with coordinator training today. */
export interface TrainingStatus {
  /** Koordinatorskolen done on this date. */
  completedOn?: string;
  /** The deadline: the first appointment plus the municipality's months (none before a first appointment). */
  deadline?: string;
  overdue: boolean;
  /** When the next refresher is due, once the school is done: a year after it, or after the last refresher. */
  refresherDue?: string;
  refresherOverdue: boolean;
}

export function trainingStatus(record: TrainingRecord | undefined, trainingMonths: number, today: string): TrainingStatus {
  if (record?.completedOn) {
    const refresherDue = addMonths(record.refreshedOn ?? record.completedOn, REFRESHER_MONTHS);
    return { completedOn: record.completedOn, overdue: false, refresherDue, refresherOverdue: refresherDue < today };
  }
  const deadline = record?.startedAt ? addMonths(record.startedAt.slice(0, 10), trainingMonths) : undefined;
  return { ...(deadline ? { deadline } : {}), overdue: deadline !== undefined && deadline < today, refresherOverdue: false };
}
