import type { Translate } from '../i18n/translate.js';
import { expandCard, type CardAttachment } from '../cards/expandCard.js';

/** The form for an access or erasure request about one resident (KE admins only). */
export function privacyRequestCard(t: Translate, mode: 'access' | 'erase'): CardAttachment {
  return expandCard('privacyRequest', {
    title: t(`privacy.${mode}.title`),
    hint: t(`privacy.${mode}.hint`),
    erase: mode === 'erase',
    verb: mode === 'access' ? 'privacyAccess' : 'privacyErase',
    style: mode === 'access' ? 'positive' : 'destructive',
    labels: {
      name: t('privacy.name'),
      birthDate: t('privacy.birthDate'),
      confirm: t('privacy.confirm'),
      yes: t('form.yes'),
      required: t('privacy.required'),
      submit: t(`privacy.${mode}.submit`),
    },
  });
}
