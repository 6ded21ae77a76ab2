import { locales } from '../i18n/messages.js';
import type { Translate } from '../i18n/translate.js';
import { capabilities } from './capabilities.js';
import { expandCard, type CardAttachment } from '../cards/expandCard.js';

/** The capability menu: the answer to «hjelp», and (with the welcome heading) the greeting on first contact. */
export function menuCard(t: Translate, options: { municipalityName: string; welcome?: boolean }): CardAttachment {
  return expandCard('menu', {
    title: t(options.welcome ? 'welcome.title' : 'help.title'),
    intro: t(options.welcome ? 'welcome.body' : 'help.intro', { municipality: options.municipalityName }),
    capabilities: capabilities.map((capability) => ({
      id: capability,
      title: t(`capability.${capability}.title`),
      description: t(`capability.${capability}.description`),
    })),
    footer: t('help.footer'),
  });
}

export function languageCard(t: Translate): CardAttachment {
  return expandCard('language', {
    title: t('language.title'),
    choices: locales.map((locale) => ({ locale, label: t(`language.${locale}`) })),
  });
}
