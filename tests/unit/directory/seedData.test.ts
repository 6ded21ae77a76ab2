import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedEntries } from '../../../src/directory/seedData.js';

/** The seed documents, with all white space removed, so "95 25 44 59" and "7016 2200" match digit runs. */
const source = (file: string) => readFileSync(`tests/fixtures/seeds/${file}`, 'utf8').replace(/\s+/g, '');

describe('the seed directories, checked against their source documents', () => {
  it.each([
    ['rana', 'rana-koordinatorrollen-og-individuell-plan.txt', 21],
    ['alesund', 'alesund-veileder-for-koordinator.txt', 78],
  ] as const)('%s: every phone number is written in the source exactly', (municipality, file, rows) => {
    const text = source(file);
    const entries = seedEntries(municipality);
    expect(entries).toHaveLength(rows);
    for (const entry of entries) for (const phone of entry.phones) expect(text, `${entry.id} ${phone.number}`).toContain(phone.number);
  });

  it.each(['rana', 'alesund'] as const)('%s: ids are unique and every entry can be reached', (municipality) => {
    const entries = seedEntries(municipality);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const entry of entries) expect(entry.phones.length > 0 || Boolean(entry.web) || Boolean(entry.howToApply), entry.id).toBe(true);
  });

  it('covers every service named in Rana’s tables', () => {
    const names = seedEntries('rana')
      .map((e) => e.name)
      .join('|');
    for (const service of [
      'Barnevern',
      'Familiesenteret',
      'Helsesøster/jordmor',
      'PP-tjenesten',
      'Bakeribygget',
      'Rehabiliteringstjenesten',
      'Utekontakten',
      'Helsesparken',
      'Frisklivssentralen',
      'Psykisk helse',
      'BUP',
      'Habilitering',
      'MTA',
      'Oppfølgingstjenesten',
      'Servicetorget',
      'Psykiatrisk senter',
      'NAV',
      'Omsorgskontoret',
    ]) {
      expect(names).toContain(service);
    }
  });

  it('covers every category of Ålesund’s «Oversikt over tjenester»', () => {
    const categories = new Set(seedEntries('alesund').map((e) => e.category));
    for (const category of [
      'Aktivisering',
      'Avlastning og støtte',
      'Barn / familie',
      'Botilbud',
      'Habilitering og rehabilitering',
      'Helsetjenester',
      'NAV',
      'Omsorgstjenester',
      'Pasientrettigheter',
      'Skole og utdanning',
      'Psykisk helse og rus',
      'Servicetorget',
      'Syns- og audiopedagogtjenesten',
      'Teknisk hjelpemiddelservice',
      'Tildelingskontor for helse- og omsorgstjenester',
      'Transporttjenester',
      'Vergemål',
      'Andre samarbeidsparter',
    ]) {
      expect(categories).toContain(category);
    }
  });
});
