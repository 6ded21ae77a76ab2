import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import type { SentActivity } from '../support/fakeConnector.js';
import { startChat, type Chat } from '../support/chat.js';
import { reportForm } from '../support/reportForm.js';
import { action, noticeOf } from '../support/caseSteps.js';
import type { RunningBot } from '../support/startBot.js';

const KE = 'ke-admin';
const REPORTER = 'reporter';
const OUTSIDER = 'outsider';
const LEADER = 'leader';
const LEADER2 = 'leader-two';
const COORDINATOR = 'coordinator';

const NOT_FOUND =
  'Du har ikke tilgang til en sak med den referansen. En sak vises for KE, den som meldte den, koordinatoren og lederen for koordinatorens enhet. Spør koordinerende enhet om du mener du skal ha tilgang.';

describe('reporting a need and KE’s decision, in chat', () => {
  let chat: Chat;
  let connector: Chat['connector'];
  let running: RunningBot;
  const say = (userId: string, body: { text?: string; value?: unknown }) => chat.say(userId, body);

  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: 'rana', KE_ADMINS: `rana:${KE}` });
    ({ connector, running } = chat);
    for (const user of [KE, REPORTER, OUTSIDER, LEADER, LEADER2, COORDINATOR]) await say(user, { text: 'hjelp' }); // everyone has a personal chat with the bot
  });
  afterAll(async () => chat.close());

  const content = (a: SentActivity) => (a.body.attachments?.[0]?.content ?? {}) as Record<string, unknown>;
  const text = (a: SentActivity) => JSON.stringify(a.body);

  let submissionId = '';
  const form = (overrides: Record<string, unknown> = {}) => reportForm({ verb: 'reportSubmit', submissionId, ...overrides });

  it('shows the meldeskjema with the municipality’s services when «Meld behov» is pressed', async () => {
    const [reply] = await say(REPORTER, { value: { verb: 'capability', capability: 'report' } });
    const card = content(reply!);
    expect(text(reply!)).toContain('Meld behov for koordinator / individuell plan');
    expect(text(reply!)).toContain('"value":"rana-barnevern"');
    submissionId = (card.actions as { data: { submissionId: string } }[])[0]!.data.submissionId;
    expect(submissionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a report without consent, saying why, and creates nothing', async () => {
    const [reply] = await say(REPORTER, { value: form({ consentGiven: 'false' }) });
    expect(reply!.body.text).toContain('meldingen kan ikke sendes uten samtykke');
  });

  it.each([
    ['a birth date in the future', { residentBirthDate: '2031-06-01' }, 'Fødselsdatoen må være en dato som finnes, ikke fram i tid og høyst 125 år tilbake.'],
    [
      'a birth date that does not exist',
      { residentBirthDate: '2026-13-45' },
      'Fødselsdatoen må være en dato som finnes, ikke fram i tid og høyst 125 år tilbake.',
    ],
    [
      'a birth date more than 125 years back',
      { residentBirthDate: '1850-01-01' },
      'Fødselsdatoen må være en dato som finnes, ikke fram i tid og høyst 125 år tilbake.',
    ],
    [
      'consent dated in the future',
      { consentDate: '2099-01-01' },
      'Datoen for samtykket må være en dato som finnes, ikke fram i tid og ikke før fødselsdatoen.',
    ],
    [
      'consent given before the resident was born',
      { residentBirthDate: '2014-05-06', consentDate: '2014-01-01' },
      'Datoen for samtykket må være en dato som finnes, ikke fram i tid og ikke før fødselsdatoen.',
    ],
  ])('refuses %s, saying why, and creates nothing', async (_name, overrides, message) => {
    const bad = reportForm({ verb: 'reportSubmit', ...overrides });
    const [reply] = await say(REPORTER, { value: bad });
    expect(reply!.body.text).toBe(`Noe i skjemaet mangler eller er ugyldig: ${message}`);
    expect(await chat.running.bot.store.get('cases', 'rana', `case-${bad.submissionId as string}`)).toBeUndefined();
  });

  it('tells a nynorsk user what is wrong in nynorsk', async () => {
    await say('nynorsk-reporter', { value: { verb: 'setLocale', locale: 'nn' } });
    const [reply] = await say('nynorsk-reporter', { value: reportForm({ verb: 'reportSubmit', residentBirthDate: '2031-06-01' }) });
    expect(reply!.body.text).toBe(
      'Noko i skjemaet manglar eller er ugyldig: Fødselsdatoen må vere ein dato som finst, ikkje fram i tid og høgst 125 år tilbake.',
    );
  });

  it('gives the reporter a receipt with a reference and tells KE, without health details', async () => {
    const before = connector.sent.length;
    await running.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: REPORTER, value: form() }));
    const sent = (await connector.waitFor(before + 2)).slice(before);
    const receipt = sent.find((a) => a.conversationId === `a:${REPORTER}`)!;
    expect(text(receipt)).toContain('Meldingen er sendt');
    const reference = /RANA-\d{4}-\d{4}/.exec(text(receipt))![0];
    const toKe = sent.find((a) => a.conversationId === `a:${KE}`)!;
    expect(text(toKe)).toContain(`Ny melding om behov for koordinator / individuell plan: ${reference}.`);
    expect(text(toKe)).not.toMatch(/Ola Nordmann|avlastning/);
  });

  it('creates one case for a double submit', async () => {
    const [again] = await say(REPORTER, { value: form() });
    const references = connector.sent.map((a) => /RANA-\d{4}-\d{4}/.exec(text(a))?.[0]).filter(Boolean);
    expect(new Set(references).size).toBe(1);
    expect(text(again!)).toContain('Meldingen er sendt');
  });

  it('opens the case when its reference is typed, for those who may see it; others are told it is not theirs to see', async () => {
    const reference = connector.sent.map((a) => /RANA-\d{4}-\d{4}/.exec(text(a))?.[0]).find(Boolean)!;
    for (const typed of [reference.toLowerCase(), `sak ${reference}`, `Saka ${reference}?`]) {
      const [opened] = await say(KE, { text: typed });
      expect(text(opened!)).toContain(`Sak ${reference}`);
    }
    // Someone outside the case and a reference that does not exist read the same words: nothing tells them apart.
    const [refused] = await say(OUTSIDER, { text: reference });
    expect(refused!.body.text).toBe(NOT_FOUND);
    const [unknown] = await say(KE, { text: 'RANA-2026-9999' });
    expect(unknown!.body.text).toBe(NOT_FOUND);
  });

  it('lets KE open the case and accept it on the card, which turns into the accepted case; the reporter is told', async () => {
    const [opened] = await say(KE, { value: { verb: 'caseOpen', caseId: `case-${submissionId}` } });
    expect(text(opened!)).toContain('Ola Nordmann');
    expect(content(opened!).refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'caseRefresh', data: { caseId: `case-${submissionId}` } } });
    const accept = action(opened!, 'caseAccept');

    const [accepted, notice] = await chat.press(KE, accept, 1);
    expect(noticeOf(accepted!)).toMatch(/^Sak RANA-\d{4}-\d{4} er godtatt\. Melderen har fått beskjed\.$/);
    expect(text(accepted!)).toContain('Godtatt – venter på koordinator');
    expect(text(accepted!)).not.toContain('"verb":"caseAccept"'); // the next sensible step instead
    expect(text(accepted!)).toContain('"verb":"caseProposeCoordinator"');
    expect(notice!.conversationId).toBe(`a:${REPORTER}`);
    expect(text(notice!)).toContain('retten til koordinator og individuell plan er utløst');

    // «Avslå» on the older card is KE's own earlier click: the card shows the case now, without crying conflict.
    const [stale] = await chat.press(KE, { ...accept, verb: 'caseDecline', reason: 'For sent' });
    expect(noticeOf(stale!)).toMatch(
      /^Dette er allerede gjort: KE godtok: retten til koordinator og individuell plan er utløst \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}\)\. Slik står saken nå\.$/,
    );
    expect(text(stale!)).toContain('Godtatt – venter på koordinator');
    expect(text(stale!)).not.toContain('samtidig med deg');
  });

  it('tells someone whose card went stale by another person’s change who changed what, and shows the case now', async () => {
    const { cases, roles } = chat.running.bot;
    const reported = await cases.report(await roles.actor('rana', REPORTER), reportForm());
    const [opened] = await say(KE, { value: { verb: 'caseOpen', caseId: reported.id } });
    // A KE colleague accepts the case from her own card meanwhile.
    await roles.grant('rana', 'ke-colleague', 'keMember');
    await cases.act({ ...(await roles.actor('rana', 'ke-colleague')), name: 'Kari Kollega' }, reported.id, { type: 'accept' });
    const [stale] = await chat.press(KE, { ...action(opened!, 'caseDecline'), reason: 'Gjelder bare én tjeneste.' });
    expect(noticeOf(stale!)).toMatch(/^Kari Kollega endret saken etter at kortet ble vist: KE godtok.*Ingenting av ditt er lagret – slik står saken nå\.$/);
    expect(text(stale!)).toContain('Godtatt – venter på koordinator');
  });

  it('shows the reporter the right to appeal and whom to ask on the declined case itself', async () => {
    const { cases, roles } = chat.running.bot;
    const reported = await cases.report(await roles.actor('rana', REPORTER), reportForm());
    await cases.act(await roles.actor('rana', KE), reported.id, { type: 'decline', reason: 'Gjelder bare én tjeneste.' });
    const [card] = await say(REPORTER, { value: { verb: 'caseOpen', caseId: reported.id } });
    expect(text(card!)).toContain('Avslaget kan påklages etter pasient- og brukerrettighetsloven § 7-2.');
    expect(text(card!)).toContain('Spørsmål: 75 14 51 80.');
    expect(text(card!)).toContain('Gjelder bare én tjeneste.');
  });

  it('does not show a case to someone outside it, nor a forged id', async () => {
    const [outsider] = await say(OUTSIDER, { value: { verb: 'caseOpen', caseId: `case-${submissionId}` } });
    expect(outsider!.body.text).toBe(NOT_FOUND);
    const [forged] = await say(KE, { value: { verb: 'caseOpen', caseId: 'case-00000000-0000-0000-0000-000000000000' } });
    expect(forged!.body.text).toBe(NOT_FOUND);
    const [junk] = await say(KE, { value: { verb: 'caseOpen', caseId: '../../etc' } });
    expect(junk!.body.text).toContain('utdatert eller ukjent');
  });

  it('lets a KE admin say who leads which unit; nobody else may', async () => {
    const [refused] = await say(OUTSIDER, { text: 'roller' });
    expect(refused!.body.text).toContain('Du har ikke tilgang til dette');
    const [card] = await say(KE, { text: 'roller' });
    expect(text(card!)).toContain('Roller og enheter');
    for (const leader of [LEADER, LEADER2]) {
      const [saved] = await say(KE, {
        value: { verb: 'rolesSave', userId: leader, keMember: 'false', keAdmin: 'false', unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' },
      });
      expect(saved!.body.text).toBe('Lagret roller og enheter for Test Bruker.');
    }
  });

  it('escapes a display name in a plain-text reply, so markdown in it stays text', async () => {
    await chat.say('markdown-name', { text: 'hjelp', name: '[Klikk her](https://evil.example) **Ola**' });
    const [saved] = await say(KE, {
      value: { verb: 'rolesSave', userId: 'markdown-name', keMember: 'false', keAdmin: 'false', unit: 'Hjemmetjenesten', leads: '' },
    });
    expect(saved!.body.text).toBe('Lagret roller og enheter for \\[Klikk her\\](https://evil.example) \\*\\*Ola\\*\\*.');
  });

  it('shows a person’s roles and units as they are before editing, saves only a change, and keeps the last KE admin', async () => {
    const [edit] = await say(KE, { value: { verb: 'rolesPick', userId: LEADER } });
    const inputs = (content(edit!).body as { id?: string; value?: string }[]).filter((input) => input.id);
    expect(Object.fromEntries(inputs.map((input) => [input.id, input.value]))).toEqual({
      keMember: 'false',
      keAdmin: 'false',
      unit: 'Hjemmetjenesten',
      leads: 'Hjemmetjenesten',
    });
    const [unchanged] = await say(KE, {
      value: { verb: 'rolesSave', userId: LEADER, keMember: 'false', keAdmin: 'false', unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' },
    });
    expect(unchanged!.body.text).toBe('Ingenting å endre for Test Bruker.');

    const [mine] = await say(KE, { value: { verb: 'rolesPick', userId: KE } });
    expect(text(mine!)).toMatch(/"id":"keAdmin"[^}]*"value":"true"/);
    const auditBefore = (await chat.running.bot.store.list('audit', 'rana')).length;
    const [refused] = await say(KE, { value: { verb: 'rolesSave', userId: KE, keMember: 'true', keAdmin: 'false', unit: 'KE', leads: '' } });
    expect(refused!.body.text).toBe('Du er den eneste KE-administratoren i kommunen og kan ikke fjerne den rollen. Gjør en annen til KE-administrator først.');
    expect(await chat.running.bot.roles.has('rana', KE, 'keAdmin')).toBe(true);
    expect((await chat.running.bot.store.list('audit', 'rana')).length).toBe(auditBefore);
  });

  it('proposes a coordinator; the leader approves in chat, the card updates for everyone, and a second click changes nothing', async () => {
    const [opened] = await say(KE, { value: { verb: 'caseOpen', caseId: `case-${submissionId}` } });
    const propose = action(opened!, 'caseProposeCoordinator');
    expect(text(opened!)).toContain(`"value":"${COORDINATOR}"`);
    // Units come from the municipality's known units.
    expect(text(opened!)).toMatch(/"id":"unit"[^}]*"choices":\[[^\]]*"value":"Hjemmetjenesten"/);

    const [noLeader] = await chat.press(KE, { ...propose, coordinator: COORDINATOR, unit: 'Ukjent enhet' });
    expect(noLeader!.body.text).toContain('Ingen er registrert som leder for «Ukjent enhet»');

    const before = chat.connector.sent.length;
    const [proposed] = await chat.press(KE, { ...propose, coordinator: COORDINATOR, unit: 'Hjemmetjenesten' });
    // Both leaders are asked; a late message from an earlier step may arrive between them, so wait for theirs, not for a count.
    const toLeaders = (all: readonly SentActivity[]) => all.slice(before).filter((a) => [`a:${LEADER}`, `a:${LEADER2}`].includes(a.conversationId));
    const sent = [proposed!, ...toLeaders(await chat.connector.waitUntil((all) => toLeaders(all).length >= 2))];
    expect(noticeOf(sent[0]!)).toContain('Forslaget er sendt til lederen for Hjemmetjenesten');
    expect(text(sent[0]!)).toContain('Koordinator foreslått – venter på leder');
    expect(text(sent[0]!)).toContain('"title":"Foreslått koordinator","value":"Test Bruker (Hjemmetjenesten)"'); // whom KE proposed, on the same card
    const approval = sent.find((a) => a.conversationId === `a:${LEADER}`)!;
    expect(sent.some((a) => a.conversationId === `a:${LEADER2}`)).toBe(true);
    const approvalCard = content(approval) as { refresh: unknown; actions: { type: string; verb: string; data: Record<string, string> }[] };
    expect(approvalCard.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'approvalRefresh' } });
    const approve = approvalCard.actions.find((a) => a.data.decision === 'approve')!;
    expect(approve.type).toBe('Action.Execute');

    const invoke = (userId: string, verb: string, data: Record<string, string>) =>
      running.post({
        ...messageActivity({ serviceUrl: connector.serviceUrl, userId }),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'approval-card-message', // Teams sends the id of the message holding the card
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });

    const beforeApproval = connector.sent.length;
    const response = await invoke(LEADER, approve.verb, approve.data);
    expect(response.status).toBe(200);
    const answered = (await response.json()) as { statusCode: number; value: { body: unknown; actions?: unknown[] } };
    expect(answered.statusCode).toBe(200);
    expect(JSON.stringify(answered.value.body)).toContain('Godkjent 2026');
    expect(answered.value.actions ?? []).toEqual([]);

    const notices = (await connector.waitFor(beforeApproval + 2)).slice(beforeApproval);
    expect(notices.find((a) => a.conversationId === `a:${COORDINATOR}`) && text(notices.find((a) => a.conversationId === `a:${COORDINATOR}`)!)).toContain(
      'Du er koordinator i sak',
    );

    const secondClick = (await (await invoke(LEADER2, approve.verb, { ...approve.data, decision: 'decline', reason: 'Nei' })).json()) as {
      value: { body: unknown };
    };
    expect(JSON.stringify(secondClick.value.body)).toContain('Godkjent 2026');
    const refreshed = (await (await invoke(LEADER2, 'approvalRefresh', { caseId: approve.data.caseId! })).json()) as { value: { body: unknown } };
    expect(JSON.stringify(refreshed.value.body)).toContain('Godkjent 2026');
    // Refusals answer 200 with words Teams shows, never a card error: someone outside the case, a forged id, junk.
    for (const [userId, data] of [
      [OUTSIDER, approve.data],
      [REPORTER, { ...approve.data, caseId: 'case-00000000-0000-0000-0000-000000000000' }],
      [LEADER, { caseId: '../../etc' }],
    ] as const) {
      for (const verb of [approve.verb, 'approvalRefresh']) {
        const refused = await invoke(userId, verb, data);
        expect(refused.status).toBe(200);
        const body = (await refused.json()) as { statusCode: number; type: string; value: string };
        expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
        expect(body.value).toMatch(/Du har ikke tilgang til en sak med den referansen\.|Dette kortet er utdatert eller ukjent\./);
      }
    }
    const [shown] = await say(LEADER, { value: { verb: 'approvalShow', caseId: approve.data.caseId } }); // from a reminder
    expect(JSON.stringify(shown!.body)).toContain('Godkjent 2026');
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.sent.slice(beforeApproval).filter((a) => a.conversationId === `a:${COORDINATOR}`)).toHaveLength(1);
  });

  it('welcomes the coordinator with the role and start checklist, and records the start only with signed consent', async () => {
    const welcome = [...connector.sent].reverse().find((a) => a.conversationId === `a:${COORDINATOR}`)!;
    expect(text(welcome)).toContain('Du er koordinator i sak');
    expect(text(welcome)).toContain('Få samtykkeerklæringen underskrevet');
    expect(content(welcome).refresh).toMatchObject({ action: { verb: 'caseWelcome' } });
    // «Registrer oppstart» turns the welcome card into the start form, in place.
    const [form] = await chat.press(COORDINATOR, action(welcome, 'caseStartForm'));
    const submit = action(form!, 'caseStartPlan');
    expect(action(form!, 'caseRefresh')).toEqual({ verb: 'caseRefresh', caseId: `case-${submissionId}` });

    const [noConsent] = await chat.press(COORDINATOR, { ...submit, startedAt: '2026-11-24', consentSigned: 'false' });
    expect(noConsent!.body.text).toBe(
      'Noe i skjemaet mangler eller er ugyldig: Arbeidet med individuell plan kan ikke starte før samtykkeerklæringen er underskrevet.',
    );
    const [tomorrow] = await chat.press(COORDINATOR, { ...submit, startedAt: '2999-01-01', consentSigned: 'true' });
    expect(tomorrow!.body.text).toBe(
      'Noe i skjemaet mangler eller er ugyldig: oppstartsdatoen må være i dag eller tidligere, og ikke før samtykket ble gitt. Ingenting er lagret.',
    );

    const sent = await chat.press(
      COORDINATOR,
      { ...submit, startedAt: '2026-11-24', firstMeeting: '2026-11-26', consentSigned: 'true', expectationsClarified: 'true' },
      1,
    );
    expect(noticeOf(sent[0]!)).toMatch(/Oppstarten av sak RANA-\d{4}-\d{4} er registrert/);
    expect(text(sent[1]!)).toContain('Arbeidet med individuell plan er startet');
    // The welcome card, viewed again, is now the case card.
    const [rewelcomed] = await chat.press(COORDINATOR, { verb: 'caseWelcome', caseId: `case-${submissionId}` });
    expect(text(rewelcomed!)).toContain('Arbeid med individuell plan pågår');

    const [details] = await say(KE, { value: { verb: 'caseOpen', caseId: `case-${submissionId}` } });
    expect(text(details!)).toContain('"title":"IP-arbeid startet","value":"2026-11-24"');
  });

  it('lists cases for each role: mine, my employees’, and all (KE, filterable); nobody sees another’s', async () => {
    const reference = (a: SentActivity) => text(a).match(/RANA-\d{4}-\d{4}/g) ?? [];
    const [mine] = await say(COORDINATOR, { text: 'mine saker' });
    expect(text(mine!)).toContain('Mine saker');
    expect(reference(mine!).length).toBeGreaterThan(0);
    const [leading] = await say(LEADER, { text: 'mine ansatte sine saker' });
    expect(reference(leading!)).toEqual(reference(mine!));
    const [all] = await say(KE, { text: 'alle saker' });
    expect(reference(all!).length).toBeGreaterThanOrEqual(reference(mine!).length);
    const [filtered] = await say(KE, { value: { verb: 'caseList', list: 'all', state: 'planInProgress' } });
    expect(reference(filtered!)).toEqual(reference(mine!));
    expect(text(filtered!)).not.toContain('Ola Nordmann');

    const [outsiderMine] = await say(OUTSIDER, { text: 'mine saker' });
    expect(text(outsiderMine!)).toContain('Ingen saker her ennå.');
    const [outsiderAll] = await say(OUTSIDER, { text: 'alle saker' });
    expect(outsiderAll!.body.text).toContain('Du har ikke tilgang til dette');
  });
});
