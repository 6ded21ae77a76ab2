import { describe, expect, it } from 'vitest';
import { inert } from '../../../src/cards/inert.js';

describe('inert()', () => {
  it.each([
    ['Ola Nordmann', 'Ola Nordmann'],
    ['Hjemmetjenesten (Mo)', 'Hjemmetjenesten (Mo)'],
    ['2014-05-06', '2014-05-06'],
    ['[klikk](https://evil.example)', '\\[klikk\\](https://evil.example)'],
    ['**fet** og _kursiv_', '\\*\\*fet\\*\\* og \\_kursiv\\_'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['# Overskrift', '\\# Overskrift'],
    ['- punkt\n1. nummer', '\\- punkt\n\\1. nummer'],
    ['`kode`', '\\`kode\\`'],
  ])('shows %j as typed', (typed, escaped) => {
    expect(inert(typed)).toBe(escaped);
  });
});
