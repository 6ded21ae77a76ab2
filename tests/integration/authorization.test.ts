import { addDays, osloDate } from '../../src/time/oslo.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseState } from '../../src/cases/Case.js';
import { messageActivity } from '../support/activities.js';
import { startChat, type Chat } from '../support/chat.js';
import { reportForm } from '../support/reportForm.js';

const UNIT = 'Hjemmetjenesten';
/** Everyone who might press a button; `outsider` is KE admin in another municipality (another Teams tenant). */
const actors = {
  employee: 'employee',
  reporter: 'reporter',
  coordinator: 'coordinator',
  leader: 'leader',
  keMember: 'ke-member',
  keAdmin: 'ke-admin',
  outsider: 'alesund-ke-admin',
} as const;
type ActorName = keyof typeof actors;
const COLLEAGUE = 'colleague';
const CHECKLIST = { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true };
const CLOSING = { agreedWithResident: 'true', leaderInformed: 'true', keInformed: 'true', partnersInformed: 'true' };

interface Action {
  state: CaseState;
  /** The card data as the button sends it. */
  value: (c: Case) => Record<string, unknown>;
  /** Action.Submit (opening a case from a list) rather than a Universal Action (Action.Execute), which every button on a case card is. */
  submit?: boolean;
  /** Who the specification allows; every other actor must be refused and change nothing. */
  allowed: readonly ActorName[];
  /** For reads: how the reply shows success. */
  readSucceeds?: (reply: string) => boolean;
}

const actions: Record<string, Action> = {
  'open the case': {
    state: 'planInProgress',
    submit: true,
    value: (c) => ({ verb: 'caseOpen', caseId: c.id }),
    allowed: ['reporter', 'coordinator', 'leader', 'keMember', 'keAdmin'],
    readSucceeds: (r) => r.includes('"text":"Sak RANA-'),
  },
  'see the history': {
    state: 'planInProgress',
    value: (c) => ({ verb: 'caseHistory', caseId: c.id }),
    allowed: ['reporter', 'coordinator', 'leader', 'keMember', 'keAdmin'],
    readSucceeds: (r) => r.includes('Historikk – sak'),
  },
  accept: { state: 'reported', value: (c) => ({ verb: 'caseAccept', caseId: c.id, step: c.history.length }), allowed: ['keMember', 'keAdmin'] },
  decline: {
    state: 'reported',
    value: (c) => ({ verb: 'caseDecline', caseId: c.id, step: c.history.length, reason: 'Gjelder bare én tjeneste.' }),
    allowed: ['keMember', 'keAdmin'],
  },
  'propose a coordinator': {
    state: 'accepted',
    value: (c) => ({ verb: 'caseProposeCoordinator', caseId: c.id, step: c.history.length, coordinator: COLLEAGUE, unit: UNIT }),
    allowed: ['keMember', 'keAdmin'],
  },
  'approve the appointment': {
    state: 'coordinatorProposed',
    value: (c) => ({ verb: 'approvalDecide', caseId: c.id, proposalId: c.proposal!.id, decision: 'approve' }),
    allowed: ['leader'],
  },
  'record the start': {
    state: 'coordinatorAppointed',
    value: (c) => ({ verb: 'caseStartPlan', caseId: c.id, step: c.history.length, startedAt: '2026-11-24', consentSigned: 'true' }),
    allowed: ['coordinator'],
  },
  'report a change': {
    state: 'planInProgress',
    value: (c) => ({ verb: 'caseReportChange', caseId: c.id, step: c.history.length, reason: 'needEnded', effectiveOn: addDays(osloDate(new Date()), 7) }),
    allowed: ['coordinator'],
  },
  transfer: {
    state: 'planInProgress',
    value: (c) => ({ verb: 'caseRequestTransfer', caseId: c.id, step: c.history.length, to: COLLEAGUE }),
    allowed: ['coordinator'],
  },
  close: {
    state: 'planInProgress',
    value: (c) => ({ verb: 'caseClose', caseId: c.id, step: c.history.length, reason: 'needEnded', closedOn: '2026-11-23', ...CLOSING }),
    allowed: ['coordinator', 'keMember', 'keAdmin'],
  },
  reopen: { state: 'closed', value: (c) => ({ verb: 'caseReopen', caseId: c.id, step: c.history.length }), allowed: ['keMember', 'keAdmin'] },
};

