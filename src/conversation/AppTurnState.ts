import { TurnState, type DefaultConversationState, type DefaultTempState, type DefaultUserState } from '@microsoft/teams-ai';
import type { Municipality } from '../municipalities/Municipality.js';
import type { Locale } from '../i18n/messages.js';

export interface UserState extends DefaultUserState {
  locale?: Locale;
  greeted?: boolean;
}

export interface TempState extends DefaultTempState {
  /** The municipality the turn belongs to, resolved before any route runs. */
  municipality?: Municipality;
}

/** Turn state persisted through `StoreStorage`: nothing about a conversation lives only in process memory. */
export class AppTurnState extends TurnState<DefaultConversationState, UserState, TempState> {}
