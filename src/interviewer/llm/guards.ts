/**
 * The checks code makes on an LLM interviewer's message before the candidate sees it, for what
 * prompts alone cannot promise:
 * - facts: a sentence stating a scenario fact no question in the candidate's newest message
 *   asked for is dropped; an asked fact the model left out is added from the scenario;
 * - probes and follow-ups: a sentence naming an answer-key term the candidate has not said, or
 *   another domain's vocabulary, is dropped; a question asked before anywhere in the interview is
 *   refused (the move is then retried or made by the offline interviewer).
 */
import type { InterviewerContext } from '../../engine/ports.ts';
import type { Fact } from '../../knowledge/schema.ts';
import { normalize, splitSentences } from '../../knowledge/signals.ts';
import { numberSet, statedNumbers } from './grounding.ts';
import { leakedTerms } from '../answer-key.ts';
import { factsAskedIn } from '../clarify.ts';
import { latestCandidateMessage } from '../probes.ts';
import { fitsScenario } from '../scenario-fit.ts';

export type Guarded =
  | { ok: true; message: string; revealedFacts: string[] }
  | { ok: false; problem: string };

/** Numbers only this fact states (in either language), so a sentence with them states it. */
function ownNumbers(fact: Fact, facts: readonly Fact[]): Set<string> {
  const others = numberSet(
    facts.filter((f) => f.id !== fact.id).flatMap((f) => [f.answer.en, f.answer.zh]),
  );
  const mine = numberSet([fact.answer.en, fact.answer.zh]);
  return new Set([...mine].filter((n) => !others.has(n) && n.length > 1));
}

/** The facts a sentence states: its answer text, or a number only that fact holds. */
function factsIn(sentence: string, facts: readonly Fact[], said: string): Fact[] {
  const saidNumbers = numberSet([said]);
  const stated = statedNumbers(sentence).filter((n) => !saidNumbers.has(n));
  const text = normalize(sentence);
  // A sentence taken from a fact's answer (any of its sentences), or one quoting its start.
  const quotes = (answer: string, prefix: number) => {
    const whole = normalize(answer);
    return text.includes(whole.slice(0, prefix)) || (text.length >= 12 && whole.includes(text));
  };
  return facts.filter(
    (fact) =>
      quotes(fact.answer.en, 40) ||
      quotes(fact.answer.zh, 20) ||
      stated.some((n) => ownNumbers(fact, facts).has(n)),
  );
}

const joinerFor = (context: InterviewerContext) => (context.lang === 'zh' ? '' : ' ');

/** Facts only as asked: unasked ones dropped, asked ones the model forgot added. */
export function guardFacts(context: InterviewerContext, message: string): Guarded {
  const { scenario, lang } = context;
  const said = latestCandidateMessage(context);
  const asked = factsAskedIn(said, scenario.facts).facts;
  const askedIds = new Set(asked.map((f) => f.id));
  const kept: string[] = [];
  const stated = new Set<string>();
  const allowed = allowedTexts(context);
  for (const sentence of splitSentences(message)) {
    // An answer to a question is no place to suggest the design either.
    if (leakedTerms(sentence, scenario, allowed).length > 0 || !fitsScenario(sentence, scenario))
      continue;
    const inSentence = factsIn(sentence, scenario.facts, said);
    if (inSentence.some((f) => !askedIds.has(f.id))) continue;
    for (const f of inSentence) stated.add(f.id);
    kept.push(sentence);
  }
  const missing = asked.filter((f) => !stated.has(f.id));
  const parts = [...kept, ...missing.map((f) => f.answer[lang])];
  const substance = parts.join(' ');
  if (asked.length === 0 && substance.length < 40 && !/[?？]/.test(substance)) {
    return { ok: false, problem: 'the message only stated facts nobody asked for' };
  }
  if (isRepeatOfLast(context, substance)) {
    return { ok: false, problem: 'the message repeats your previous one word for word' };
  }
  return {
    ok: true,
    message: parts.join(joinerFor(context)),
    revealedFacts: asked.map((f) => f.id),
  };
}

/** Everything the candidate said, the prompt and the facts shown: what a probe may name. */
function allowedTexts(context: InterviewerContext): string[] {
  const revealed = new Set(context.session.stages.flatMap((s) => s.revealedFacts));
  return [
    ...[...context.session.turns, ...context.stageTurns]
      .filter((t) => t.role === 'candidate')
      .map((t) => t.text),
    context.scenario.prompt[context.lang],
    ...context.scenario.facts.filter((f) => revealed.has(f.id)).map((f) => f.answer[context.lang]),
  ];
}

/** A probe or follow-up that asks, never tells, never repeats. */
export function guardQuestion(context: InterviewerContext, message: string): Guarded {
  const allowed = allowedTexts(context);
  const kept = splitSentences(message).filter(
    (s) =>
      leakedTerms(s, context.scenario, allowed).length === 0 && fitsScenario(s, context.scenario),
  );
  const question = kept.filter((s) => /[?？]/.test(s));
  if (question.length === 0) {
    return {
      ok: false,
      problem:
        'the question named an expected answer or another domain; ask about the area instead',
    };
  }
  const earlier = [...context.session.turns, ...context.stageTurns]
    .filter((t) => t.role === 'interviewer')
    .map((t) => normalize(t.text));
  if (question.some((q) => earlier.some((e) => e.includes(normalize(q))))) {
    return {
      ok: false,
      problem: 'that question was already asked in this interview; ask something else',
    };
  }
  if (isRepeatOfLast(context, kept.join(' '))) {
    return { ok: false, problem: 'the message repeats your previous one word for word' };
  }
  return { ok: true, message: kept.join(joinerFor(context)), revealedFacts: [] };
}

/** The interviewer's previous message in this stage said exactly this. */
function isRepeatOfLast(context: InterviewerContext, message: string): boolean {
  const last = context.stageTurns.findLast((t) => t.role === 'interviewer');
  return last !== undefined && normalize(last.text) === normalize(message);
}
