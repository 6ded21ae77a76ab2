import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/Case.js';
import type { Actor } from '../../src/roles/Actor.js';
import { createServices, type Services } from '../../src/services.js';
import type { Store } from '../../src/store/Store.js';
import { reportForm } from '../support/reportForm.js';
import { bothStores } from '../support/stores.js';

const ke: Actor = { userId: 'ke-1', municipality: 'rana', isKe: true, leads: [] };
const reporter: Actor = { userId: 'reporter-1', municipality: 'rana', isKe: false, leads: [] };
const leader: Actor = { userId: 'leader-1', municipality: 'rana', isKe: false, leads: ['Hjemmetjenesten'] };
const YEAR = { kind: 'thisYear' } as const;

for (const [name, open] of bothStores) {
  describe(`OverviewService on ${name}: a projection of the cases that keeps up with every change`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let clock = new Date('2026-11-23T10:00:00Z');
    let services: Services;
    /** Another instance, whose clock runs a minute behind. */
    let lagging: Services;

    beforeAll(async () => {
      ({ store, dispose } = await open());
      services = createServices(store, { now: () => clock });
      lagging = createServices(store, { now: () => new Date(clock.getTime() - 60_000) });
    });
    afterAll(async () => dispose());

    const figures = async () => (await services.overview.overview(ke, YEAR)).total;

    it('counts a new report, then sees it move on, including a change another instance wrote with a lagging clock', async () => {
      expect((await figures()).waiting).toBe(0);
      const reported = await services.cases.report(reporter, reportForm());
      expect((await figures()).waiting).toBe(1);
      clock = new Date(clock.getTime() + 3_600_000);
      await lagging.cases.act(ke, reported.id, { type: 'accept' });
      expect(await figures()).toMatchObject({ waiting: 0, withoutCoordinator: 1, toDecision: { n: 1, median: 0 } });
      await services.cases.act(ke, reported.id, { type: 'proposeCoordinator', proposalId: 'p1', coordinator: { userId: 'coord-1', unit: 'Hjemmetjenesten' } });
      // The leader's figures and list: the case is theirs once it is proposed to their unit.
      expect((await services.overview.overview(leader, YEAR)).total.withoutCoordinator).toBe(1);
      expect((await services.cases.list(leader, 'leading')).map((c) => c.id)).toEqual([reported.id]);
    });

    it('reads everything again after an import (old updatedAt) and an erasure', async () => {
      const existing = (await services.cases.changedSince('rana'))[0]!;
      const imported: Case = {
        ...existing,
        id: 'case-ext-0123456789abcdef0123456789abcdef',
        reference: 'RANA-2026-0900',
        state: 'planInProgress',
        createdAt: '2025-02-01T10:00:00.000Z',
        updatedAt: '2025-03-01T10:00:00.000Z',
        plan: {
          startedAt: '2025-03-01T10:00:00.000Z',
          checklist: { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true },
        },
        outbox: [],
        noticesPending: false,
      };
      await store.writeAll(services.cases.importOps('rana', [imported], 'ke-1'));
      expect((await figures()).planInProgress).toBe(1);
      await services.cases.erase('rana', imported.id);
      expect((await figures()).planInProgress).toBe(0);
      expect((await services.overview.caseList(ke)).map((f) => f.reference)).toEqual([existing.reference]);
    });

    it('refuses someone who is neither KE nor a leader', async () => {
      await expect(services.overview.overview(reporter, YEAR)).rejects.toMatchObject({ userMessage: { key: 'overview.notAllowed' } });
      await expect(services.overview.caseList(reporter)).rejects.toMatchObject({ userMessage: { key: 'overview.notAllowed' } });
    });
  });
}
