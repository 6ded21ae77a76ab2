import { describe, expect, it } from 'vitest';
import { readPeople } from '../../../src/onboarding/peopleFile.js';

const TODAY = '2026-11-25';
const HEADER = 'aadObjectId,name,email,unit,leads,ke,keAdmin';

describe('readPeople()', () => {
  it('reads units, the units someone leads, and KE roles (a KE admin is a KE member)', () => {
    const { people, problems } = readPeople(
      `${HEADER}\nAAA-1,Kari Nordmann,kari@testvik.no,Tildeling,,ja,ja\nbbb-2,Per Hansen,,Hjemmetjenesten,Hjemmetjenesten;Helsestasjon,,\n`,
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(people).toEqual([
      { line: 2, userId: 'aaa-1', name: 'Kari Nordmann', email: 'kari@testvik.no', unit: 'Tildeling', leads: [], ke: true, keAdmin: true },
      {
        line: 3,
        userId: 'bbb-2',
        name: 'Per Hansen',
        email: undefined,
        unit: 'Hjemmetjenesten',
        leads: ['Hjemmetjenesten', 'Helsestasjon'],
        ke: false,
        keAdmin: false,
      },
    ]);
  });

  it.each([
    ['a missing name', 'aaa-1,,,,,,', 'import.problem.required', { column: 'name' }],
    ['an id that is no id', 'a b c,Kari,,,,,', 'import.problem.invalidId', { column: 'aadObjectId' }],
    ['a bad e-mail', 'aaa-1,Kari,kari(at)testvik,,,,', 'import.problem.invalidEmail', {}],
    ['a KE flag that is neither ja nor empty', 'aaa-1,Kari,,,,kanskje,', 'import.problem.invalidValue', { column: 'ke' }],
    ['a name that would be a formula in Excel', 'aaa-1,=cmd(),,,,,', 'import.problem.formula', { column: 'name' }],
    ['markdown in a name', 'aaa-1,[Kari](http://x),,,,,', 'import.problem.plainText', { column: 'name' }],
  ])('refuses %s, naming the line', (_name, row, key, params) => {
    const { people, problems } = readPeople(`${HEADER}\n${row}\n`, TODAY);
    expect(people).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 2, key, params: expect.objectContaining(params) })]);
  });

  it('names both lines of a person listed twice (ids compare without case)', () => {
    const { problems } = readPeople(`${HEADER}\naaa-1,Kari,,,,,\nAAA-1,Kari igjen,,,,,\n`, TODAY);
    expect(problems).toEqual([{ line: 3, key: 'import.problem.duplicate', params: { column: 'aadObjectId', value: 'AAA-1', first: 2 } }]);
  });

  it('refuses a file without rows: an empty list must not look like «nobody works here»', () => {
    expect(readPeople(`${HEADER}\n`, TODAY).problems).toEqual([{ line: 1, key: 'import.problem.noRows' }]);
  });
});
