/**
 * Answering the candidate's clarifying questions from the scenario's hidden facts: every fact a
 * question asks for, however many, and nothing else; questions the scenario does not answer get
 * "the scenario doesn't say: assume what you think is reasonable and state it".
 */
import type { InterviewerContext } from '../engine/ports.ts';
import type { Fact } from '../knowledge/schema.ts';
import { matchFacts } from './fact-match.ts';
import { phrases, variant } from './phrases.ts';
import { findQuestions, isMostlyQuestions } from './questions.ts';

export interface Clarification {
  message: string;
  revealedFacts: string[];
}

/** The facts `message` asks for, and how many of its questions the scenario cannot answer. */
export function factsAskedIn(
  message: string,
  facts: readonly Fact[],
): { facts: Fact[]; unanswerable: number; mostlyQuestions: boolean; questions: number } {
  const questions = findQuestions(message);
  const match = matchFacts(questions, facts);
  return {
    facts: match.facts,
    unanswerable: match.unmatched.length,
    mostlyQuestions: questions.length > 0 && isMostlyQuestions(message, questions),
    questions: questions.length,
  };
}

/** How many "not specified" replies this stage has had: the next one uses other words. */
function notSpecifiedCount(context: InterviewerContext): number {
  const said = phrases(context.lang).notSpecified;
  return context.stageTurns.filter(
    (t) => t.role === 'interviewer' && said.some((s) => t.text.includes(s)),
  ).length;
}

/** The reply to the questions in `message`, or null when it asks nothing to answer. */
export function clarify(context: InterviewerContext, message: string): Clarification | null {
  const p = phrases(context.lang);
  const asked = factsAskedIn(message, context.scenario.facts);
  if (asked.facts.length === 0) {
    // Questions in a long answer that match no fact are usually thinking aloud; only a
    // message that is mostly questions gets "not specified".
    if (asked.unanswerable === 0 || !asked.mostlyQuestions) return null;
    return { message: variant(p.notSpecified, notSpecifiedCount(context)), revealedFacts: [] };
  }
  const known = new Set(context.session.stages.flatMap((s) => s.revealedFacts));
  const fresh = asked.facts.some((f) => !known.has(f.id));
  const parts = [
    fresh ? p.clarifyLead : p.alreadySaid,
    ...asked.facts.map((f) => f.answer[context.lang]),
  ];
  if (asked.unanswerable > 0) parts.push(p.restNotSpecified(asked.unanswerable));
  return { message: parts.join(p.joiner), revealedFacts: asked.facts.map((f) => f.id) };
}
