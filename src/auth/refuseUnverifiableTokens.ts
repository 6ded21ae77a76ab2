import type { TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';

/**
 * botbuilder answers 500 when a token fails in a way it does not wrap (a bad signature surfaces as
 * the JWT library's own error), because the adapter maps only `AuthenticationError` to 401. Every
 * failure to authenticate a request is a 401 here; no turn runs either way.
 */
export function refuseUnverifiableTokens(adapter: TeamsAdapter): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, 401);
    }
  };
}
