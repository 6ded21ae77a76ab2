import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../logger.js';

/** Checks the Bot Connector's token on an incoming activity: the result to run the turn with, or undefined when it does not hold. */
export type AuthenticateActivity = (activity: Activity, authorization: string) => Promise<AuthenticateRequestResult | undefined>;

/**
 * The adapter's own authentication, run before the turn rather than inside `adapter.process`: there
 * a token that fails in a way botbuilder does not wrap (a bad signature surfaces as the JWT
 * library's error) becomes a 500 with the error's text in the body (metadata URLs, DNS errors),
 * and every refusal is printed to the console with its stack. Here every failure is the caller's
 * 401 «Unauthorized», the reason goes to our log, and no turn runs.
 */
export function authenticateActivity(adapter: TeamsAdapter, logger: Logger): AuthenticateActivity {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  return async (activity, authorization) => {
    try {
      return await auth.authenticateRequest(activity, authorization);
    } catch (error) {
      logger.warn({ reason: (error as Error).message, activityType: activity.type }, 'request refused: not authenticated');
      return undefined;
    }
  };
}
