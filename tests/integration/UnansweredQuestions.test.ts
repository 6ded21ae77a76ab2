import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';
import { seedEntries } from '../../src/directory/seedData.js';
import { NotAllowedError } from '../../src/errors.js';
import { createServices, type Services } from '../../src/services.js';
import type { Store } from '../../src/store/Store.js';
import { UnansweredDigest } from '../../src/unanswered/UnansweredDigest.js';
import { unansweredData } from '../../src/unanswered/routes.js';
import { bothStores } from '../support/stores.js';

const ADMIN = 'ke-admin';
const EMPLOYEE = 'employee';

describe.each(bothStores)('unanswered questions on %s', (_name, open) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let services: Services;
  // Monday 7 December 2026, 09:30 in Oslo.
  let clock = new Date('2026-12-07T08:30:00Z');
  const told: { userId: string; card: string }[] = [];
  const digest = () =>
    new UnansweredDigest({
      questions: services.unanswered,
      roles: services.roles,
      view: (municipality, userId) => unansweredData({ questions: services.unanswered, directory: services.directory }, municipality, userId),
      hours: async () => ({ workdayStartHour: 8, workdayEndHour: 16 }),
      municipalities: async () => ['rana'],
      tell: async (_municipality, userId, render) =>
        void told.push({ userId, card: JSON.stringify(render((key, params) => `${key} ${JSON.stringify(params ?? {})}`)) }),
      logger: createLogger('silent', new Writable({ write: (_chunk, _encoding, done) => done() })),
    });

  beforeAll(async () => {
    ({ store, dispose } = await open());
    services = createServices(store, { now: () => clock });
    await services.municipalities.add({ id: 'rana', name: 'Rana kommune', tenantIds: ['t-rana'], phones: {}, defaultLanguage: 'nb' });
    await services.directory.seedIfEmpty('rana', seedEntries('rana'));
    await services.roles.grant('rana', ADMIN, 'keAdmin');
    await services.roles.grant('rana', 'ke-admin-2', 'keAdmin');
  });
  afterAll(async () => dispose());

  it('keeps questions masked, grouped by what the search read in them, with no identity', async () => {
    clock = new Date('2026-12-01T09:00:00Z');
    await services.answers.answered('rana', 'user-1', { id: crypto.randomUUID(), question: 'pause fra omsorgen for Ola', offered: [] });
    clock = new Date('2026-12-01T10:00:00Z');
    await services.answers.answered('rana', 'user-2', { id: crypto.randomUUID(), question: 'pausen fra omsorga', offered: [] });
    const groups = await services.unanswered.groups('rana', ADMIN);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, questions: ['pausen fra omsorga', 'pause fra omsorgen for ***'] });
    const stored = JSON.stringify((await store.list('unanswered', 'rana')).map((doc) => doc.data));
    expect(stored).not.toMatch(/user-1|user-2|Ola/);
  });

  it('pairs a reformulation within two minutes, and not after', async () => {
    const answer = { id: crypto.randomUUID(), question: 'leier kommunal bolig og vil kjøpe den', offered: ['rana-nav'] };
    await services.answers.answered('rana', 'user-3', answer);
    clock = new Date(clock.getTime() + 90_000);
    await services.answers.answered('rana', 'user-3', { id: crypto.randomUUID(), question: 'kjøpe kommunal bolig', offered: ['rana-nav'] });
    clock = new Date(clock.getTime() + 180_000);
    await services.answers.answered('rana', 'user-3', { id: crypto.randomUUID(), question: 'støttekontakt', offered: ['rana-nav'] });
    const groups = await services.unanswered.groups('rana', ADMIN);
    const paired = groups.find((g) => g.questions.includes('leier kommunal bolig og vil kjøpe den'));
    expect(paired).toMatchObject({ count: 1, questions: ['leier kommunal bolig og vil kjøpe den', 'kjøpe kommunal bolig'], offered: ['rana-nav'] });
    expect(groups.some((g) => g.questions.includes('kjøpe kommunal bolig') && g !== paired)).toBe(false);
  });

  it('shows the list to KE admins only', async () => {
    await expect(services.unanswered.groups('rana', EMPLOYEE)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(services.unanswered.close('rana', EMPLOYEE, 'x', 'ignored')).rejects.toBeInstanceOf(NotAllowedError);
  });

  it('sends the Monday digest once, to every KE admin, with last week’s figures', async () => {
    clock = new Date('2026-12-07T08:30:00Z');
    expect(await digest().run(clock)).toEqual([{ municipality: 'rana', sent: 2 }]);
    expect(told.map((t) => t.userId).sort()).toEqual([ADMIN, 'ke-admin-2']);
    expect(told[0]!.card).toContain('unanswered.digestTitle');
    expect(told[0]!.card).toContain('pausen fra omsorga');
    // Another instance, or the next tick: already sent this week.
    expect(await digest().run(new Date('2026-12-07T09:00:00Z'))).toEqual([]);
    expect(told).toHaveLength(2);
  });

  it('solving a group counts in next week’s figures; nothing new means no digest', async () => {
    clock = new Date('2026-12-08T10:00:00Z');
    const [group] = await services.unanswered.groups('rana', ADMIN);
    expect(await services.unanswered.close('rana', ADMIN, group!.group, 'solved')).toBe(2);
    // The week before 8 December 11:00 Oslo time: the question of 1 December 10:00 is older.
    expect(await services.unanswered.lastWeek('rana')).toEqual({ missed: 2, solvedGroups: 1 });
    clock = new Date('2026-12-14T08:30:00Z');
    expect(await digest().run(clock)).toEqual([]);
  });

  it('forgets questions after 30 days', async () => {
    clock = new Date('2027-01-05T10:00:00Z');
    expect(await services.unanswered.groups('rana', ADMIN)).toEqual([]);
    expect(await services.unanswered.purgeExpired('rana')).toBe(3);
    expect((await store.list('unanswered', 'rana')).map((doc) => doc.id)).toEqual(['digest']);
  });
});
