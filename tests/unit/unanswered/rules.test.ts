import { describe, expect, it } from 'vitest';
import { digestDue, groupMisses, proposedKeywords, type Miss } from '../../../src/unanswered/rules.js';
import { MASK } from '../../../src/unanswered/mask.js';

const HOURS = { workdayStartHour: 8, workdayEndHour: 16 };
const miss = (question: string, group: string, at: string, extra: Partial<Miss> = {}): Miss => ({
  question,
  kind: 'noHit',
  group,
  offered: [],
  at,
  status: 'open',
  ...extra,
});

describe('missed questions are grouped by what the search read in them', () => {
  const groups = groupMisses([
    miss('pause fra omsorgen', 'omsorg paus', '2026-11-30T09:00:00Z', { kind: 'rejected', offered: ['omsorgslonn'] }),
    miss('tilpasse kjøkkenet', 'kjøkken tilpass', '2026-12-01T09:00:00Z'),
    miss('pause fra omsorga', 'omsorg paus', '2026-12-02T09:00:00Z', {
      kind: 'reformulated',
      offered: ['omsorgslonn', 'tildeling'],
      reformulation: 'avlastning',
    }),
    miss('pause fra omsorgen', 'omsorg paus', '2026-12-03T09:00:00Z', { lookingFor: 'en helg fri' }),
  ]);

  it('puts the same terms together, the most asked group first', () => {
    expect(groups.map((g) => [g.group, g.count])).toEqual([
      ['omsorg paus', 3],
      ['kjøkken tilpass', 1],
    ]);
  });

  it('shows each wording once, newest first, with the reformulation and what the asker looked for', () => {
    expect(groups[0]!.questions).toEqual(['pause fra omsorgen', 'en helg fri', 'pause fra omsorga', 'avlastning']);
  });

  it('lists the services the search offered, the most offered first', () => {
    expect(groups[0]!.offered).toEqual(['omsorgslonn', 'tildeling']);
    expect(groups[1]!.offered).toEqual([]);
  });

  it('orders groups of the same size by the latest question', () => {
    const tied = groupMisses([miss('a b', 'a', '2026-12-01T09:00:00Z'), miss('c d', 'c', '2026-12-02T09:00:00Z')]);
    expect(tied.map((g) => g.group)).toEqual(['c', 'a']);
  });
});

describe('the words proposed as search words', () => {
  /** Stemmed terms the directory knows. */
  const known = (term: string) => ['omsorg', 'bolig', 'kommunal'].includes(term);

  it.each([
    ['words the directory lacks come first', ['pause fra omsorgen'], ['pause', 'omsorgen']],
    ['then the most used', ['leier kommunal bolig', 'kjøpe kommunal bolig', 'kjøpe bolig'], ['kjøpe', 'leier', 'bolig', 'kommunal']],
    ['never masked parts, numbers or stop words', [`avlastning for ${MASK} 12 år`], ['avlastning']],
    ['one form of each word, as first written', ['pausen fra omsorgen', 'pause fra omsorgen'], ['pausen', 'omsorgen']],
    ['at most five', ['tre fire fem seks sju åtte'], ['tre', 'fire', 'fem', 'seks', 'sju']],
  ])('%s', (_rule, questions, proposed) => {
    expect(proposedKeywords(questions, known)).toEqual(proposed);
  });
});

describe('the Monday digest of unanswered questions', () => {
  // 2026-12-07 is a Monday; Easter Monday 2027 is 2027-03-29.
  it.each([
    ['Monday in working hours, something new, never sent', '2026-12-07T08:30:00Z', undefined, 3, true],
    ['Monday before the working day starts', '2026-12-07T06:30:00Z', undefined, 3, false],
    ['Monday afternoon: it is a morning card', '2026-12-07T12:30:00Z', undefined, 3, false],
    ['nothing new since the last one', '2026-12-07T08:30:00Z', '2026-11-30', 0, false],
    ['already sent this week', '2026-12-07T09:30:00Z', '2026-12-07', 2, false],
    ['sent last week, something new', '2026-12-07T08:30:00Z', '2026-11-30', 2, true],
    ['Tuesday: Monday was a working day', '2026-12-08T08:30:00Z', '2026-11-30', 2, false],
    ['Easter Monday is a holiday', '2027-03-29T07:30:00Z', '2027-03-22', 2, false],
    ['…so it goes out on Tuesday morning', '2027-03-30T07:30:00Z', '2027-03-22', 2, true],
    ['Saturday', '2026-12-12T09:30:00Z', undefined, 2, false],
  ])('%s', (_case, now, lastSentOn, missed, due) => {
    expect(digestDue(new Date(now), HOURS, lastSentOn, missed)).toBe(due);
  });
});
