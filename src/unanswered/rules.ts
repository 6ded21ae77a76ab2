import { isStopword, stem, tokenize } from '../language/norwegianText.js';
import { pushTo } from '../collections.js';
import { isWorkday, isWorkingTime } from '../reminders/workingHours.js';
import type { ReminderSettings } from '../reminders/ReminderSettings.js';
import { addDays, osloParts } from '../time/oslo.js';
import { MASK } from './mask.js';

/** How a question showed that the directory did not answer it. */
export type MissKind = 'noHit' | 'rejected' | 'reformulated';
export const missKinds = ['noHit', 'rejected', 'reformulated'] as const satisfies readonly MissKind[];

/**
 * A question the directory did not answer, as stored: masked, without who asked or where, for
 * {@link KEPT_DAYS} days. `group` is what the search read in it ({@link DirectorySearch.questionKey}).
 */
export interface Miss {
  question: string;
  kind: MissKind;
  group: string;
  /** The services the answer offered (none for a no-hit). */
  offered: string[];
  /** «Hva lette du etter?», masked. */
  lookingFor?: string;
  /** The question the person asked next instead (a reformulation), masked. */
  reformulation?: string;
  at: string;
  status: 'open' | 'solved' | 'ignored';
  closedAt?: string;
}

export const KEPT_DAYS = 30;
/** A new directory question this soon after an answer nobody acted on says the answer was not it. */
export const REFORMULATION_MS = 2 * 60_000;

/** Similar questions together: the same terms after stemming and correction. */
export interface MissGroup {
  group: string;
  count: number;
  /** The questions as asked (distinct), most recent first, with what the askers added. */
  questions: string[];
  /** The services the search offered for them, most offered first. */
  offered: string[];
  latestAt: string;
}

const EXAMPLES = 4;

/** The open misses as groups, the most asked first (then the most recent). */
export function groupMisses(misses: readonly Miss[]): MissGroup[] {
  const groups = new Map<string, Miss[]>();
  for (const miss of misses) pushTo(groups, miss.group, miss);
  return [...groups]
    .map(([group, members]) => {
      const recent = [...members].sort((a, b) => b.at.localeCompare(a.at));
      const offered = new Map<string, number>();
      for (const miss of members) for (const id of miss.offered) offered.set(id, (offered.get(id) ?? 0) + 1);
      const said = recent.flatMap((miss) => [miss.question, miss.reformulation, miss.lookingFor]).filter((q): q is string => Boolean(q));
      return {
        group,
        count: members.length,
        questions: [...new Set(said)].slice(0, EXAMPLES),
        offered: [...offered].sort((a, b) => b[1] - a[1]).map(([id]) => id),
        latestAt: recent[0]!.at,
      };
    })
    .sort((a, b) => b.count - a.count || b.latestAt.localeCompare(a.latestAt));
}

const PROPOSED = 5;

/**
 * The words a group's questions would need the service to have: their content words as people wrote
 * them, words the directory does not know yet first (`known` takes a stemmed term), then the most
 * used. Masked parts and numbers are never proposed.
 */
export function proposedKeywords(questions: readonly string[], known: (term: string) => boolean): string[] {
  const byTerm = new Map<string, { word: string; count: number; first: number }>();
  let order = 0;
  for (const question of questions) {
    for (const word of tokenize(question.replaceAll(MASK, ' '))) {
      if (word.length < 3 || isStopword(word) || /\d/.test(word)) continue;
      const term = stem(word);
      const seen = byTerm.get(term);
      if (seen) seen.count++;
      else byTerm.set(term, { word, count: 1, first: order++ });
    }
  }
  return [...byTerm]
    .sort(([a, x], [b, y]) => Number(known(a)) - Number(known(b)) || y.count - x.count || x.first - y.first)
    .slice(0, PROPOSED)
    .map(([, { word }]) => word);
}

type Hours = Pick<ReminderSettings, 'workdayStartHour' | 'workdayEndHour'>;

/** The digest goes out on the first working day of the week (Monday, or Tuesday after a holiday), before noon. */
const DIGEST_BEFORE_HOUR = 12;

/**
 * Whether the KE admins' «ubesvarte spørsmål» digest is due now: in its window (below), and only when
 * questions were missed since it last went out.
 */
export function digestDue(now: Date, hours: Hours, lastSentOn: string | undefined, missedSinceLast: number): boolean {
  return missedSinceLast > 0 && inDigestWindow(now, hours, lastSentOn);
}

/**
 * Whether now is when the digest may go out: in working hours on the morning of the week's first
 * working day, once a week (`lastSentOn`, an Oslo date). Most sweeps end here, without reading a question.
 */
export function inDigestWindow(now: Date, hours: Hours, lastSentOn: string | undefined): boolean {
  if (!isWorkingTime(now, hours)) return false;
  const { date, weekday, hour } = osloParts(now);
  if (hour >= Math.max(DIGEST_BEFORE_HOUR, hours.workdayStartHour + 1)) return false;
  const monday = addDays(date, 1 - weekday);
  let first = monday;
  while (!isWorkday(first) && first < date) first = addDays(first, 1);
  if (first !== date) return false;
  return lastSentOn === undefined || lastSentOn < monday;
}
