import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { AuthenticateActivity } from './auth/authenticateActivity.js';
import restify from 'restify';
import type { Logger } from './logger.js';
import type { Store } from './store/Store.js';
import type { AppTurnState } from './conversation/AppTurnState.js';
import { version } from './version.js';

export interface ServerDeps {
  app: Application<AppTurnState>;
  adapter: TeamsAdapter;
  authenticate: AuthenticateActivity;
  store: Store;
  logger: Logger;
  /** Plain HTTP routes beside the bot endpoint (file downloads). */
  routes?: { path: string; handler: restify.RequestHandler }[];
}

/** Largest activity we accept; Teams activities with cards are far below this. */
const MAX_BODY_BYTES = 256 * 1024;

function isActivityShaped(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as { type?: unknown }).type === 'string';
}

/**
 * The turn with an authentication already done: what `adapter.process` does after its own token
 * check. (`processActivity` is protected in botbuilder's typings and public in its design.)
 */
function processActivity(
  adapter: TeamsAdapter,
  auth: AuthenticateRequestResult,
  activity: Activity,
  logic: (context: TurnContext) => Promise<void>,
): Promise<InvokeResponse | undefined> {
  type TurnRunner = {
    processActivity(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
  };
  return (adapter as unknown as TurnRunner).processActivity(auth, activity, logic);
}

export function createServer({ app, adapter, authenticate, store, logger, routes = [] }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'koordinatorhjelpen', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    // botbuilder answers 500 to a body that is not an activity at all; that is the sender's fault.
    if (!isActivityShaped(req.body)) {
      res.send(400, { error: 'not an activity' });
      return;
    }
    const activity = req.body as Activity;
    const auth = await authenticate(activity, req.header('authorization') ?? '');
    if (!auth) {
      res.send(401, 'Unauthorized');
      return;
    }
    const invokeResponse = await processActivity(adapter, auth, activity, async (context) => {
      await app.run(context);
    });
    res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
  });

  const health: restify.RequestHandler = async (_req, res) => {
    const storeHealth = await store.health();
    res.json(storeHealth.ok ? 200 : 503, { status: storeHealth.ok ? 'ok' : 'degraded', version, store: storeHealth });
  };
  for (const route of routes) server.get(route.path, route.handler);
  server.get('/healthz', health);
  server.get('/', health);

  server.on('restifyError', (req, _res, err, callback) => {
    if (((err as { statusCode?: number }).statusCode ?? 500) >= 500) logger.error({ err, url: req.url }, 'request failed');
    return callback();
  });
  return server;
}
