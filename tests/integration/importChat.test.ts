import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { startChat, type Chat } from '../support/chat.js';

const TENANT = 'tenant-testvik';
const KARI = '7a1e0c52-1111-4c8e-9a11-000000000001';
const PER = '7a1e0c52-1111-4c8e-9a11-000000000002';

interface CardAction {
  title: string;
  url?: string;
  data?: Record<string, string>;
}
type Card = { body: { text?: string }[]; actions?: CardAction[] };

describe('importing existing work in chat (KE admin)', () => {
  let chat: Chat;
  let files: Server;
  let base: string;
  const served: Record<string, string | Buffer> = {};

  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: '' });
    await chat.running.bot.municipalities.add({ id: 'testvik', name: 'Testvik kommune', tenantIds: [TENANT] });
    await chat.running.bot.roles.grant('testvik', KARI, 'keAdmin');
    for (const name of ['directory.csv', 'people.csv', 'cases.csv']) served[`/${name}`] = readFileSync(`templates/${name}`, 'utf8');
    files = createServer((req, res) => res.end(served[req.url ?? ''] ?? ''));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await chat.close();
    await new Promise<void>((resolve) => files.close(() => resolve()));
  });

  const attach = (name: string, url = `${base}/${name}`) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    content: { downloadUrl: url, fileType: 'csv' },
  });
  async function send(userId: string, body: Record<string, unknown>) {
    const before = chat.connector.sent.length;
    const res = await chat.running.post({ ...messageActivity({ serviceUrl: chat.connector.serviceUrl, userId, tenantId: TENANT }), ...body });
    expect(res.status).toBeLessThan(300);
    return (await chat.connector.waitFor(before + 1)).slice(before)[0]!.body;
  }
  const cardOf = (reply: { attachments?: { content: unknown }[] }) => reply.attachments?.[0]?.content as Card;
  const texts = (card: Card) => JSON.stringify(card.body);

  it('explains «importer» and offers the templates, as CSV and as Excel, which download', async () => {
    const card = cardOf(await send(KARI, { text: 'importer' }));
    expect(texts(card)).toContain('Importer eksisterende arbeid');
    expect(card.actions!.map((a) => a.title)).toEqual(['Tjenesteoversikt', 'Personer', 'Saker', 'Saker (Excel)', 'Personer (Excel)']);
    const workbook = await fetch(card.actions![3]!.url!.replace(/^https?:\/\/[^/]+/, chat.running.url));
    expect(workbook.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(
      Buffer.from(await workbook.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const url = card.actions![1]!.url!.replace(/^https?:\/\/[^/]+/, chat.running.url);
    const template = await fetch(url);
    expect(template.headers.get('content-type')).toContain('text/csv');
    expect(await template.text()).toContain('aadObjectId,name,email,unit,leads,ke,keAdmin');
  });

  it('refuses someone who is not KE admin, and writes nothing', async () => {
    const reply = await send(PER, { attachments: [attach('people.csv')] });
    expect(reply.text).toContain('Du har ikke tilgang til dette');
    expect(await chat.running.bot.roles.people('testvik')).toEqual([]);
  });

  it('shows each bad row by file and line, offers no «Importer», and writes nothing', async () => {
    served['/bad-cases.csv'] = (served['/cases.csv'] as string).replace('2009-01-15', '2031-01-15');
    const card = cardOf(await send(KARI, { attachments: [attach('directory.csv'), attach('people.csv'), attach('bad-cases.csv')] }));
    expect(texts(card)).toContain('Importen til Testvik kommune er stoppet – ingenting er lagret');
    expect(texts(card)).toContain('saker (bad-cases.csv), linje 4: «birthDate» er fram i tid (2031-01-15).');
    expect(card.actions ?? []).toEqual([]);
    expect(await chat.running.bot.directory.list('testvik')).toEqual([]);
  });

  it('checks the files, shows what will happen, and imports everything on «Importer»', async () => {
    const card = cardOf(await send(KARI, { attachments: [attach('cases.csv'), attach('people.csv'), attach('directory.csv')] }));
    expect(texts(card)).toContain('Kontroll av import til Testvik kommune');
    expect(texts(card)).toContain('Saker: 4 nye, 0 fantes fra før.');
    expect(texts(card)).toContain('IP-2025-014 → TESTVIK-2026-0001');
    expect(await chat.running.bot.cases.holdsAny('testvik')).toBe(false);
    const confirm = card.actions!.find((a) => a.title === 'Importer')!;
    const done = cardOf(await send(KARI, { value: confirm.data }));
    expect(texts(done)).toContain('Importert til Testvik kommune');
    expect(await chat.running.bot.cases.holdsAny('testvik')).toBe(true);
    expect((await chat.running.bot.directory.search('testvik', 'spesialundervisning'))[0]?.entry.id).toBe('testvik-ppt');

    // A second click on the same card changes nothing.
    const again = cardOf(await send(KARI, { value: confirm.data }));
    expect(texts(again)).toContain('Saker: 0 nye, 4 fantes fra før.');
  });

  it('refuses to confirm files that changed since they were checked', async () => {
    served['/people2.csv'] = served['/people.csv'] as string;
    const card = cardOf(await send(KARI, { attachments: [attach('people2.csv')] }));
    expect(texts(card)).toContain('Alt i filene finnes fra før');
    served['/people2.csv'] = `${served['/people.csv']}8b000000-0000-0000-0000-000000000009,Ny Person,,Hjemmetjenesten,,,\n`;
    const check = cardOf(await send(KARI, { attachments: [attach('people2.csv')] }));
    const confirm = check.actions!.find((a) => a.title === 'Importer')!;
    served['/people2.csv'] += '8b000000-0000-0000-0000-000000000010,Enda En,,Hjemmetjenesten,,,\n';
    const reply = await send(KARI, { value: confirm.data });
    expect(reply.text).toContain('Filene er endret siden kontrollen');
    expect((await chat.running.bot.roles.people('testvik')).map((p) => p.name)).not.toContain('Ny Person');
  });

  it('reads a KE’s own Excel list as it is, and says apart what it interpreted', async () => {
    served['/saker.xlsx'] = readFileSync('templates/examples/saker.xlsx');
    const card = cardOf(await send(KARI, { attachments: [attach('saker.xlsx')] }));
    expect(texts(card)).toContain('Saker: 1 nye, 3 fantes fra før.');
    expect(texts(card)).toContain('2 advarsler: importen har tolket noe selv (se under).');
    expect(texts(card)).toContain('saker (saker.xlsx), linje 5: «closingReason» «Flyttet fra kommunen» er ingen av verdiene boten kjenner');
    const done = cardOf(await send(KARI, { value: card.actions!.find((a) => a.title === 'Importer')!.data }));
    expect(texts(done)).toContain('Importert til Testvik kommune');
  });

  it('downloads only from Teams, SharePoint or the channel’s own service', async () => {
    const reply = await send(KARI, { attachments: [attach('people.csv', 'https://attacker.example/people.csv')] });
    expect(reply.text).toContain('Jeg fikk ikke lastet ned «people.csv»');
  });

  it('«Avbryt» imports nothing', async () => {
    expect((await send(KARI, { value: { verb: 'importCancel' } })).text).toBe('Greit, ingenting er importert.');
  });
});
