import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { municipalityChoiceCard } from './cards.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { translator } from '../i18n/translate.js';
import type { Municipalities } from '../municipalities/Municipalities.js';
import type { Municipality } from '../municipalities/Municipality.js';

const choiceData = z.object({ verb: z.literal('municipalityChoose'), municipality: z.string().min(2).max(40) });

/**
 * Runs before every route: which municipality the turn belongs to. A tenant that is not connected
 * gets the "not connected" answer; on a tenant shared by several municipalities a person in no
 * list is asked once which one they work for, and nothing else happens until they have chosen.
 */
export function municipalityGate({ municipalities }: { municipalities: Municipalities }) {
  async function resolve(context: TurnContext, state: AppTurnState): Promise<Municipality | undefined> {
    const tenantId: string | undefined = context.activity.conversation?.tenantId ?? context.activity.channelData?.tenant?.id;
    const userId = context.activity.from?.aadObjectId;
    const resolution = await municipalities.resolve(tenantId, userId);
    if (resolution.kind === 'resolved') return resolution.municipality;
    if (context.activity.type !== ActivityTypes.Message) return undefined;
    const t = translator(state.user.locale);
    if (resolution.kind === 'notConnected') {
      await context.sendActivity(t('municipality.unknown'));
      return undefined;
    }
    const choice = choiceData.safeParse(context.activity.value);
    const chosen = choice.success ? resolution.options.find((option) => option.id === choice.data.municipality) : undefined;
    if (chosen && tenantId && userId) {
      await municipalities.assignMember(tenantId, userId, chosen.id, 'chosen');
      await context.sendActivity(translator(state.user.locale ?? chosen.defaultLanguage)('municipality.chosen', { municipality: chosen.name }));
      return undefined;
    }
    await context.sendActivity({ attachments: [municipalityChoiceCard(t, resolution.options)] });
    return undefined;
  }
  return { resolve };
}
