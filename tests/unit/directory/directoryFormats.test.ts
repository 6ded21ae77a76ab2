import { describe, expect, it } from 'vitest';
import { directoryEntrySchema } from '../../../src/directory/DirectoryEntry.js';
import { fromCsv, toCsv, toHsds } from '../../../src/directory/directoryFormats.js';
import { seedEntries } from '../../../src/directory/seedData.js';
import { InputError } from '../../../src/errors.js';

describe('CSV', () => {
  it('round-trips the whole directory', () => {
    const entries = seedEntries('alesund');
    const back = fromCsv(toCsv(entries)).map((row) => directoryEntrySchema.parse(row));
    expect(back).toEqual(entries);
  });

  it('accepts semicolon-separated files, as Norwegian Excel writes them', () => {
    const rows = fromCsv('id;category;unit;name;phones;offers;lastReviewed\nx-y-z;Kat;Enhet;Navn;75 14 63 40 Barnevern;Tilbud;2026-01-01\n');
    expect(directoryEntrySchema.parse(rows[0])).toMatchObject({ phones: [{ number: '75146340', label: 'Barnevern' }], keywords: [] });
  });

  it('turns an unreadable file into an InputError', () => {
    expect(() => fromCsv('id,name\n"unterminated')).toThrow(InputError);
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
