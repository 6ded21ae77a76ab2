import { describe, expect, it } from 'vitest';
import { directoryEntrySchema } from '../../../src/directory/DirectoryEntry.js';
import { readDirectoryFile, toCsv, toHsds } from '../../../src/directory/directoryFormats.js';
import { seedEntries } from '../../../src/directory/seedData.js';

describe('CSV', () => {
  it('round-trips the whole directory', () => {
    const entries = seedEntries('alesund');
    const back = readDirectoryFile('alesund.csv', toCsv(entries));
    expect(back.problems).toEqual([]);
    expect(back.entries.map((entry) => directoryEntrySchema.parse(entry))).toEqual(entries);
  });

  it('writes no cell that Excel would run as a formula', () => {
    const [entry] = seedEntries('rana');
    const csv = toCsv([{ ...entry!, name: '=HYPERLINK("https://evil.example","Klikk")', offers: '@SUM(1)', howToApply: '-2+3', targetGroup: '+47 123' }]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Klikk"")"`);
    expect(csv).toContain("'@SUM(1)");
    expect(csv).toContain("'-2+3");
    expect(csv).toContain("'+47 123");
    expect(
      csv
        .split('\n')
        .slice(1)
        .some((line) => /(^|,)[=+\-@]/.test(line)),
    ).toBe(false);
  });

  it('accepts semicolon-separated files, as Norwegian Excel writes them', () => {
    const { entries } = readDirectoryFile(
      'x.csv',
      'id;category;unit;name;phones;offers;lastReviewed\nx-y-z;Kat;Enhet;Navn;75 14 63 40 Barnevern;Tilbud;2026-01-01\n',
    );
    expect(entries[0]).toMatchObject({ phones: [{ number: '75146340', label: 'Barnevern' }], keywords: [] });
  });

  it.each([
    ['an unclosed quote', 'id,category,unit,name,offers,lastReviewed\na-b-c,K,E,"unterminated,T,2026-01-01\n', 2, 'import.problem.csvQuote'],
    ['a row with a missing field', 'id,category,unit,name,offers,lastReviewed\na-b-c,K,E,N,,2026-01-01\n', 2, 'import.problem.required'],
    ['a formula cell', 'id,category,unit,name,offers,lastReviewed\na-b-c,K,E,=HYPERLINK(1),T,2026-01-01\n', 2, 'import.problem.formula'],
    ['a bad phone', 'id,category,unit,name,phones,offers,lastReviewed\na-b-c,K,E,N,12,T,2026-01-01\n', 2, 'import.problem.badPhone'],
    ['a repeated id', 'id,category,unit,name,offers,lastReviewed\na-b-c,K,E,N,T,2026-01-01\na-b-c,K,E,N,T,2026-01-01\n', 3, 'import.problem.duplicate'],
    ['no rows', 'id,category,unit,name,offers,lastReviewed\n', 1, 'import.problem.noRows'],
    ['a missing column', 'id,category,unit,name\na-b-c,K,E,N\n', 1, 'import.problem.missingColumns'],
  ])('reports %s with its line number', (_name, text, line, key) => {
    expect(readDirectoryFile('x.csv', text).problems[0]).toMatchObject({ line, key });
  });

  it('reads back an Open Referral HSDS file as the export writes it', () => {
    const entries = seedEntries('alesund').map((entry, index) => (index === 0 ? { ...entry, retired: true } : entry));
    const back = readDirectoryFile('alesund-hsds.json', JSON.stringify(toHsds('alesund', entries)));
    expect(back.problems).toEqual([]);
    expect(back.entries).toEqual(entries.map((entry) => directoryEntrySchema.parse(entry)));
  });

  it('names the JSON entry that is wrong, and the municipality the file is for', () => {
    const file = readDirectoryFile('x.json', JSON.stringify({ municipality: 'rana', entries: [seedEntries('rana')[0], { id: 'x' }] }));
    expect(file.municipality).toBe('rana');
    expect(file.problems).toEqual([expect.objectContaining({ line: 2 })]);
  });
});

describe('toHsds()', () => {
  it('links services to organisations and keeps phones', () => {
    const hsds = toHsds('rana', seedEntries('rana'));
    const orgIds = new Set(hsds.organizations.map((o) => o.id));
    expect(hsds.services).toHaveLength(21);
    for (const service of hsds.services) expect(orgIds).toContain(service.organization_id);
    expect(hsds.services.find((s) => s.id === 'rana-nav')).toMatchObject({ name: 'NAV', phones: [{ number: '55553333' }], status: 'active' });
  });
});
