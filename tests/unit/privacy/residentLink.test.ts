import { describe, expect, it } from 'vitest';
import { ExportLinks } from '../../../src/links/ExportLinks.js';
import { INNSYN_PREFIX, residentLink } from '../../../src/privacy/routes.js';
import type { Store } from '../../../src/store/Store.js';

const links = new ExportLinks('a-test-secret-of-at-least-32-characters!', 'https://kh.example.no', {} as Store, () => Date.parse('2026-11-26T10:00:00Z'));
const grant = { municipality: 'rana', caseIds: ['case-1'], actor: 'ke-admin' };

describe('residentLink: where «innsyn» sends the KE admin', () => {
  it('without Teams SSO: a plain single-use download link', () => {
    const { link, key } = residentLink(links, grant);
    expect(key).toBe('privacy.access.ready');
    expect(link).toMatch(/^https:\/\/kh\.example\.no\/api\/privacy\/access\?t=[\w-]+\.[\w-]+$/);
  });

  it('with Teams SSO: Teams’ deep link to the tab, whose sub-page is the signed grant for the requester', () => {
    const tabUrl = 'https://teams.microsoft.com/l/entity/6f1c1d52-7d0c-4f64-9d43-0b8f3a1a2c10/oversikt';
    const { link, key } = residentLink(links, grant, tabUrl);
    expect(key).toBe('privacy.access.readyTab');
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(tabUrl);
    const { subEntityId } = JSON.parse(url.searchParams.get('context')!) as { subEntityId: string };
    expect(subEntityId.startsWith(INNSYN_PREFIX)).toBe(true);
    expect(links.verify(subEntityId.slice(INNSYN_PREFIX.length))).toMatchObject({ ...grant, format: 'residentAccess' });
  });
});
