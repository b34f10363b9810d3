/**
 * Is the candidate asking something, and which scenario facts does it ask for? Used by the
 * offline interviewer to answer clarifying questions from a scenario's hidden facts.
 */
import type { Fact } from '../../knowledge/schema.ts';
import { matchSignals, splitSentences } from '../../knowledge/signals.ts';

const EN_QUESTION_START =
  /^(what|what's|whats|how|which|who|when|where|why|is|are|do|does|did|can|could|should|would|will|may|have|has|shall)\b/i;
const EN_ASKING =
  /\b(i'?d like to know|i would like to know|i want to know|can you tell me|could you tell me|tell me|wondering|curious)\b/i;
const ZH_ASKING =
  /[吗嘛]|请问|是否|有没有|多少|什么|怎么样|如何|哪些|哪个|哪种|能否|想了解|想知道|想问/;

/** The sentences of `text` that ask something (a question mark, a question word, "tell me"). */
export function questionSentences(text: string): string[] {
  return splitSentences(text).filter(
    (s) => /[?？]/.test(s) || EN_QUESTION_START.test(s) || EN_ASKING.test(s) || ZH_ASKING.test(s),
  );
}

/** Mostly a question: short, or at least half of it is question sentences. */
export function isMostlyQuestion(text: string, questions: string[]): boolean {
  const asked = questions.reduce((n, q) => n + q.length, 0);
  return text.trim().length <= 200 || asked >= text.trim().length * 0.5;
}

/** The facts asked for in `questions`, best match first (most signal phrases), at most `limit`. */
export function factsAskedFor(questions: string[], facts: readonly Fact[], limit = 3): Fact[] {
  const text = questions.join('\n');
  return facts
    .map((fact, order) => ({ fact, order, hits: matchSignals(text, fact.asks).length }))
    .filter((m) => m.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .slice(0, limit)
    .map((m) => m.fact);
}
