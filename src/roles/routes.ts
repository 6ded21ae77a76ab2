import type { Router } from '../conversation/router.js';
import { pickablePeople } from './people.js';
import { z } from 'zod';
import { inert } from '../cards/inert.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { rolesCard, rolesPickCard } from './cards.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import { InputError, NotAllowedError } from '../errors.js';
import type { ConversationReferences } from '../conversation/ConversationReferences.js';
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
  router: Router,
  { roles, references, audit, municipalities }: { roles: Roles; references: ConversationReferences; audit: AuditLog; municipalities: Municipalities },
): void {
  const tenantOf = (context: TurnContext): string | undefined => context.activity.conversation?.tenantId ?? context.activity.channelData?.tenant?.id;
  /** The other municipalities on the admin's tenant: where a person placed in the wrong one can be moved. */
  const neighbours = async (context: TurnContext, municipality: string) =>
    (await municipalities.onTenant(tenantOf(context))).filter((m) => m.id !== municipality);

  router.message(ROLES, async (context, state) => {
    const { t, municipality, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    const people = await pickablePeople(roles, references, municipality);
    await context.sendActivity({ attachments: [rolesPickCard(t, people)] });
  });

  /** The chosen person's roles and units as they are now, to edit. */
  router.submit('rolesPick', async (context, state, data) => {
    const { t, municipality, municipalityName, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    const { userId: chosen } = cardData(z.object({ userId: z.string().min(1).max(100) }), data, 'roles.required');
    const person = (await pickablePeople(roles, references, municipality)).find((p) => p.userId === chosen);
    if (!person) throw new InputError('not a person of this municipality', { key: 'roles.required' });
    const current = await roles.record(municipality, chosen);
    const others = (await neighbours(context, municipality)).map(({ id, name }) => ({ id, name }));
    await context.sendActivity({ attachments: [rolesCard(t, { person, current, municipalityName, others })] });
  });

  router.submit('rolesSave', async (context, state, data) => {
    const { t, municipality, userId } = turnScope(context, state);
    const admin = await roles.require(municipality, userId, 'keAdmin');
    const form = cardData(rolesData, data, 'roles.required');
    const person = (await pickablePeople(roles, references, municipality)).find((p) => p.userId === form.userId);
    if (!person) throw new InputError('not a person of this municipality', { key: 'roles.required' });
    const target = form.moveTo ? (await neighbours(context, municipality)).find((m) => m.id === form.moveTo) : undefined;
    if (form.moveTo && !target) throw new InputError('not a municipality on this tenant', { key: 'municipality.notOnTenant', params: { name: form.moveTo } });
    const before = await roles.record(municipality, form.userId);
    const keAdmin = form.keAdmin === 'true';
    // A municipality is never left without a KE admin: the last one cannot give the role away.
    if (before.roles.includes('keAdmin') && !keAdmin && (await roles.holders(municipality, 'keAdmin')).length <= 1) {
      throw new NotAllowedError('last KE admin', { userMessage: { key: 'roles.lastAdmin' } });
    }
    const leads = (form.leads ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    const after = {
      roles: [...(form.keMember === 'true' || keAdmin ? (['keMember'] as const) : []), ...(keAdmin ? (['keAdmin'] as const) : [])],
      unit: form.unit || undefined,
      leads,
    };
    const changed = [
      ...(JSON.stringify([...before.roles].sort()) !== JSON.stringify([...after.roles].sort()) ? ['roles'] : []),
      ...((before.unit ?? '') !== (after.unit ?? '') ? ['unit'] : []),
      ...(JSON.stringify(before.leads) !== JSON.stringify(after.leads) ? ['leads'] : []),
    ];
    if (changed.length > 0) {
      await roles.replace(municipality, form.userId, after);
      await audit.record(municipality, {
        actor: admin,
        action: 'roles.set',
        target: `person/${form.userId}`,
        details: { changed: changed.join(','), keMember: after.roles.includes('keMember'), keAdmin, leads: leads.length },
      });
    }
    if (target) {
      await municipalities.assignMember(tenantOf(context)!, form.userId, target.id, 'keAdmin');
      await audit.record(municipality, { actor: admin, action: 'member.move', target: `person/${form.userId}`, details: { to: target.id } });
      await context.sendActivity(t('roles.moved', { name: inert(person.name), municipality: target.name }));
      return;
    }
    await context.sendActivity(t(changed.length > 0 ? 'roles.saved' : 'roles.unchanged', { name: inert(person.name) }));
  });
}
