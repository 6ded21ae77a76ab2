import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat, type Chat } from '../support/chat.js';
import { caseInProgress, setRoles } from '../support/caseSteps.js';
import { messageActivity } from '../support/activities.js';
import { verbs } from '../../src/conversation/verbs.js';

const KE = 'ke-admin';
const COORDINATOR = 'coordinator';
/** Every verb a card can send (the one list the routes take), and one nobody knows. */
const VERBS = [...verbs, 'noSuchVerb'] as const;

/**
 * Property: whatever a card sends – wrong types, missing or extra fields, huge strings, script and
 * markdown, forged ids – the bot answers (never a 500, never silence), keeps running, and changes
 * nothing it should not: the stored cases stay exactly as they were.
 */
describe('card payloads, generated', () => {
  let chat: Chat;
  let caseId = '';

  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: `rana:${KE}` });
    for (const user of [KE, COORDINATOR, 'reporter', 'leader']) await chat.say(user, { text: 'hjelp' });
    await setRoles(chat, KE, COORDINATOR, { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, 'leader', { unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' });
    ({ caseId } = await caseInProgress(chat, { reporter: 'reporter', ke: KE, coordinator: COORDINATOR, unit: 'Hjemmetjenesten', leader: 'leader' }));
  }, 60_000);
  afterAll(async () => chat?.close());

  async function casesFingerprint(): Promise<string> {
    const docs = await chat.running.bot.store.list('cases', 'rana');
    return createHash('sha256')
      .update(JSON.stringify(docs.map((doc) => [doc.id, doc.etag])))
      .digest('hex');
  }

  const nasty = fc.oneof(
    fc.string(),
    fc.string({ minLength: 2000, maxLength: 20_000 }),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '[klikk](https://evil.example)',
      '${$root.caseId}',
      '../../etc/passwd',
      'case-00000000-0000-0000-0000-000000000000',
      '__proto__',
      'true',
      '',
    ),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
  );
  const fields = [
    'caseId',
    'etag',
    'reason',
    'coordinator',
    'unit',
    'to',
    'note',
    'closedOn',
    'startedAt',
    'effectiveOn',
    'leaveKind',
    'reminder',
    'days',
    'topic',
    'capability',
    'locale',
    'query',
    'list',
    'state',
    'before',
    'userId',
    'submissionId',
    'consentGiven',
  ];
  const payload = fc.record({
    verb: fc.constantFrom(...VERBS),
    extra: fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: 6 }),
    realCase: fc.boolean(),
  });

  it('never crashes, never answers 500, never stays silent, never writes a case', async () => {
    // The notices of the case flow above are delivered in the background and settle into the case's outbox (a write): let them finish first.
    await chat.running.bot.noticesSettled();
    const before = await casesFingerprint();
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom(KE, COORDINATOR, 'stranger'), async ({ verb, extra, realCase }, userId) => {
        const value = { ...extra, verb, ...(realCase ? { caseId } : {}) };
        const sent = chat.connector.sent.length;
        const response = await chat.running.post(messageActivity({ serviceUrl: chat.connector.serviceUrl, userId, value }));
        expect(response.status).toBeLessThan(500);
        await chat.connector.waitFor(sent + 1, 3000);
        expect(chat.connector.sent.length).toBeGreaterThan(sent);
      }),
      { numRuns: 150, seed: 20261123 },
    );
    expect(await casesFingerprint()).toBe(before);
    expect((await fetch(`${chat.running.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('answers every Universal Action in place with HTTP 200 – a card or words – never an error Teams shows as a broken card', async () => {
    // The notices of the case flow above are delivered in the background and settle into the case's outbox (a write): let them finish first.
    await chat.running.bot.noticesSettled();
    const before = await casesFingerprint();
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom(KE, COORDINATOR, 'stranger'), async ({ verb, extra, realCase }, userId) => {
        const response = await chat.running.post({
          ...messageActivity({ serviceUrl: chat.connector.serviceUrl, userId }),
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: 'card',
          value: { action: { type: 'Action.Execute', verb, data: { ...extra, ...(realCase ? { caseId } : {}) } }, trigger: 'manual' },
        });
        expect(response.status).toBe(200);
        const answer = (await response.json()) as { statusCode: number; type: string; value: unknown };
        expect(answer.statusCode).toBe(200);
        expect(['application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.activity.message']).toContain(answer.type);
        expect(answer.value).toBeTruthy();
      }),
      { numRuns: 150, seed: 20261125 },
    );
    expect(await casesFingerprint()).toBe(before);
  }, 120_000);

  // Outlook's Universal Actions and a card in a dialog send Action.Execute without the id of a message to update.
  it.each(VERBS)('answers %s without replyToId like any other: a card or words, never a server error', async (verb) => {
    for (const userId of [KE, COORDINATOR]) {
      const response = await chat.running.post({
        ...messageActivity({ serviceUrl: chat.connector.serviceUrl, userId }),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data: { caseId, step: '0' } }, trigger: 'manual' },
      });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { statusCode: number; type: string; value: unknown };
      expect(answer.statusCode, `${verb} as ${userId}: ${JSON.stringify(answer.value).slice(0, 200)}`).toBe(200);
      expect(['application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.activity.message']).toContain(answer.type);
      if (answer.type === 'application/vnd.microsoft.activity.message')
        expect(String(answer.value), `${verb} as ${userId}`).not.toMatch(/noe gikk galt|went wrong/i);
    }
  });
});
