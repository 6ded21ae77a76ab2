import type { TurnContext } from 'botbuilder';
import type { Municipality, MunicipalityId } from '../municipalities/Municipality.js';
import { defaultLocale, type Locale } from '../i18n/messages.js';
import { translator, type Translate } from '../i18n/translate.js';
import type { AppTurnState } from './AppTurnState.js';

export interface TurnScope {
  t: Translate;
  locale: Locale;
  municipality: MunicipalityId;
  municipalityName: string;
  /** The municipality's record: phones, default language, tenants. */
  home: Municipality;
  /** The user's Entra object id: the identity roles and audit entries refer to. */
  userId: string | undefined;
}

/** What every handler needs about the turn: the user's language, municipality and identity. */
export function turnScope(context: TurnContext, state: AppTurnState): TurnScope {
  const municipality = state.temp.municipality;
  if (!municipality) throw new Error('turnScope() used before the municipality was resolved');
  const locale = state.user.locale ?? municipality.defaultLanguage ?? defaultLocale;
  return {
    t: translator(locale),
    locale,
    municipality: municipality.id,
    municipalityName: municipality.name,
    home: municipality,
    userId: context.activity.from?.aadObjectId,
  };
}
