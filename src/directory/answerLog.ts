import type { MunicipalityId } from '../municipalities/Municipality.js';

/** An answer the directory gave (`offered` empty: it found nothing), as its feedback buttons carry it. */
export interface GivenAnswer {
  id: string;
  question: string;
  offered: readonly string[];
}

/**
 * Whoever learns from the directory's answers (the unanswered-questions feature): told of every answer
 * and of what people say about it. A lost record must never cost anyone their answer, so the routes
 * carry on when it fails.
 */
export interface AnswerLog {
  answered(municipality: MunicipalityId, userId: string | undefined, answer: GivenAnswer): Promise<void>;
  /** «Ja», or a service inserted from the message extension. */
  helped(municipality: MunicipalityId, userId: string | undefined): void;
  /** «Nei». */
  notHelped(municipality: MunicipalityId, userId: string | undefined, answer: GivenAnswer): Promise<void>;
  /** «Hva lette du etter?» after a «Nei». */
  lookingFor(municipality: MunicipalityId, answerId: string, text: string): Promise<void>;
}
