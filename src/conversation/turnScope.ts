import type { TurnContext } from 'botbuilder';
import type { Municipality } from '../config.js';
import { defaultLocale, type Locale } from '../i18n/messages.js';
import { translator, type Translate } from '../i18n/translate.js';
import type { AppTurnState } from './AppTurnState.js';

export interface TurnScope {
  t: Translate;
  locale: Locale;
  municipality: Municipality;
  municipalityName: string;
  /** The user's Entra object id: the identity roles and audit entries refer to. */
  userId: string | undefined;
}

/** What every handler needs about the turn: the user's language, municipality and identity. */
export function turnScope(context: TurnContext, state: AppTurnState): TurnScope {
  const locale = state.user.locale ?? defaultLocale;
  const t = translator(locale);
  const municipality = state.temp.municipality;
  if (!municipality) throw new Error('turnScope() used before the municipality was resolved');
  return { t, locale, municipality, municipalityName: t(`municipality.${municipality}`), userId: context.activity.from?.aadObjectId };
}
