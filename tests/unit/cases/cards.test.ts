import { describe, expect, it } from 'vitest';
import type { Case } from '../../../src/cases/Case.js';
import { approvalCard, caseDetailsCard, caseHistoryCard, reportFormCard } from '../../../src/cases/cards.js';
import { translator } from '../../../src/i18n/translate.js';

const t = translator('nb');
const markdown = '[klikk](https://evil.example) **fet**';
const c: Case = {
  id: 'case-1',
  reference: 'RANA-2026-0001',
  municipality: 'rana',
  state: 'coordinatorProposed',
  report: {
    resident: { name: markdown, birthDate: '2014-05-06' },
    ageGroup: 'child',
    servicesInvolved: ['a', 'b'],
    need: markdown,
    consent: { givenBy: 'guardian', form: 'written', date: '2026-11-20' },
    wishedCoordinator: markdown,
    reporter: { userId: 'r', unit: markdown },
  },
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  declinedProposals: [],
  previousCoordinators: [],
  history: [{ at: '2026-11-20T08:00:00.000Z', by: 'r', byName: markdown, event: 'proposeCoordinator', coordinator: markdown }],
  proposal: {
    id: 'p1',
    coordinator: { userId: 'c', name: markdown, unit: markdown },
    proposedBy: 'ke',
    proposedAt: '2026-11-20T08:00:00.000Z',
    returnTo: 'accepted',
  },
};

/** Every place a TextBlock or FactSet shows text, with what it shows. */
function markdownTexts(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, inTextRun = false): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, inTextRun));
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    const plain = element.type === 'TextRun';
    for (const key of ['text', 'value', 'title']) if (typeof element[key] === 'string' && !plain) found.push(element[key] as string);
    for (const value of Object.values(element)) walk(value, plain);
  };
  walk(card);
  return found;
}

describe('case cards show typed text as typed', () => {
  it('puts the proposed coordinator in a TextRun on the approval card, where markdown is plain text', () => {
    const body = (approvalCard(t, c, 'p1').content as { body: { type: string; inlines?: { type: string; text: string }[] }[] }).body[1]!;
    expect(body.inlines?.[0]).toMatchObject({ type: 'TextRun', text: expect.stringContaining(markdown) });
  });

  it.each([
    ['the case details', caseDetailsCard(t, { case: c, commands: [], showPersonal: true, people: [], serviceNames: new Map() })],
    ['the history', caseHistoryCard(t, c)],
  ])('escapes markdown in %s', (_name, card) => {
    const texts = markdownTexts(card.content);
    expect(texts.some((text) => text.includes('\\[klikk\\]'))).toBe(true);
    expect(texts.filter((text) => /(^|[^\\])\[klikk/.test(text) || /(^|[^\\])\*\*fet/.test(text))).toEqual([]);
  });
});

describe('reportFormCard()', () => {
  type Input = { id?: string; type: string; value?: string; choices?: { value: string }[] };
  const unitInput = (units: string[], reporterUnit?: string) =>
    (reportFormCard(t, { services: [], submissionId: 'x', units, reporterUnit }).content as { body: Input[] }).body.filter(
      (element) => element.id === 'reporterUnit',
    );

  it('offers the municipality’s known units to choose from, with the reporter’s own preselected', () => {
    const [input, ...rest] = unitInput(['Hjemmetjenesten', 'PPT'], 'PPT');
    expect(rest).toEqual([]);
    expect(input).toMatchObject({ type: 'Input.ChoiceSet', value: 'PPT', choices: [{ value: 'Hjemmetjenesten' }, { value: 'PPT' }] });
  });

  it('asks for the unit in words while the municipality knows no units yet', () => {
    expect(unitInput([])).toEqual([expect.objectContaining({ type: 'Input.Text', value: '' })]);
  });
});
