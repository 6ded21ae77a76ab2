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

const ROLES = /^\s*(roller|roles)\s*$/i;
const rolesData = z.object({
  userId: z.string().min(1).max(100),
  keMember: z.enum(['true', 'false']).default('false'),
  keAdmin: z.enum(['true', 'false']).default('false'),
  unit: z.string().trim().max(120).optional(),
  leads: z.string().max(400).optional(),
});

/** KE admins manage who is KE, which unit people work in, and which units they lead. */
export function registerRoleRoutes(app: Application<AppTurnState>, { roles, references, audit }: { roles: Roles; references: ConversationReferences; audit: AuditLog }): void {
  app.message(ROLES, async (context, state) => {
    const { t, municipality, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    const keys = ['title', 'hint', 'person', 'keMember', 'keAdmin', 'unit', 'leads', 'required', 'save'] as const;
    await context.sendActivity({
      attachments: [expandCard('roles', { labels: Object.fromEntries(keys.map((k) => [k, t(`roles.${k}`)])), people: await references.people(municipality) })],
    });
  });

  app.adaptiveCards.actionSubmit('rolesSave', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    const admin = await roles.require(municipality, userId, 'keAdmin');
    const form = cardData(rolesData, data, t('roles.required'));
    const person = (await references.people(municipality)).find((p) => p.userId === form.userId);
    if (!person) throw new InputError(t('roles.required'));
    const leads = (form.leads ?? '').split(',').map((u) => u.trim()).filter(Boolean);
    await roles.replace(municipality, form.userId, {
      roles: [...(form.keMember === 'true' || form.keAdmin === 'true' ? (['keMember'] as const) : []), ...(form.keAdmin === 'true' ? (['keAdmin'] as const) : [])],
      unit: form.unit || undefined,
      leads,
    });
    await audit.record(municipality, { actor: admin, action: 'roles.set', target: `person/${form.userId}`, details: { keMember: form.keMember === 'true', keAdmin: form.keAdmin === 'true', leads: leads.length } });
    await context.sendActivity(t('roles.saved', { name: person.name }));
  });
}
