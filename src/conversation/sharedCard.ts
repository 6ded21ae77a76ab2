import type { Activity } from 'botbuilder';

const INLINE_COMPOSE_CARD = /<span[^>]*class="inline-compose-card"[^>]*>[\s\S]*?<\/span>\s*<\/span>/giu;

/**
 * A card the user picked in a message extension («Finn tjeneste») and sent into this chat: Teams
 * posts it as a message whose text is only the card's placeholder. It is shared, not a question.
 */
export function isSharedCard(activity: Pick<Activity, 'text' | 'attachments'>): boolean {
  const hasCard = (activity.attachments ?? []).some((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!hasCard) return false;
  const words = (activity.text ?? '')
    .replace(INLINE_COMPOSE_CARD, '')
    .replace(/<[^>]*>/g, '')
    .trim();
  return words === '';
}
