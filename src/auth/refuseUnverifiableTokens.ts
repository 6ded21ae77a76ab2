import type { TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../logger.js';

/**
 * botbuilder answers 500 when a token fails in a way it does not wrap (a bad signature surfaces as
 * the JWT library's own error), because the adapter maps only `AuthenticationError` to 401; and it
 * writes the error's text into the response (metadata URLs, DNS errors). Every failure to
 * authenticate a request is a 401 with the one word «Unauthorized» here, the reason goes to our log,
 * and no turn runs either way.
 */
export function refuseUnverifiableTokens(adapter: TeamsAdapter, logger: Logger): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (error) {
      logger.warn({ reason: (error as Error).message, activityType: activity.type }, 'request refused: not authenticated');
      throw new AuthenticationError('Unauthorized', 401);
    }
  };
}
