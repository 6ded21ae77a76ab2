import type { ConversationReference } from 'botbuilder';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Locale } from '../i18n/messages.js';
import type { Store } from '../store/Store.js';

/** Where the municipality's people are reached: the Bot Connector endpoint Teams last used, and the tenant. */
export interface ServiceEndpoint {
  serviceUrl: string;
  tenantId: string;
}

/** The id of the one document per municipality that is not a person's reference. */
const SERVICE_ID = '~service';

interface StoredReference {
  reference: Partial<ConversationReference>;
  /** The language the person chose in chat, so proactive messages speak it too. */
  locale?: Locale;
  updatedAt: string;
}

/**
 * Where to reach each person proactively: the personal-chat conversation reference (with
 * `serviceUrl` and tenant), kept per municipality by Entra object id. Written only when it changes.
 */
export class ConversationReferences {
  private readonly known = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async remember(municipality: MunicipalityId, userId: string, reference: Partial<ConversationReference>, locale?: Locale): Promise<void> {
    const tenantId = reference.conversation?.tenantId;
    if (reference.serviceUrl && tenantId) await this.noteService(municipality, { serviceUrl: reference.serviceUrl, tenantId });
    if (reference.conversation?.conversationType && reference.conversation.conversationType !== 'personal') return;
    const key = `${municipality}/${userId}`;
    const fingerprint = `${reference.serviceUrl}|${reference.conversation?.id}|${reference.user?.name ?? ''}|${locale ?? ''}`;
    if (this.known.get(key) === fingerprint) return;
    await this.store.put<StoredReference>('conversations', municipality, userId, {
      reference,
      ...(locale ? { locale } : {}),
      updatedAt: new Date().toISOString(),
    });
    this.known.set(key, fingerprint);
  }

  /** The endpoint through which a chat can be opened with someone who never wrote to the bot. */
  async service(municipality: MunicipalityId): Promise<ServiceEndpoint | undefined> {
    return (await this.store.get<ServiceEndpoint>('conversations', municipality, SERVICE_ID))?.data;
  }

  private async noteService(municipality: MunicipalityId, endpoint: ServiceEndpoint): Promise<void> {
    const key = `${municipality}/${SERVICE_ID}`;
    const fingerprint = `${endpoint.serviceUrl}|${endpoint.tenantId}`;
    if (this.known.get(key) === fingerprint) return;
    await this.store.put<ServiceEndpoint>('conversations', municipality, SERVICE_ID, endpoint);
    this.known.set(key, fingerprint);
  }

  /** Where to reach the person and the language they chose, from one read. */
  async lookup(municipality: MunicipalityId, userId: string): Promise<{ reference: Partial<ConversationReference>; locale?: Locale } | undefined> {
    return (await this.store.get<StoredReference>('conversations', municipality, userId))?.data;
  }

  async find(municipality: MunicipalityId, userId: string): Promise<Partial<ConversationReference> | undefined> {
    return (await this.lookup(municipality, userId))?.reference;
  }

  /** The people who have a personal chat with the bot: whom KE can propose as coordinator. */
  async people(municipality: MunicipalityId): Promise<{ userId: string; name: string }[]> {
    const docs = await this.store.list<StoredReference>('conversations', municipality);
    return docs
      .filter((doc) => doc.id !== SERVICE_ID)
      .map((doc) => ({ userId: doc.id, name: doc.data.reference.user?.name || doc.id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  }

  /** Teams said the user blocked or removed the bot: stop sending there. */
  async forget(municipality: MunicipalityId, userId: string): Promise<void> {
    this.known.delete(`${municipality}/${userId}`);
    await this.store.delete('conversations', municipality, userId);
  }
}
