import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { startBot, type RunningBot } from '../support/startBot.js';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const ISSUER = 'https://api.botframework.com';

/**
 * The real Bot Framework token validation (botframework-connector) against a local OpenID metadata
 * and JWKS endpoint that publishes a test key, so tokens can be signed here.
 */
describe('authentication of /api/messages with BOT_ID set', () => {
  // botframework-connector prints every token it refuses to the console; those are the refusals this suite expects.
  const libraryConsole = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let strangerKeys: Awaited<ReturnType<typeof generateKeyPair>>;
  let metadata: Server;
  let connector: FakeConnector;
  let bot: RunningBot;

  beforeAll(async () => {
    keys = await generateKeyPair('RS256', { extractable: true });
    strangerKeys = await generateKeyPair('RS256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
    metadata = createServer((req, res) => {
      const base = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      else res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
    });
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    connector = await startFakeConnector();
    bot = await startBot({
      BOT_ID,
      BOT_PASSWORD: 'not-used-offline',
      BOT_OPENID_METADATA_URL: `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/openid`,
      DEFAULT_MUNICIPALITY: '',
    });
    await bot.bot.municipalities.update('rana', (m) => ({ ...m, tenantIds: ['tenant-test'] }));
  });

  afterAll(() => {
    expect(libraryConsole.mock.calls.every(([first]) => /jwt expired|Error finding key for token/.test(String(first)))).toBe(true);
    libraryConsole.mockRestore();
  });
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
    await new Promise<void>((resolve) => metadata?.close(() => resolve()));
  });

  async function token(
    overrides: {
      audience?: string;
      issuer?: string;
      expiresIn?: string | number;
      notBefore?: string;
      key?: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
      kid?: string;
    } = {},
  ): Promise<string> {
    const jwt = new SignJWT({ serviceurl: connector.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: overrides.kid ?? 'test-key', typ: 'JWT' })
      .setIssuer(overrides.issuer ?? ISSUER)
      .setAudience(overrides.audience ?? BOT_ID)
      .setIssuedAt()
      .setExpirationTime(overrides.expiresIn ?? '5m');
    if (overrides.notBefore) jwt.setNotBefore(overrides.notBefore);
    return jwt.sign(overrides.key ?? keys.privateKey);
  }

  /** An install: the bot answers nothing, but remembers where to reach the user – proof the turn ran. */
  const install = (userId: string) => ({ ...messageActivity({ serviceUrl: connector.serviceUrl, userId }), type: 'installationUpdate', action: 'add' });
  const post = (userId: string, authorization?: string) => bot.post(install(userId), authorization ? { authorization } : {});

  it('accepts a token signed with the published key, for this bot, from the Bot Framework', async () => {
    const response = await post('valid-user', `Bearer ${await token()}`);
    expect(response.status).toBe(200);
    expect(await bot.bot.references.find('rana', 'valid-user')).toBeDefined();
  });

  it.each<[string, () => Promise<string | undefined>]>([
    ['no Authorization header', async () => undefined],
    ['a token that is not a JWT', async () => 'Bearer not-a-token'],
    ['an expired token', async () => `Bearer ${await token({ expiresIn: Math.floor(Date.now() / 1000) - 600 })}`],
    ['a token for another bot', async () => `Bearer ${await token({ audience: '99999999-2222-3333-4444-555555555555' })}`],
    ['a token from another issuer', async () => `Bearer ${await token({ issuer: 'https://login.example.com' })}`],
    ['a token signed by someone else’s key', async () => `Bearer ${await token({ key: strangerKeys.privateKey })}`],
    ['a token naming a key that is not published', async () => `Bearer ${await token({ kid: 'unknown-key' })}`],
    ['a Basic credential', async () => 'Basic dXNlcjpwYXNz'],
  ])('answers 401 to %s, and runs no turn', async (name, authorization) => {
    const userId = `refused-${name.replace(/\W+/g, '-')}`;
    const response = await post(userId, await authorization());
    expect(response.status).toBe(401);
    // The body says no more than that: no metadata URLs, key ids or library errors.
    expect(await response.text()).toBe('"Unauthorized"');
    expect(await bot.bot.references.find('rana', userId)).toBeUndefined();
  });
});
