import type { AnswerLog, GivenAnswer } from '../directory/answerLog.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import { REFORMULATION_MS } from './rules.js';
import type { UnansweredQuestions } from './UnansweredQuestions.js';

interface Pending extends GivenAnswer {
  at: number;
  /** The miss already recorded for it (a no-hit), which a reformulation joins. */
  recorded: boolean;
}

/** Answers remembered for pairing at most; the oldest go first. */
const MEMORY_LIMIT = 10_000;

/**
 * Learns from the directory's answers which questions it did not answer: a no-hit, a «Nei», and a new
 * question from the same person within {@link REFORMULATION_MS} of an answer they did not act on (the
 * pair kept together). Who asked is known only in this instance's memory, for those two minutes: the
 * stored question has no identity.
 */
export class QuestionLog implements AnswerLog {
  private readonly recent = new Map<string, Pending>();

  constructor(
    private readonly questions: UnansweredQuestions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async answered(municipality: MunicipalityId, userId: string | undefined, answer: GivenAnswer): Promise<void> {
    // The same question again (sent twice, or asked again) is no reformulation: the first answer stays the one to judge.
    if (userId && sameQuestion(this.recent.get(key(municipality, userId)), answer)) return;
    const previous = userId ? this.take(municipality, userId) : undefined;
    if (previous?.recorded) await this.questions.annotate(municipality, previous.id, 'reformulation', answer.question);
    else if (previous)
      await this.questions.record(municipality, {
        id: previous.id,
        question: previous.question,
        kind: 'reformulated',
        offered: previous.offered,
        reformulation: answer.question,
      });
    const recorded = answer.offered.length === 0;
    if (recorded) await this.questions.record(municipality, { id: answer.id, question: answer.question, kind: 'noHit', offered: [] });
    if (userId) this.remember(municipality, userId, { ...answer, at: this.now().getTime(), recorded });
  }

  /** «Ja», or a service inserted from the message extension: the last answer was it. */
  helped(municipality: MunicipalityId, userId: string | undefined): void {
    if (userId) this.recent.delete(key(municipality, userId));
  }

  /** «Nei» on an answer. A second click on the same card records nothing more. */
  async notHelped(municipality: MunicipalityId, userId: string | undefined, answer: GivenAnswer): Promise<void> {
    this.helped(municipality, userId);
    await this.questions.record(municipality, { id: answer.id, question: answer.question, kind: 'rejected', offered: answer.offered });
  }

  /** What the person who said «Nei» says they looked for. */
  async lookingFor(municipality: MunicipalityId, answerId: string, text: string): Promise<void> {
    await this.questions.annotate(municipality, answerId, 'lookingFor', text);
  }

  private take(municipality: MunicipalityId, userId: string): Pending | undefined {
    const k = key(municipality, userId);
    const pending = this.recent.get(k);
    this.recent.delete(k);
    return pending && this.now().getTime() - pending.at <= REFORMULATION_MS ? pending : undefined;
  }

  private remember(municipality: MunicipalityId, userId: string, pending: Pending): void {
    this.recent.set(key(municipality, userId), pending);
    if (this.recent.size > MEMORY_LIMIT) this.recent.delete(this.recent.keys().next().value!);
  }
}

const key = (municipality: MunicipalityId, userId: string) => `${municipality}\n${userId}`;

const sameQuestion = (pending: Pending | undefined, answer: GivenAnswer) =>
  pending !== undefined && pending.question.trim().toLowerCase() === answer.question.trim().toLowerCase();
