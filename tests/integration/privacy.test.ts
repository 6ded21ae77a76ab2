import { osloDate } from '../../src/time/oslo.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReport } from '../../src/privacy/DataCare.js';
import { DataCare } from '../../src/privacy/DataCare.js';
import { AuditLog } from '../../src/audit/AuditLog.js';
import type { Case } from '../../src/cases/Case.js';
import { startChat, type Chat } from '../support/chat.js';
import { caseInProgress, setRoles, textOf } from '../support/caseSteps.js';

const KE = 'ke-admin';
const COORDINATOR = 'coordinator';
const CLOSING = { agreedWithResident: true, leaderInformed: true, keInformed: true, partnersInformed: true };

describe('data care: access and erasure requests, and the retention rule', () => {
  let chat: Chat;
  let caseId = '';
  let reference = '';

  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: `rana:${KE}`, PUBLIC_URL: 'http://127.0.0.1:1' });
    for (const user of [KE, COORDINATOR, 'reporter', 'leader']) await chat.say(user, { text: 'hjelp' });
    await setRoles(chat, KE, COORDINATOR, { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, 'leader', { unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' });
    ({ caseId, reference } = await caseInProgress(chat, { reporter: 'reporter', ke: KE, coordinator: COORDINATOR, unit: 'Hjemmetjenesten', leader: 'leader' }));
  }, 60_000);
  afterAll(async () => chat?.close());

  it('lets only KE admins make requests', async () => {
    const [refused] = await chat.say(COORDINATOR, { text: 'innsyn' });
    expect(refused!.body.text).toContain('Du har ikke tilgang til dette');
    const [card] = await chat.say(KE, { text: 'innsyn' });
    expect(textOf(card!)).toContain('Innsyn: alt vi har lagret om en innbygger');
    const [forged] = await chat.say(COORDINATOR, { value: { verb: 'privacyAccess', name: 'Ola Nordmann', birthDate: '2014-05-06' } });
    expect(forged!.body.text).toContain('Du har ikke tilgang til dette');
  });

  it('gives a KE admin a signed link to everything stored about the resident, and audits request and download', async () => {
    const [none] = await chat.say(KE, { value: { verb: 'privacyAccess', name: 'Kari Nordmann', birthDate: '2014-05-06' } });
    expect(none!.body.text).toBe('Fant ingen saker om en innbygger med det navnet og den fødselsdatoen.');

    const [reply] = await chat.say(KE, { value: { verb: 'privacyAccess', name: '  ola   NORDMANN ', birthDate: '2014-05-06' } });
    const link = /\((http:\/\/127\.0\.0\.1:1\/api\/privacy\/access\?t=[^)]+)\)/.exec(reply!.body.text ?? '')![1]!;
    expect(reply!.body.text).toContain('Innsyn i 1 saker');
    const response = await fetch(link.replace('http://127.0.0.1:1', chat.running.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="innsyn-rana-\d{4}-\d{2}-\d{2}\.json"/);
    const report = (await response.json()) as AccessReport;
    expect(report.cases.map((c) => c.reference)).toEqual([reference]);
    expect(report.cases[0]!.report.resident.name).toBe('Ola Nordmann');
    expect(report.reminders.length).toBeGreaterThan(0);
    expect(report.auditTrail.map((entry) => entry.action)).toEqual(expect.arrayContaining(['case.report', 'case.read', 'case.startPlan']));

    // The link works once: a second fetch (a copy, a reload) gets nothing; the fetch was audited with where it came from.
    const again = await fetch(link.replace('http://127.0.0.1:1', chat.running.url));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Lenken er allerede brukt');
    const disclosed = (await chat.running.bot.store.list<{ action: string; details?: { address?: string } }>('audit', 'rana')).filter(
      (doc) => doc.data.action === 'privacy.accessDisclosed',
    );
    expect(disclosed.at(-1)!.data.details?.address).toMatch(/127\.0\.0\.1/);
    const forged = await fetch(`${chat.running.url}/api/privacy/access?t=${link.split('t=')[1]!.slice(0, -3)}abc`);
    expect(forged.status).toBe(403);
    const asDirectory = await fetch(`${chat.running.url}/api/directory/export?t=${link.split('t=')[1]}`);
    expect(asDirectory.status).toBe(403);

    const audit = await new AuditLog(chat.running.bot.store).list('rana', { limit: 500 });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['privacy.accessRequest', 'privacy.accessDisclosed']));
  });

  it('anonymises a closed case once the retention period has passed, and not before', async () => {
    const bot = chat.running.bot;
    const coordinator = await bot.roles.actor('rana', COORDINATOR);
    const doc = await bot.cases.get(coordinator, caseId);
    await bot.cases.act(
      coordinator,
      caseId,
      { type: 'close', closedOn: osloDate(new Date()), reason: 'needEnded', checklist: CLOSING },
      doc.data.history.length,
    );
    const audit = new AuditLog(bot.store);
    const soon = new DataCare({
      cases: bot.cases,
      work: bot.coordination,
      audit,
      reminders: bot.reminders.schedule,
      retentionDays: 365,
      now: () => new Date(Date.now() + 364 * 86_400_000),
    });
    expect(await soon.anonymiseExpired('rana')).toBe(0);
    const later = new DataCare({
      cases: bot.cases,
      work: bot.coordination,
      audit,
      reminders: bot.reminders.schedule,
      retentionDays: 365,
      now: () => new Date(Date.now() + 366 * 86_400_000),
    });
    expect(await later.anonymiseExpired('rana')).toBe(1);
    expect(await later.anonymiseExpired('rana')).toBe(0);
    const stripped = (await bot.store.get<Case>('cases', 'rana', caseId))!.data;
    expect(stripped.report.resident).toEqual({ name: '', birthDate: '2014-01-01' });
    expect(stripped.report.need).toBe('');
    expect(stripped.reference).toBe(reference);
    expect(stripped.history.length).toBeGreaterThan(3);
    expect(JSON.stringify(stripped)).not.toContain('Ola Nordmann');
  });

  it('erases a resident’s cases and reminders on request, only when confirmed, and logs it by reference', async () => {
    const bot = chat.running.bot;
    const reporter = await bot.roles.actor('rana', 'reporter');
    const other = await bot.cases.report(reporter, {
      ...(await import('../support/reportForm.js')).reportForm({
        residentName: 'Per Hansen',
        residentBirthDate: '1980-02-03',
        ageGroup: 'adult',
        submissionId: randomUUID(),
      }),
    });
    expect((await bot.store.list('reminders', 'rana', { where: [{ field: 'caseId', op: '=', value: other.id }] })).length).toBeGreaterThan(0);

    const [unconfirmed] = await chat.say(KE, { value: { verb: 'privacyErase', name: 'Per Hansen', birthDate: '1980-02-03' } });
    expect(unconfirmed!.body.text).toBe('Noe i skjemaet mangler eller er ugyldig: kryss av for at du har kontrollert kravet. Ingenting er slettet.');
    expect(await bot.store.get('cases', 'rana', other.id)).toBeDefined();

    const [done] = await chat.say(KE, { value: { verb: 'privacyErase', name: 'Per Hansen', birthDate: '1980-02-03', confirm: 'true' } });
    expect(done!.body.text).toBe('Slettet 1 saker og påminnelsene deres. Det er loggført.');
    expect(await bot.store.get('cases', 'rana', other.id)).toBeUndefined();
    expect(await bot.store.list('reminders', 'rana', { where: [{ field: 'caseId', op: '=', value: other.id }] })).toEqual([]);
    const audit = await new AuditLog(bot.store).list('rana', { target: `case/${other.reference}` });
    expect(audit.map((entry) => entry.action)).toContain('privacy.erase');
    expect(JSON.stringify(audit)).not.toContain('Per Hansen');
  });
});
