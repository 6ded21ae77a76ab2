import type { MessageKey } from '../i18n/messages.js';

/** One thing wrong in an import file: where (the header is line 1), and why, as a catalogue message. */
export interface Problem {
  line: number;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The files of one import, as the report names them. */
export type ImportFileKind = 'directory' | 'people' | 'cases';
