import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { startBot } from '../support/startBot.js';

const KARI = '7a1e0c52-1111-4c8e-9a11-000000000001';
const PER = '7a1e0c52-1111-4c8e-9a11-000000000002';

/** Runs a project script as municipal IT would (`npm run <script> -- …`), against DATA_DIR; resolves with its exit code and output. */
function run(script: string, args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}.ts`, ...args],
      { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('onboarding from the command line: npm run municipality and npm run import', () => {
  it('adds a third and a fourth municipality on one tenant, imports the templates, and their people use the bot', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-onboard-'));
    const add = await run(
      'municipality',
      ['add', '--id', 'testvik', '--name', 'Testvik kommune', '--tenant', 'tenant-iks', '--ke-admin', KARI, '--servicetorget', '12 34 56 78'],
      dataDir,
    );
    expect(add).toMatchObject({ code: 0, stdout: expect.stringContaining('La til Testvik kommune (testvik).') });
    expect(
      (await run('municipality', ['add', '--id', 'nordvik', '--name', 'Nordvik kommune', '--tenant', 'tenant-iks', '--language', 'nn'], dataDir)).code,
    ).toBe(0);
    expect(await run('municipality', ['add', '--id', 'testvik', '--name', 'Testvik igjen', '--tenant', 'tenant-x'], dataDir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('finnes allerede'),
    });
    expect(await run('municipality', ['add', '--id', 'Bad Id', '--name', 'X'], dataDir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Id-en «Bad Id» er ugyldig: bruk små bokstaver'),
    });
    expect(await run('municipality', ['frobnicate'], dataDir)).toMatchObject({ code: 2, stderr: expect.stringContaining('Bruk: npm run municipality') });
    const list = await run('municipality', ['list'], dataDir);
    expect(list.stdout.trim().split('\n')).toEqual([
      'nordvik\tNordvik kommune\ttenant: tenant-iks\tspråk: nn',
      'testvik\tTestvik kommune\ttenant: tenant-iks\tspråk: nb',
    ]);

    const files = ['--directory', 'templates/directory.csv', '--people', 'templates/people.csv', '--cases', 'templates/cases.csv'];
    const dry = await run('import', ['--municipality', 'testvik', ...files, '--dry-run'], dataDir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dette var en kontroll. Ingenting er lagret ennå.');

    // Excel on Norwegian Windows: semicolons and Windows-1252.
    const rows = parse(readFileSync('templates/cases.csv', 'utf8')) as string[][];
    const bad = stringify(rows, { delimiter: ';' }).replace('IP-2026-003;Eksempel Ungdom;2009-01-15', 'IP-2026-003;Eksempel Ungdom;15.01.2031');
    writeFileSync(join(dataDir, 'saker.csv'), Buffer.from(bad, 'latin1'));
    const refused = await run(
      'import',
      ['--municipality', 'testvik', '--directory', 'templates/directory.csv', '--people', 'templates/people.csv', '--cases', join(dataDir, 'saker.csv')],
      dataDir,
    );
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('saker (saker.csv), linje 4: «birthDate» er fram i tid (2031-01-15).');
    expect(refused.stdout).toContain('Importen til Testvik kommune er stoppet – ingenting er lagret');

    const imported = await run('import', ['--municipality', 'testvik', ...files], dataDir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('IP-2025-014 → TESTVIK-2026-0001');
    const again = await run('import', ['--municipality', 'testvik', ...files], dataDir);
    expect(again.stdout).toContain('IP-2025-014 → TESTVIK-2026-0001 (fantes fra før)');
    expect(again.stdout).toContain('Saker: 0 nye, 4 fantes fra før.');

    expect(await run('municipality', ['remove', '--id', 'testvik'], dataDir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('har saker og kan ikke fjernes'),
    });

    // The bot on the same store: no DEFAULT_MUNICIPALITY, no example municipalities.
    const connector = await startFakeConnector();
    const bot = await startBot({ DATA_DIR: dataDir, DEFAULT_MUNICIPALITY: '', EXAMPLE_MUNICIPALITIES: 'off' });
    const say = async (userId: string, text: string) => {
      const before = connector.sent.length;
      await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, userId, tenantId: 'tenant-iks', text }));
      return JSON.stringify((await connector.waitFor(before + 1)).slice(before)[0]!.body);
    };
    expect(await say(PER, 'hjelp')).toContain('Testvik kommune');
    const all = await say(KARI, 'alle saker');
    for (const reference of ['TESTVIK-2026-0001', 'TESTVIK-2026-0002', 'TESTVIK-2026-0003']) expect(all).toContain(reference);
    expect(await say(PER, 'hvem kontakter jeg for xylofonstemming')).toContain('tel:+4712345678');
    await bot.close();
    await connector.close();

    expect(await run('municipality', ['remove', '--id', 'nordvik'], dataDir)).toMatchObject({ code: 0, stdout: 'Fjernet nordvik.\n' });
  }, 120_000);
});

describe('onboarding from the files a municipality already has: a KE’s Excel list and IT’s Entra ID user list', () => {
  it('imports both without hand-editing, with the interpretations as warnings, and the KE’s cases open in chat', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-onboard-files-'));
    expect((await run('municipality', ['add', '--id', 'testvik', '--name', 'Testvik kommune', '--tenant', 'tenant-t', '--ke-admin', KARI], dataDir)).code).toBe(
      0,
    );
    const files = [
      '--directory',
      'templates/directory.csv',
      '--people',
      'templates/examples/entra-users.csv',
      '--unit',
      'Hjemmesykepleien=Hjemmetjenesten',
      '--cases',
      'templates/examples/saker.xlsx',
    ];
    const dry = await run('import', ['--municipality', 'testvik', ...files, '--dry-run'], dataDir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Saker: 4 nye, 0 fantes fra før.');
    expect(dry.stdout).toContain('3 advarsler: importen har tolket noe selv (se under).');
    expect(dry.stdout).toContain('! saker (saker.xlsx), linje 5: «closingReason» «Flyttet fra kommunen» er ingen av verdiene boten kjenner');
    expect(dry.stdout).toContain('! personer (entra-users.csv), linje 1: kolonnene Surname, Given name, User type, Job title, Account enabled brukes ikke');
    const real = await run('import', ['--municipality', 'testvik', ...files], dataDir);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('6 personer i filen har aldri brukt Koordinatorhjelpen: be IT forhåndsinstallere appen');
    expect((await run('import', ['--municipality', 'testvik', ...files], dataDir)).stdout).toContain('Saker: 0 nye, 4 fantes fra før.');

    const connector = await startFakeConnector();
    const bot = await startBot({ DATA_DIR: dataDir, DEFAULT_MUNICIPALITY: 'testvik' });
    try {
      const post = async (userId: string, text: string) => {
        const before = connector.sent.length;
        await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, userId, text, tenantId: 'tenant-t' }));
        return JSON.stringify((await connector.waitFor(before + 1)).slice(before));
      };
      // Per Hansen's department «Hjemmesykepleien» became the unit «Hjemmetjenesten»; he was named by e-mail as coordinator.
      expect(await post(PER, 'mine saker')).toContain('TESTVIK-');
      const closed = await post(KARI, 'TESTVIK-2026-0004');
      expect(closed).toContain('Annet (Flyttet fra kommunen)');
    } finally {
      await bot.close();
      await connector.close();
    }
  }, 120_000);
});
