import { describe, expect, it } from 'vitest';
import { ExportLinks } from '../../../src/links/ExportLinks.js';
import { SqliteStore } from '../../../src/store/SqliteStore.js';

const SECRET = 'x'.repeat(32);
const token = (url: string) => new URL(url).searchParams.get('t')!;

describe('ExportLinks', () => {
  const clock = { now: 1_800_000_000_000 };
  const store = new SqliteStore(':memory:');
  const links = new ExportLinks(SECRET, 'https://bot.example.no/', store, () => clock.now);

  it('verifies its own link and returns the grant', () => {
    const url = links.create({ municipality: 'rana', format: 'csv', actor: 'admin-1' });
    expect(url.startsWith('https://bot.example.no/api/directory/export?t=')).toBe(true);
    expect(links.verify(token(url))).toMatchObject({ municipality: 'rana', format: 'csv', actor: 'admin-1' });
  });

  it('refuses an expired link', () => {
    const url = links.create({ municipality: 'rana', format: 'csv', actor: 'a' }, 60_000);
    clock.now += 60_001;
    expect(links.verify(token(url))).toBeUndefined();
  });

  it.each([
    [
      'a tampered payload',
      (t: string) => `${Buffer.from('{"municipality":"alesund","format":"csv","actor":"a","expiresAt":9e15}').toString('base64url')}.${t.split('.')[1]}`,
    ],
    [
      'a link signed with another secret',
      () => token(new ExportLinks('y'.repeat(32), 'https://x', store).create({ municipality: 'rana', format: 'json', actor: 'a' })),
    ],
    ['garbage', () => 'not-a-token'],
  ])('refuses %s', (_name, forge) => {
    const genuine = token(links.create({ municipality: 'rana', format: 'csv', actor: 'a' }));
    expect(links.verify(forge(genuine))).toBeUndefined();
  });

  // Signed with the right secret, but not a grant this code would make: the signature alone is not enough.
  it.each([
    ['no id', { municipality: 'rana', format: 'csv', actor: 'a', expiresAt: 9e15 }],
    ['a prototype key as format', { id: '00000000-0000-4000-8000-000000000000', municipality: 'rana', format: '__proto__', actor: 'a', expiresAt: 9e15 }],
    ['an inherited name as format', { id: '00000000-0000-4000-8000-000000000000', municipality: 'rana', format: 'toString', actor: 'a', expiresAt: 9e15 }],
    [
      'an expiry that is not a number',
      { id: '00000000-0000-4000-8000-000000000000', municipality: 'rana', format: 'csv', actor: 'a', expiresAt: '9999999999999999' },
    ],
    ['no actor', { id: '00000000-0000-4000-8000-000000000000', municipality: 'rana', format: 'csv', expiresAt: 9e15 }],
    [
      'case ids that are not a list of ids',
      { id: '00000000-0000-4000-8000-000000000000', municipality: 'rana', format: 'residentAccess', actor: 'a', expiresAt: 9e15, caseIds: 'case-1' },
    ],
  ])('refuses a signed grant with %s', (_name, grant) => {
    const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
    const signature = (links as unknown as { sign(payload: string): string }).sign(payload);
    expect(links.verify(`${payload}.${signature}`)).toBeUndefined();
  });

  it('gives its grant once: a second use of the same link (copied, forwarded, reloaded) is refused', async () => {
    const url = links.create({ municipality: 'rana', format: 'residentAccess', caseIds: ['case-1'], actor: 'admin-1' });
    const from = { address: '10.0.0.1', userAgent: 'test' };
    expect(await links.redeem(token(url), from)).toMatchObject({ format: 'residentAccess', actor: 'admin-1' });
    expect(await links.redeem(token(url), from)).toBe('used');
    expect(await links.redeem('forged.token', from)).toBe('invalid');
  });

  it('lets a resident’s data link live three minutes, a directory link ten', () => {
    const access = links.create({ municipality: 'rana', format: 'residentAccess', caseIds: ['case-1'], actor: 'a' });
    const directory = links.create({ municipality: 'rana', format: 'csv', actor: 'a' });
    clock.now += 3 * 60_000 + 1;
    expect(links.verify(token(access))).toBeUndefined();
    expect(links.verify(token(directory))).toBeDefined();
  });
});
