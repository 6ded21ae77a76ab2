import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MunicipalityId } from '../../../src/municipalities/Municipality.js';
import { DirectorySearch } from '../../../src/directory/DirectorySearch.js';
import { evalCaseSchema, evaluate } from '../../../src/directory/evaluate.js';
import { seedEntries, synonymGroups } from '../../../src/directory/seedData.js';

const indexes: Record<MunicipalityId, DirectorySearch> = {
  rana: new DirectorySearch(seedEntries('rana'), synonymGroups()),
  alesund: new DirectorySearch(seedEntries('alesund'), synonymGroups()),
};
const top = (municipality: MunicipalityId, query: string) => indexes[municipality].search(query, 3).map((hit) => hit.entry.name);

describe('DirectorySearch', () => {
  it.each<[MunicipalityId, string, string]>([
    // everyday words ↔ the directory's words
    ['alesund', 'hjemmehjelp', 'Praktisk bistand/hjemmehjelp'],
    ['alesund', 'noen som kan vaske hjemme hos en eldre', 'Praktisk bistand/hjemmehjelp'],
    ['alesund', 'psykolog', 'Psykisk helsetjeneste'],
    ['rana', 'penger', 'NAV'],
    ['alesund', 'slått hjemme', 'Krisesenter kvinner'],
    ['rana', 'sykehjemsplass', 'Omsorgskontoret'],
    // age words against target groups
    ['alesund', 'psykiatrisk sykepleier for 16-åring', 'Psykiatrisk sykepleier'],
    ['alesund', 'avlastning barn 5 år', 'Avlastning barn og unge'],
    ['alesund', 'avlastning for 40-åring', 'Avlastning voksne'],
    // inflections, typos, nynorsk
    ['alesund', 'støttekontakten', 'Støttekontakt'],
    ['alesund', 'stottekontakt', 'Støttekontakt'],
    ['alesund', 'ergoterapaut', 'Ergoterapi'],
    ['alesund', 'heimehjelp', 'Praktisk bistand/hjemmehjelp'],
    ['alesund', 'sjukeheim', 'Sykehjem'],
    ['rana', 'avlasting', 'MTA – Miljøterapeutisk avdeling'],
  ])('in %s, «%s» finds %s first', (municipality, query, expected) => {
    expect(top(municipality, query)[0]).toBe(expected);
  });

  it('finds nothing for words that mean nothing here', () => {
    expect(indexes.rana.search('qwxyz blargh')).toEqual([]);
    expect(indexes.rana.search('hvem kontakter jeg for')).toEqual([]);
  });

  it('keeps retired entries out of the results', () => {
    const entries = seedEntries('rana').map((entry) => (entry.id === 'rana-nav' ? { ...entry, retired: true } : entry));
    const search = new DirectorySearch(entries, synonymGroups());
    expect(search.search('uførepensjon').map((hit) => hit.entry.id)).not.toContain('rana-nav');
  });

  it.each(['eval/directory-public.json', 'eval/directory-own.json'])('reaches top-1 ≥ 0.90 and top-3 ≥ 0.98 on %s', async (file) => {
    const cases = evalCaseSchema.array().parse(JSON.parse(readFileSync(file, 'utf8')));
    const result = await evaluate(cases, async (municipality, query) => indexes[municipality].search(query, 3).map((hit) => hit.entry));
    expect(result.top1).toBeGreaterThanOrEqual(0.9);
    expect(result.top3).toBeGreaterThanOrEqual(0.98);
  });
});
