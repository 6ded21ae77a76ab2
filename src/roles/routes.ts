import { pickablePeople } from './people.js';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AuditLog } from '../audit/AuditLog.js';
import { expandCard } from '../cards/expandCard.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import { InputError } from '../errors.js';
import type { ConversationReferences } from '../notifications/ConversationReferences.js';
import type { Roles } from './Roles.js';
import type { TurnContext } from 'botbuilder';
import type { Municipalities } from '../municipalities/Municipalities.js';

const ROLES = /^\s*(roller|roles)\s*$/i;
const rolesData = z.object({
  userId: z.string().min(1).max(100),
  keMember: z.enum(['true', 'false']).default('false'),
  keAdmin: z.enum(['true', 'false']).default('false'),
  unit: z.string().trim().max(120).optional(),
  leads: z.string().max(400).optional(),
  moveTo: z.string().max(40).optional(),
});

/** KE admins manage who is KE, which unit people work in, and which units they lead. */
export function registerRoleRoutes(
  app: Application<AppTurnState>,
  { roles, references, audit, municipalities }: { roles: Roles; references: ConversationReferences; audit: AuditLog; municipalities: Municipalities },
): void {
  const tenantOf = (context: TurnContext): string | undefined => context.activity.conversation?.tenantId ?? context.activity.channelData?.tenant?.id;
  /** The other municipalities on the admin's tenant: where a person placed in the wrong one can be moved. */
  const neighbours = async (context: TurnContext, municipality: string) => (await municipalities.onTenant(tenantOf(context))).filter((m) => m.id !== municipality);

  app.message(ROLES, async (context, state) => {
    const { t, municipality, municipalityName, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    const keys = ['title', 'hint', 'person', 'keMember', 'keAdmin', 'unit', 'leads', 'required', 'save', 'moveTo'] as const;
    const labels = { ...Object.fromEntries(keys.map((k) => [k, t(`roles.${k}`)])), stays: t('roles.stays', { municipality: municipalityName }) };
    const others = (await neighbours(context, municipality)).map(({ id, name }) => ({ id, name }));
    await context.sendActivity({ attachments: [expandCard('roles', { labels, people: await pickablePeople(roles, references, municipality), others })] });
  });

  app.adaptiveCards.actionSubmit('rolesSave', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    const admin = await roles.require(municipality, userId, 'keAdmin');
    const form = cardData(rolesData, data, t('roles.required'));
    const person = (await pickablePeople(roles, references, municipality)).find((p) => p.userId === form.userId);
    if (!person) throw new InputError(t('roles.required'));
    const leads = (form.leads ?? '').split(',').map((u) => u.trim()).filter(Boolean);
    await roles.replace(municipality, form.userId, {
      roles: [...(form.keMember === 'true' || form.keAdmin === 'true' ? (['keMember'] as const) : []), ...(form.keAdmin === 'true' ? (['keAdmin'] as const) : [])],
      unit: form.unit || undefined,
      leads,
    });
    await audit.record(municipality, { actor: admin, action: 'roles.set', target: `person/${form.userId}`, details: { keMember: form.keMember === 'true', keAdmin: form.keAdmin === 'true', leads: leads.length } });
    const target = form.moveTo ? (await neighbours(context, municipality)).find((m) => m.id === form.moveTo) : undefined;
    if (form.moveTo && !target) throw new InputError('not a municipality on this tenant', { userMessage: { key: 'municipality.notOnTenant', params: { name: form.moveTo } } });
    if (target) {
      await municipalities.assignMember(tenantOf(context)!, form.userId, target.id, 'keAdmin');
      await audit.record(municipality, { actor: admin, action: 'member.move', target: `person/${form.userId}`, details: { to: target.id } });
      await context.sendActivity(t('roles.moved', { name: person.name, municipality: target.name }));
      return;
    }
    await context.sendActivity(t('roles.saved', { name: person.name }));
  });
}
