import type { TurnContext } from 'botbuilder';
import type { Actor } from './Actor.js';
import type { Roles } from './Roles.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { turnScope, type TurnScope } from '../conversation/turnScope.js';

export type ActorScope = TurnScope & { actor: Actor };

/** The turn's scope and who is acting in it: their roles in the municipality and their name as Teams gives it. */
export async function actorScope(context: TurnContext, state: AppTurnState, roles: Roles): Promise<ActorScope> {
  const scope = turnScope(context, state);
  const actor = await roles.actor(scope.municipality, scope.userId);
  return { ...scope, actor: { ...actor, ...(context.activity.from?.name ? { name: context.activity.from.name } : {}) } };
}
