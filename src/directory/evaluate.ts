import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { municipalityIdSchema, type MunicipalityId } from '../municipalities/Municipality.js';
import type { DirectoryEntry } from './DirectoryEntry.js';

const evalCaseSchema = z
  .object({
    municipality: municipalityIdSchema,
    /** The written standard the question is in; bokmål when not given. */
    lang: z.enum(['nb', 'nn', 'en']).default('nb'),
    query: z.string().min(1),
    expectIds: z.array(z.string()).optional(),
    expectPhones: z.array(z.string()).optional(),
    expectNames: z.array(z.string()).optional(),
  })
  .refine((c) => c.expectIds?.length || c.expectPhones?.length || c.expectNames?.length, { message: 'expectIds, expectPhones or expectNames is required' });
export type EvalCase = z.infer<typeof evalCaseSchema>;

/** The cases of an eval file (a JSON array), validated. */
export function readEvalCases(file: string): EvalCase[] {
  return evalCaseSchema.array().parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface EvalOutcome<Hit> {
  case: EvalCase;
  /** 1-based rank of the first hit that counts, or undefined when none of the top 3 does. */
  rank: number | undefined;
  hits: Hit[];
}

export interface EvalScore {
  top1: number;
  top3: number;
  n: number;
}

export interface EvalResult<Hit> extends EvalScore {
  outcomes: EvalOutcome<Hit>[];
  /** The same scores per language and per municipality («nb», «nn», «alesund», «rana»). */
  groups: Record<string, EvalScore>;
}

/**
 * A result counts when it is one of the expected entries (by id), or — for sets written against
 * phone numbers and names — one of its phones (digits only) is expected, or its name contains an
 * expected name.
 */
export function isExpected(entry: DirectoryEntry, evalCase: EvalCase): boolean {
  if (evalCase.expectIds?.includes(entry.id)) return true;
  const phones = new Set((evalCase.expectPhones ?? []).map((p) => p.replace(/\D/g, '')));
  if (entry.phones.some((phone) => phones.has(phone.number.replace(/\D/g, '')))) return true;
  const name = entry.name.toLowerCase();
  return (evalCase.expectNames ?? []).some((expected) => name.includes(expected.toLowerCase()));
}

export async function evaluate<Hit extends { entry: DirectoryEntry }>(
  cases: EvalCase[],
  search: (municipality: MunicipalityId, query: string) => Promise<readonly Hit[]>,
): Promise<EvalResult<Hit>> {
  const outcomes: EvalOutcome<Hit>[] = [];
  for (const evalCase of cases) {
    const hits = (await search(evalCase.municipality, evalCase.query)).slice(0, 3);
    const index = hits.findIndex((hit) => isExpected(hit.entry, evalCase));
    outcomes.push({ case: evalCase, rank: index < 0 ? undefined : index + 1, hits });
  }
  const groups: Record<string, EvalScore> = {};
  for (const key of new Set(outcomes.flatMap((o) => [o.case.lang, o.case.municipality]))) {
    groups[key] = score(outcomes.filter((o) => o.case.lang === key || o.case.municipality === key));
  }
  return { ...score(outcomes), groups, outcomes };
}

function score(outcomes: readonly EvalOutcome<unknown>[]): EvalScore {
  const n = outcomes.length;
  const share = (count: number) => (n === 0 ? 0 : Math.round((count / n) * 1000) / 1000);
  return { top1: share(outcomes.filter((o) => o.rank === 1).length), top3: share(outcomes.filter((o) => o.rank !== undefined).length), n };
}
