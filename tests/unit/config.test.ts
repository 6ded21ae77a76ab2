import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig()', () => {
  it('gives local defaults: port 3978, SQLite under ./.data, anonymous bot', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, dataDir: './.data', bot: { appId: undefined, type: 'MultiTenant' }, cosmos: undefined });
  });

  it.each<[string, Record<string, string>, unknown]>([
    ['a local trial: the dev sign-in', {}, { kind: 'dev' }],
    ['a registered bot without a tab app: no sign-in at all (never the dev one)', { BOT_ID: 'b', BOT_PASSWORD: 'p' }, { kind: 'off' }],
    [
      'the tab app: Teams SSO for its client id and Application ID URI on the public host',
      { BOT_ID: 'b', BOT_PASSWORD: 'p', TAB_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', PUBLIC_URL: 'https://kh.example.no' },
      {
        kind: 'sso',
        authority: 'https://login.microsoftonline.com',
        audiences: ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'api://kh.example.no/3f2504e0-4f89-41d3-9a0c-0305e82c3301'],
      },
    ],
  ])('the «Oversikt» tab’s sign-in: %s', (_, env, expected) => {
    expect(loadConfig(env).tabAuth).toEqual(expected);
  });

  it('uses Cosmos when COSMOS_ENDPOINT is set, with or without a key', () => {
    expect(loadConfig({ COSMOS_ENDPOINT: 'https://x.documents.azure.com:443/' }).cosmos).toEqual({
      endpoint: 'https://x.documents.azure.com:443/',
      key: undefined,
      database: 'koordinatorhjelpen',
    });
    expect(loadConfig({ COSMOS_ENDPOINT: 'https://x/', COSMOS_KEY: 'k' }).cosmos?.key).toBe('k');
  });

  it('takes any municipality id for local trials, and the example municipalities only when asked', () => {
    const config = loadConfig({ DEFAULT_MUNICIPALITY: 'indre-fosen', KE_ADMINS: 'indre-fosen:abc, rana:def' });
    expect(config).toMatchObject({ defaultMunicipality: 'indre-fosen', exampleMunicipalities: false });
    expect(config.keAdmins).toEqual([
      { municipality: 'indre-fosen', userId: 'abc' },
      { municipality: 'rana', userId: 'def' },
    ]);
    expect(loadConfig({ EXAMPLE_MUNICIPALITIES: 'on' }).exampleMunicipalities).toBe(true);
  });

  it('refuses DEFAULT_MUNICIPALITY in production (with BOT_ID): it would give every tenant that municipality', () => {
    expect(() => loadConfig({ BOT_ID: 'id', BOT_PASSWORD: 'p', DEFAULT_MUNICIPALITY: 'rana' })).toThrow(/DEFAULT_MUNICIPALITY: is for local trials only/);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BOT_TYPE: 'Whatever' }, 'BOT_TYPE'],
    [{ BOT_ID: 'id' }, 'BOT_PASSWORD'],
    [{ BOT_ID: 'id', BOT_PASSWORD: 'p', BOT_TYPE: 'SingleTenant' }, 'BOT_TENANT_ID'],
    [{ COSMOS_ENDPOINT: 'not a url' }, 'COSMOS_ENDPOINT'],
    [{ DEFAULT_MUNICIPALITY: 'Oslo kommune' }, 'DEFAULT_MUNICIPALITY'],
    [{ KE_ADMINS: 'rana=abc' }, 'KE_ADMINS'],
    [{ KE_ADMINS: 'Rana:abc' }, 'KE_ADMINS'],
    [{ EXAMPLE_MUNICIPALITIES: 'yes' }, 'EXAMPLE_MUNICIPALITIES'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${variable}\\b`));
  });

  it('accepts a managed identity bot without a password', () => {
    expect(loadConfig({ BOT_ID: 'client-id', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 't' }).bot).toMatchObject({
      appId: 'client-id',
      type: 'UserAssignedMSI',
    });
  });
});
