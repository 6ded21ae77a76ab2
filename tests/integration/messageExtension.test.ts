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

  it('answers the same question asked in nynorsk', async () => {
    const answer = await query('treng støttekontakt');
    expect(answer.composeExtension.attachments.length).toBeGreaterThan(0);
  });

  it('offers services to browse before anything is typed', async () => {
    const answer = await query(undefined);
    expect(answer.composeExtension.attachments.length).toBe(10);
  });
});
