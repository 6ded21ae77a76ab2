import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { startChat, type Chat } from '../support/chat.js';

interface QueryAnswer {
  composeExtension: {
    type: string;
    attachmentLayout: string;
    attachments: { contentType: string; content: { actions?: { type: string }[] }; preview: { contentType: string; content: { title: string } } }[];
  };
}

/** «Finn tjeneste», the search-based message extension, as Teams calls it from a group chat's compose box. */
describe('«Finn tjeneste» in any chat (message extension)', () => {
  let chat: Chat;
  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: 'alesund' });
  });
  afterAll(async () => chat?.close());

  async function query(text: string | undefined): Promise<QueryAnswer> {
    const response = await chat.running.post({
      ...messageActivity({ serviceUrl: chat.connector.serviceUrl, userId: 'coordinator-in-a-group-chat', conversationId: '19:group-chat@thread.v2' }),
      type: 'invoke',
      name: 'composeExtension/query',
      value: {
        commandId: 'finnTjeneste',
        parameters: text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }],
        queryOptions: { skip: 0, count: 10 },
      },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as QueryAnswer;
  }

  it('lists the services that match what is typed, each with a preview, and inserts the service card without bot buttons', async () => {
    const answer = await query('støttekontakt');
    expect(answer.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [first] = answer.composeExtension.attachments;
    expect(first!.preview.content.title).toMatch(/[Ss]tøttekontakt|[Aa]ktivitet/);
    expect(first!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(first!.content)).toContain('Fra tjenesteoversikten i Ålesund kommune');
    // In a group chat a button that talks to the bot would go nowhere: only calls and links.
    expect((first!.content.actions ?? []).map((action) => action.type)).not.toContain('Action.Submit');
  });

  it('shows the person who inserts a service, and only them, «Fant du det du lette etter?» under it', async () => {
    const [first] = (await query('støttekontakt')).composeExtension.attachments;
    const refresh = (first!.content as { refresh?: { action: { verb: string; data: Record<string, string> }; userIds: string[] } }).refresh!;
    expect(refresh.userIds).toEqual(['29:coordinator-in-a-group-chat']);
    expect(refresh.action.verb).toBe('directoryFeedback');
    // Teams asks the bot for that person's view of the card when they see it.
    const [view] = await chat.press('coordinator-in-a-group-chat', { verb: refresh.action.verb, ...refresh.action.data });
    const text = JSON.stringify(view!.body);
    expect(text).toContain('Fant du det du lette etter?');
    expect(text).toContain('Fra tjenesteoversikten i Ålesund kommune');
    expect(text).not.toContain('Nytt søk');
  });

  it('answers the same question asked in nynorsk', async () => {
    const answer = await query('treng støttekontakt');
    expect(answer.composeExtension.attachments.length).toBeGreaterThan(0);
  });

  it('offers services to browse before anything is typed, the most asked-for first', async () => {
    // Two people ask about a safety alarm in chat, one about the exemption card; the answers are counted.
    for (const [userId, text] of [
      ['asker-1', 'hvem kontakter jeg for trygghetsalarm?'],
      ['asker-2', 'hvem kontakter jeg for trygghetsalarm til mor?'],
      ['asker-3', 'hvem kontakter jeg for frikort?'],
    ] as const) {
      await chat.say(userId, { text });
    }
    await expect
      .poll(async () => (await query(undefined)).composeExtension.attachments.slice(0, 2).map((a) => a.preview.content.title), { timeout: 5_000 })
      .toEqual(['Trygghetsalarm', 'Frikort for helsetjenester']);
    expect((await query(undefined)).composeExtension.attachments.length).toBe(10);
  });
});

interface SearchAnswer {
  statusCode: number;
  type: string;
  value: { results: { title: string; value: string }[] };
}

/** The meldeskjema's «Tjenester involvert»: Teams asks the bot as the reporter types (Data.Query → application/search). */
describe('searchable service choice in the meldeskjema (application/search)', () => {
  let chat: Chat;
  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: 'alesund' });
  });
  afterAll(async () => chat?.close());

  async function search(queryText: string): Promise<SearchAnswer> {
    const response = await chat.running.post({
      ...messageActivity({ serviceUrl: chat.connector.serviceUrl, userId: 'reporter', conversationId: 'personal-reporter' }),
      type: 'invoke',
      name: 'application/search',
      value: { kind: 'search', queryText, queryOptions: { skip: 0, top: 15 }, dataset: 'directoryServices' },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as SearchAnswer;
  }

  it('answers with the matching services as choices (id as value), in nynorsk too', async () => {
    const answer = await search('heimesjukepleie');
    expect(answer.type).toBe('application/vnd.microsoft.search.searchResponse');
    expect(answer.value.results[0]).toEqual({ title: 'Hjemmesykepleie (Tildelingskontoret)', value: 'alesund-hjemmesykepleie' });
  });

  it('offers the most asked-for services before anything is typed', async () => {
    const answer = await search('');
    expect(answer.value.results.length).toBeGreaterThan(0);
  });

  it('lists every service in the form itself while they fit in a card, which works in every client', async () => {
    const [form] = await chat.say('reporter', { value: { verb: 'capability', capability: 'report' } });
    const json = JSON.stringify(form?.body.attachments?.[0]?.content);
    expect(json).not.toContain('Data.Query');
    expect(json).toContain('"value":"alesund-hjemmesykepleie"');
    expect(json).toContain('"value":"alesund-statped"');
  });

  it('beyond 100 services, makes the choice searchable and keeps the most asked-for as the static list for other clients', async () => {
    const { directory } = chat.running.bot;
    for (let n = 1; n <= 40; n++) {
      await directory.save(
        'alesund',
        { operator: 'test' },
        {
          id: `alesund-ekstra-${n}`,
          name: `Ekstratjeneste ${n}`,
          unit: 'Testenheten',
          category: 'Test',
          phones: [{ number: '70160000' }],
          offers: 'Et tilbud som finnes for å gjøre oversikten stor.',
          keywords: [],
          lastReviewed: '2026-11-26',
        },
      );
    }
    const [form] = await chat.say('reporter', { value: { verb: 'capability', capability: 'report' } });
    const card = form?.body.attachments?.[0]?.content as { body: { id?: string; choices?: { value: string }[]; 'choices.data'?: unknown }[] };
    const services = card.body.find((element) => element.id === 'servicesInvolved')!;
    expect(services['choices.data']).toEqual({ type: 'Data.Query', dataset: 'directoryServices', count: 15 });
    expect(services.choices).toHaveLength(100);
    expect(services.choices!.map((choice) => choice.value)).toContain('alesund-hjemmesykepleie');
    // …and what the static list leaves out is found by searching.
    const missing = (await chat.running.bot.directory.list('alesund')).find((entry) => !services.choices!.some((c) => c.value === entry.id))!;
    expect((await search(missing.name)).value.results.map((r) => r.value)).toContain(missing.id);
  });
});
