import type { Attachment } from 'botbuilder';
import type { Translate } from '../i18n/translate.js';
import { locales } from '../i18n/messages.js';
import { expandCard } from './expandCard.js';

export function languageCard(t: Translate): Attachment {
  return expandCard('language', {
    title: t('language.title'),
    choices: locales.map((locale) => ({ locale, label: t(`language.${locale}`) })),
  });
}
