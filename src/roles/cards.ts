import { expandCard, type CardAttachment } from '../cards/expandCard.js';
import type { Translate } from '../i18n/translate.js';
import type { RoleName } from './Roles.js';

/** «roller»: the KE admin picks the person whose roles and units to see. */
export function rolesPickCard(t: Translate, people: readonly { userId: string; name: string }[]): CardAttachment {
  return expandCard('rolesPick', {
    title: t('roles.title'),
    hint: t('roles.hint'),
    person: t('roles.person'),
    required: t('roles.required'),
    show: t('roles.show'),
    people,
  });
}

/** One person's roles and units as they are now, to edit; with the other municipalities on the tenant to move them to. */
export function rolesCard(
  t: Translate,
  view: {
    person: { userId: string; name: string };
    current: { roles: readonly RoleName[]; unit?: string; leads: readonly string[] };
    municipalityName: string;
    others: readonly { id: string; name: string }[];
  },
): CardAttachment {
  const keys = ['keMember', 'keAdmin', 'unit', 'leads', 'save', 'moveTo'] as const;
  return expandCard('roles', {
    labels: {
      ...Object.fromEntries(keys.map((k) => [k, t(`roles.${k}`)])),
      title: t('roles.editTitle', { name: view.person.name }),
      hint: t('roles.editHint'),
      stays: t('roles.stays', { municipality: view.municipalityName }),
      yes: t('form.yes'),
    },
    others: view.others,
    current: {
      userId: view.person.userId,
      keMember: String(view.current.roles.includes('keMember')),
      keAdmin: String(view.current.roles.includes('keAdmin')),
      unit: view.current.unit ?? '',
      leads: view.current.leads.join(', '),
    },
  });
}
