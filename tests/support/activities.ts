import { randomUUID } from 'node:crypto';

export interface ActivityOptions {
  serviceUrl: string;
  userId?: string;
  conversationId?: string;
  tenantId?: string;
}

/** A Teams personal-chat message activity as the Bot Connector delivers it. */
export function messageActivity(options: ActivityOptions & { text?: string; value?: unknown; name?: string }): Record<string, unknown> {
  const userId = options.userId ?? 'user-1';
  const tenantId = options.tenantId ?? 'tenant-test';
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: `29:${userId}`, name: options.name ?? 'Test Bruker', aadObjectId: userId },
    recipient: { id: '28:bot', name: 'Koordinatorhjelpen' },
    conversation: { id: options.conversationId ?? `a:${userId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'nb-NO',
    ...(options.text !== undefined ? { text: options.text } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
  };
}
