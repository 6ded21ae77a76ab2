import { z } from 'zod';
import { municipalityIdSchema, type MunicipalityId } from '../municipalities/Municipality.js';
import type { DirectoryEntry } from './DirectoryEntry.js';

export const evalCaseSchema = z.object({
  municipality: municipalityIdSchema,
  query: z.string().min(1),
  expectPhones: z.array(z.string()).optional(),
  expectNames: z.array(z.string()).optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export interface EvalOutcome {
  case: EvalCase;
  /** 1-based rank of the first hit that counts, or undefined when none of the top 3 does. */
  rank: number | undefined;
  names: string[];
}

/** A result counts when one of its phones (digits only) is expected, or its name contains an expected name. */
export function isExpected(entry: DirectoryEntry, evalCase: EvalCase): boolean {
  const phones = new Set((evalCase.expectPhones ?? []).map((p) => p.replace(/\D/g, '')));
  if (entry.phones.some((phone) => phones.has(phone.number.replace(/\D/g, '')))) return true;
  const name = entry.name.toLowerCase();
  return (evalCase.expectNames ?? []).some((expected) => name.includes(expected.toLowerCase()));
}

export async function evaluate(
  cases: EvalCase[],
  search: (municipality: MunicipalityId, query: string) => Promise<DirectoryEntry[]>,
): Promise<{ top1: number; top3: number; n: number; outcomes: EvalOutcome[] }> {
  const outcomes: EvalOutcome[] = [];
  for (const evalCase of cases) {
    const entries = (await search(evalCase.municipality, evalCase.query)).slice(0, 3);
    const index = entries.findIndex((entry) => isExpected(entry, evalCase));
    outcomes.push({ case: evalCase, rank: index < 0 ? undefined : index + 1, names: entries.map((e) => e.name) });
  }
  const n = cases.length;
  const share = (count: number) => (n === 0 ? 0 : Math.round((count / n) * 1000) / 1000);
  return { top1: share(outcomes.filter((o) => o.rank === 1).length), top3: share(outcomes.filter((o) => o.rank !== undefined).length), n, outcomes };
}
