import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal data never belongs here: log ids, verbs and outcomes,
 * not names, free text or card contents. The redact list is a safety net, not the policy.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'koordinatorhjelpen' },
      redact: { paths: ['*.text', '*.name', '*.value', 'activity', 'card'], censor: '[redacted]' },
    },
    destination,
  );
}