/**
 * The authorization matrix in chat: every action × every role, in the case's own municipality and
 * from another one. Each cell gets a fresh case in the state the action needs; only the cells the
 * specification allows may succeed, and a refused cell leaves the case exactly as it was.
 */
describe('authorization matrix', () => {
  let chat: Chat;

  const post = (userId: string, value: Record<string, unknown>) =>
    chat.running.post(
      messageActivity({ serviceUrl: chat.connector.serviceUrl, userId, value, tenantId: userId === actors.outsider ? 'tenant-alesund' : 'tenant-test' }),
    );

  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: `rana:${actors.keAdmin},alesund:${actors.outsider}` });
    await chat.running.bot.municipalities.update('alesund', (m) => ({ ...m, tenantIds: ['tenant-alesund'] }));
    for (const userId of [...Object.values(actors), COLLEAGUE]) {
      const before = chat.connector.sent.length;
      await chat.running.post(
        messageActivity({
          serviceUrl: chat.connector.serviceUrl,
          userId,
          text: 'hjelp',
          tenantId: userId === actors.outsider ? 'tenant-alesund' : 'tenant-test',
        }),
      );
      await chat.connector.waitFor(before + 1);
    }
    const roles = chat.running.bot.roles;
    await roles.grant('rana', actors.keMember, 'keMember');
    for (const userId of [actors.coordinator, COLLEAGUE]) await roles.setUnits('rana', userId, { unit: UNIT });
    await roles.setUnits('rana', actors.leader, { unit: UNIT, leads: [UNIT] });
  }, 60_000);
  afterAll(async () => chat?.close());

  /** A fresh case, brought to the state by the services the routes use. */
  async function caseIn(state: CaseState): Promise<Case> {
    const { cases, roles } = chat.running.bot;
    const as = (userId: string) => roles.actor('rana', userId);
    let c = await cases.report(await as(actors.reporter), reportForm({ submissionId: randomUUID() }));
    const steps: [CaseState, () => Promise<Case>][] = [
      ['accepted', async () => (await cases.act(await as(actors.keAdmin), c.id, { type: 'accept' })).data],
      [
        'coordinatorProposed',
        async () =>
          (
            await cases.act(await as(actors.keAdmin), c.id, {
              type: 'proposeCoordinator',
              proposalId: randomUUID(),
              coordinator: { userId: actors.coordinator, unit: UNIT },
            })
          ).data,
      ],
      ['coordinatorAppointed', async () => (await cases.act(await as(actors.leader), c.id, { type: 'approveAppointment', proposalId: c.proposal!.id })).data],
      [
        'planInProgress',
        async () => (await cases.act(await as(actors.coordinator), c.id, { type: 'startPlan', startedAt: '2026-11-20', checklist: CHECKLIST })).data,
      ],
      [
        'closed',
        async () =>
          (
            await cases.act(await as(actors.coordinator), c.id, {
              type: 'close',
              closedOn: '2026-11-23',
              reason: 'needEnded',
              checklist: { agreedWithResident: true, leaderInformed: true, keInformed: true, partnersInformed: true },
            })
          ).data,
      ],
    ];
    for (const [next, step] of steps) {
      if (c.state === state) break;
      c = await step();
      if (next === state) break;
    }
    expect(c.state).toBe(state);
    return c;
  }

  const cells = Object.entries(actions).flatMap(([name, action]) =>
    (Object.keys(actors) as ActorName[]).map((actor) => [name, actor, action.allowed.includes(actor)] as const),
  );

  it.each(cells)('%s by %s: allowed %s', async (name, actor, allowed) => {
    const action = actions[name]!;
    const c = await caseIn(action.state);
    const before = (await chat.running.bot.store.get<Case>('cases', 'rana', c.id))!;
    const userId = actors[actor];
    let reply = '';
    if (!action.submit) {
      const { verb, ...data } = action.value(before.data);
      const response = await chat.running.post({
        ...messageActivity({ serviceUrl: chat.connector.serviceUrl, userId, tenantId: actor === 'outsider' ? 'tenant-alesund' : 'tenant-test' }),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      // Teams shows an invoke's answer in place: a refusal is words or a card, never an HTTP error.
      expect(response.status).toBe(200);
      reply = await response.text();
      expect(JSON.parse(reply)).toMatchObject({ statusCode: 200 });
    } else {
      const sent = chat.connector.sent.length;
      await post(userId, action.value(before.data));
      reply = (await chat.connector.waitFor(sent + 1))
        .slice(sent)
        .map((a) => JSON.stringify(a.body))
        .join('\n');
    }
    const after = (await chat.running.bot.store.get<Case>('cases', 'rana', c.id))!;
    const succeeded = action.readSucceeds ? action.readSucceeds(reply) : after.etag !== before.etag;
    expect(succeeded).toBe(allowed);
    // The change's notices going out meanwhile is not the refused action: compare the case without its outbox.
    const withoutOutbox = ({ outbox: _outbox, noticesPending: _pending, noticesDueAt: _due, ...c }: Case) => c;
    if (!allowed) expect(withoutOutbox(after.data)).toEqual(withoutOutbox(before.data));
    if (!allowed) expect(reply).toMatch(/Du har ikke tilgang til dette|Du har ikke tilgang til en sak med den referansen/);
    // Someone who may see the case gets it back as it is, saying why not; nothing of it reaches anyone else.
    if (!allowed && !actions['open the case']!.allowed.includes(actor)) expect(reply).not.toContain('Ola Nordmann');
  });

  /**
   * KE admins' own actions: roles, the directory, and access requests. An admin of another
   * municipality acts in their own municipality only: they reach nothing of this one.
   */
  const adminActions: Record<string, { value: Record<string, unknown>; reachesNothingHere: (reply: string) => boolean }> = {
    'set roles': {
      value: { verb: 'rolesSave', userId: COLLEAGUE, keMember: 'true', keAdmin: 'false', unit: 'Annen enhet', leads: '' },
      reachesNothingHere: () => true,
    },
    'edit a directory entry': { value: { verb: 'directoryEdit', id: 'rana-nav' }, reachesNothingHere: (reply) => reply.includes('utdatert eller ukjent') },
    'make an access request': {
      value: { verb: 'privacyAccess', name: 'Ola Nordmann', birthDate: '2014-05-06' },
      reachesNothingHere: (reply) => reply.includes('Fant ingen saker'),
    },
  };
  const adminCells = Object.keys(adminActions).flatMap((name) =>
    (Object.keys(actors) as ActorName[]).map((actor) => [name, actor, actor === 'keAdmin'] as const),
  );

  it.each(adminCells)('%s by %s: allowed here %s', async (name, actor, allowed) => {
    const roles = chat.running.bot.roles;
    await roles.replace('rana', COLLEAGUE, { roles: [], unit: UNIT });
    const sent = chat.connector.sent.length;
    await post(actors[actor], adminActions[name]!.value);
    const reply = (await chat.connector.waitFor(sent + 1))
      .slice(sent)
      .map((a) => JSON.stringify(a.body))
      .join('\n');
    if (actor === 'outsider') expect(adminActions[name]!.reachesNothingHere(reply)).toBe(true);
    else expect(reply.includes('Du har ikke tilgang til dette')).toBe(!allowed);
    const colleagueHere = await roles.actor('rana', COLLEAGUE);
    expect(colleagueHere.isKe).toBe(allowed && name === 'set roles');
  });
});
