import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../../src/files/cells.js';
import { decodeText, headerOf, readTable } from '../../../src/files/tabularFile.js';

const columns = { required: ['a', 'b'], known: ['a', 'b', 'c'] };

describe('decodeText()', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode('små og store: Ærlig, Øyvind, Åse')],
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('små og store: Ærlig, Øyvind, Åse')])],
    [
      'Windows-1252 (Excel on Norwegian Windows)',
      new Uint8Array([
        ...Buffer.from('sm', 'latin1'),
        0xe5,
        ...Buffer.from(' og store: ', 'latin1'),
        0xc6,
        ...Buffer.from('rlig, ', 'latin1'),
        0xd8,
        ...Buffer.from('yvind, ', 'latin1'),
        0xc5,
        ...Buffer.from('se', 'latin1'),
      ]),
    ],
  ])('reads %s', (_name, bytes) => {
    expect(decodeText(bytes)).toBe('små og store: Ærlig, Øyvind, Åse');
  });
});

describe('readTable()', () => {
  it('reads comma- and semicolon-separated files alike', () => {
    for (const text of ['a,b\n1,2\n', 'a;b\n1;2\n'])
      expect(readTable(text, columns)).toEqual({ rows: [{ line: 2, values: { a: '1', b: '2' } }], problems: [], warnings: [] });
  });

  it('numbers rows by the line they start on, past blank lines and cells that span lines', () => {
    const { rows } = readTable('a,b\n1,2\n\n3,"x\ny"\n5,6\n', columns);
    expect(rows.map((row) => row.line)).toEqual([2, 4, 6]);
  });

  it.each([
    ['a missing column', 'a,c\n1,2\n', { line: 1, key: 'import.problem.missingColumns', params: { columns: 'b' } }],
    ['an unclosed quote', 'a,b\n1,2\n3,"4\n', { line: 3, key: 'import.problem.csvQuote' }],
    ['a row with too many cells', 'a,b\n1,2\n3,4,5\n', { line: 3, key: 'import.problem.csvColumns' }],
    ['an empty file', '', { line: 1, key: 'import.problem.empty' }],
  ])('reports %s', (_name, text, problem) => {
    expect(readTable(text, columns).problems).toEqual([expect.objectContaining(problem)]);
  });

  it('reads a column it does not use with a warning, and ignores it', () => {
    expect(readTable('a,b,d\n1,2,3\n', columns)).toEqual({
      rows: [{ line: 2, values: { a: '1', b: '2' } }],
      problems: [],
      warnings: [expect.objectContaining({ line: 1, key: 'import.warning.unknownColumn', params: expect.objectContaining({ columns: 'd' }) })],
    });
  });

  it.each([
    ['the template’s name', 'birthDate'],
    ['case and spaces', 'Birth Date'],
    ['a Norwegian header', 'Fødselsdato'],
    ['punctuation', 'fødsels-dato:'],
  ])('matches a header by %s', (_name, header) => {
    const { rows, problems } = readTable(`${header};x\n2014-05-06;1\n`, {
      required: ['birthDate'],
      known: ['birthDate', 'x'],
      aliases: { birthDate: ['fødselsdato'] },
    });
    expect(problems).toEqual([]);
    expect(rows[0]!.values.birthDate).toBe('2014-05-06');
  });

  it('reads a workbook sheet’s rows with their row numbers, skipping empty rows', () => {
    const { rows } = readTable(
      [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['', ''] },
        { line: 3, cells: ['1', '2'] },
      ],
      columns,
    );
    expect(rows).toEqual([{ line: 3, values: { a: '1', b: '2' } }]);
  });

  it('tells a file by its header', () => {
    expect(headerOf('\uFEFF"externalId";residentName\nx;y')).toEqual(['externalId', 'residentName']);
  });
});

describe('calendarDate()', () => {
  it.each([
    ['2026-11-24', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['1.2.2010', '2010-02-01'],
    ['24.11.85', '1985-11-24'],
    ['2026-13-45', undefined],
    ['2026-02-30', undefined],
    ['31.04.2026', undefined],
    ['i går', undefined],
  ])('%s → %s', (input, expected) => {
    expect(calendarDate(input)).toBe(expected);
  });
});
