import { translator } from '../../src/i18n/translate.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/AuditLog.js';
import type { Actor } from '../../src/roles/Actor.js';
import type { Case } from '../../src/cases/Case.js';
import { CaseService, type CaseEventSink } from '../../src/cases/CaseService.js';
import type { CaseEvent } from '../../src/cases/transitions.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../../src/errors.js';
import type { Store } from '../../src/store/Store.js';
import { reportForm } from '../support/reportForm.js';
import { bothStores } from '../support/stores.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const ke: Actor = { userId: 'ke-1', municipality: 'rana', isKe: true, leads: [] };
const reporter: Actor = { userId: 'reporter-1', municipality: 'rana', isKe: false, leads: [] };
const leader: Actor = { userId: 'leader-1', municipality: 'rana', isKe: false, leads: ['Hjemmetjenesten'] };
const otherLeader: Actor = { userId: 'leader-2', municipality: 'rana', isKe: false, leads: ['Skole'] };
const coordinator: Actor = { userId: 'coord-1', municipality: 'rana', isKe: false, leads: [] };
const keAlesund: Actor = { userId: 'ke-9', municipality: 'alesund', isKe: true, leads: [] };

const form = reportForm;

class RecordingSink implements CaseEventSink {
  readonly handled: { reference: string; events: readonly CaseEvent[] }[] = [];
  async handle(_municipality: string, c: Case, events: readonly CaseEvent[]) {
    this.handled.push({ reference: c.reference, events });
  }
}

function describeCaseService(name: string, open: () => Promise<{ store: Store; dispose: () => Promise<void> }>) {
  describe(`CaseService on ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let cases: CaseService;
    let sink: RecordingSink;

    beforeAll(async () => {
      ({ store, dispose } = await open());
      sink = new RecordingSink();
      cases = new CaseService({ store, audit: new AuditLog(store, () => NOW), events: [sink], now: () => NOW });
    });
    afterAll(async () => dispose());

    it('runs a case from report to plan in progress, notifying as it goes', async () => {
      const reported = await cases.report(reporter, form());
      expect(reported.reference).toMatch(/^RANA-2026-\d{4}$/);
      await cases.act(ke, reported.id, { type: 'accept' });
      await cases.act(ke, reported.id, { type: 'proposeCoordinator', proposalId: 'p1', coordinator: { userId: 'coord-1', unit: 'Hjemmetjenesten' } });
      await cases.act(leader, reported.id, { type: 'approveAppointment', proposalId: 'p1' });
      const started = await cases.act(coordinator, reported.id, {
        type: 'startPlan',
        startedAt: '2026-11-23',
        checklist: { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true },
      });
      expect(started.data.state).toBe('planInProgress');
      // Notifications wait in the case's outbox (nothing delivers them here); other effects go to the sinks.
      const stored = (await store.get<Case>('cases', 'rana', reported.id))!.data;
      expect(stored.outbox!.map((notice) => notice.kind)).toEqual([
        'reportReceived',
        'reportAccepted',
        'approvalRequested',
        'welcomeCoordinator',
        'coordinatorAppointed',
        'planStarted',
      ]);
      expect(new Set(stored.outbox!.map((notice) => notice.id)).size).toBe(6);
      const effects = sink.handled.filter((h) => h.reference === reported.reference).flatMap((h) => h.events.map((e) => e.type));
      expect(effects).toEqual(['trainingDeadlineStarts']);
      expect((await cases.list(coordinator, 'coordinating')).map((c) => c.id)).toContain(reported.id);
      expect((await cases.list(leader, 'leading')).map((c) => c.id)).toContain(reported.id);
    });

    it('creates one case for a double submit', async () => {
      const submission = form();
      const [a, b] = await Promise.all([cases.report(reporter, submission), cases.report(reporter, submission)]);
      expect(a.id).toBe(b.id);
      expect((await cases.list(reporter, 'reported')).filter((c) => c.id === a.id)).toHaveLength(1);
    });

    it.each([
      [{ consentGiven: 'false' }, 'report.invalid.consentGiven', 'uten samtykke'],
      [{ servicesInvolved: 'rana-nav' }, 'report.invalid.servicesInvolved', 'minst to tjenester'],
      [{ need: 'kort' }, 'report.invalid.need', 'noen setninger'],
      [{ residentBirthDate: '06.05.2014' }, 'report.invalid.birthDate', 'en dato som finnes'],
      [{ residentName: undefined }, 'report.invalid.residentName', 'navnet til innbyggeren'],
      [{ ageGroup: 'teen' }, 'report.invalid.ageGroup', 'barn eller voksen'],
    ] as const)('refuses %o with a clear message naming the field, and stores nothing', async (overrides, key, words) => {
      const before = (await cases.list(ke, 'all', { limit: 100 })).length;
      const refused = await cases.report(reporter, form(overrides)).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(InputError);
      expect((refused as InputError).userMessage.key).toBe(key);
      expect(translator('nb')(key)).toContain(words);
      expect((await cases.list(ke, 'all', { limit: 100 })).length).toBe(before);
    });

    it('hides a case from those outside it and from other municipalities (a forged id is simply not found)', async () => {
      const c = await cases.report(reporter, form());
      await expect(cases.get(otherLeader, c.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(cases.get(keAlesund, c.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(cases.get(ke, 'case-forged')).rejects.toBeInstanceOf(NotFoundError);
      await expect(cases.list(reporter, 'all')).rejects.toBeInstanceOf(NotAllowedError);
    });

    it('lets exactly one of two leaders clicking at once decide; the stale card is a conflict', async () => {
      const c = await cases.report(reporter, form());
      await cases.act(ke, c.id, { type: 'accept' });
      await cases.act(ke, c.id, { type: 'proposeCoordinator', proposalId: 'p9', coordinator: { userId: 'coord-1', unit: 'Hjemmetjenesten' } });
      const seen = await cases.get(leader, c.id);
      const secondLeader: Actor = { ...otherLeader, leads: ['Hjemmetjenesten'] };
      const results = await Promise.allSettled([
        cases.act(leader, c.id, { type: 'approveAppointment', proposalId: 'p9' }, seen.data.history.length),
        cases.act(secondLeader, c.id, { type: 'declineAppointment', proposalId: 'p9', reason: 'Nei' }, seen.data.history.length),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(loser.reason).toBeInstanceOf(ConflictError);
    });

    it('audits reads and changes with the case reference, not personal details', async () => {
      const c = await cases.report(reporter, form());
      await cases.get(ke, c.id);
      const entries = await new AuditLog(store).list('rana', { target: `case/${c.reference}` });
      expect(entries.map((e) => e.action).sort()).toEqual(['case.read', 'case.report']);
      expect(JSON.stringify(entries)).not.toContain('Ola Nordmann');
    });
  });
}

for (const [name, open] of bothStores) describeCaseService(name, open);
