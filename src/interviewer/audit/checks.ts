/**
 * The audit's binary checks on one played interview. Each returns the violations it found
 * (empty: the behaviour held). They read only the transcript, the scenario's ground truth (fact
 * answers, its own texts) and the audit's vocabulary, never the interviewer's matching code.
 */
import type { Scorecard, Session, Turn } from '../../engine/types.ts';
import type { Scenario } from '../../knowledge/schema.ts';
import { escapeRegExp } from '../../knowledge/signals.ts';
import { DOMAIN_GROUPS, KEY_TERMS, MISTAKE_LINES } from './vocabulary.ts';

/** One candidate step and what the interviewer said right after it. */
export interface PlayedStep {
  stage: string;
  kind: 'answer' | 'followup' | 'hint' | 'next';
  text?: string;
  asks: string[];
  mistake?: string;
  /** The interviewer's messages in reply (system notes excluded). */
  replies: string[];
}

export interface PlayedInterview {
  scenario: Scenario;
  persona: string;
  lang: 'en' | 'zh';
  steps: PlayedStep[];
  session: Session;
  scorecard: Scorecard | null;
  /** Stages the runner had to force closed (the persona kept talking, nothing closed them). */
  stuckStages: string[];
}

export const CHECKS = [
  'unasked-fact-revealed',
  'asked-fact-unanswered',
  'answer-key-term-in-probe',
  'question-asked-twice',
  'probe-on-just-covered',
  'cross-scenario-followup',
  'cross-scenario-scorecard',
  'mistake-let-pass',
  'loop',
  'stage-never-closing',
] as const;
export type CheckId = (typeof CHECKS)[number];

const lower = (s: string) => s.normalize('NFKC').toLowerCase();

function hasTerm(text: string, term: string): boolean {
  const t = lower(term);
  const hay = lower(text);
  if (/^[a-z0-9]/.test(t)) return new RegExp(`(?<![a-z0-9])${escapeRegExp(t)}`).test(hay);
  return hay.includes(t);
}

function numbersIn(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(/\d+(?:[.,]\d+)*/g)].map((m) =>
    m[0].replace(/,/g, ''),
  );
}

const ownNumberCache = new WeakMap<Scenario, Map<string, string[]>>();

/** Per fact and language, the numbers (2+ digits) no other fact of the scenario states. */
function ownNumbers(scenario: Scenario, factId: string, lang: 'en' | 'zh'): string[] {
  let byFact = ownNumberCache.get(scenario);
  if (!byFact) {
    byFact = new Map();
    for (const fact of scenario.facts) {
      const others = new Set(
        scenario.facts
          .filter((f) => f.id !== fact.id)
          .flatMap((f) => [...numbersIn(f.answer.en), ...numbersIn(f.answer.zh)]),
      );
      for (const l of ['en', 'zh'] as const) {
        const own = [...new Set(numbersIn(fact.answer[l]))].filter(
          (n) => !others.has(n) && n.length > 1,
        );
        byFact.set(`${fact.id}:${l}`, own);
      }
    }
    ownNumberCache.set(scenario, byFact);
  }
  return byFact.get(`${factId}:${lang}`) ?? [];
}

/** Fact ids the reply states: its answer verbatim, or every number only that fact holds. */
export function factsStated(
  reply: string,
  scenario: Scenario,
  lang: 'en' | 'zh',
  said: string,
): string[] {
  const saidNumbers = new Set(numbersIn(said));
  const inReply = new Set(numbersIn(reply));
  return scenario.facts
    .filter((fact) => {
      if (reply.includes(fact.answer.en) || reply.includes(fact.answer.zh)) return true;
      const own = ownNumbers(scenario, fact.id, lang).filter((n) => !saidNumbers.has(n));
      return own.length > 0 && own.every((n) => inReply.has(n));
    })
    .map((f) => f.id);
}

function ownText(scenario: Scenario): string {
  return lower(
    [
      scenario.title.en,
      scenario.title.zh,
      scenario.summary.en,
      scenario.summary.zh,
      scenario.prompt.en,
      scenario.prompt.zh,
      ...scenario.facts.flatMap((f) => [f.answer.en, f.answer.zh]),
      ...Object.values(scenario.keyPoints).flatMap((ps) =>
        (ps ?? []).flatMap((p) => [p.text.en, p.text.zh, ...p.signals.en, ...p.signals.zh]),
      ),
      ...scenario.followups.flatMap((f) => [f.question.en, f.question.zh]),
    ].join('\n'),
  );
}

const ASKING_KINDS = new Set<Turn['kind']>(['probe', 'followup', 'acknowledge']);

/** The question sentences of an interviewer message. */
function questionsIn(text: string): string[] {
  return (text.match(/[^.!?。！？]*[?？]/g) ?? [])
    .map((q) => lower(q).replace(/\s+/g, ' ').trim())
    .filter((q) => q.length >= 8);
}

export function runChecks(played: PlayedInterview): Record<CheckId, string[]> {
  const { scenario, lang, steps, session } = played;
  const found: Record<CheckId, string[]> = Object.fromEntries(
    CHECKS.map((c) => [c, []]),
  ) as unknown as Record<CheckId, string[]>;
  const own = ownText(scenario);

  // Facts: revealed only when asked, and every asked one answered.
  for (const step of steps) {
    if (step.kind !== 'answer' || !step.text) continue;
    const stated = new Set(step.replies.flatMap((r) => factsStated(r, scenario, lang, step.text!)));
    for (const id of stated)
      if (!step.asks.includes(id))
        found['unasked-fact-revealed'].push(`${id} after "${step.text.slice(0, 60)}"`);
    for (const id of step.asks)
      if (!stated.has(id))
        found['asked-fact-unanswered'].push(`${id} for "${step.text.slice(0, 60)}"`);
  }

  // Probes and follow-ups: no answer-key term the candidate has not said, none twice, none on
  // what the candidate just said.
  const turns = session.turns;
  const seenQuestions = new Set<string>();
  turns.forEach((turn, index) => {
    if (turn.role !== 'interviewer' || !ASKING_KINDS.has(turn.kind)) return;
    const before = turns.slice(0, index).filter((t) => t.role === 'candidate');
    const saidSoFar = before.map((t) => t.text).join('\n');
    const previous = before.at(-1)?.text ?? '';
    for (const term of KEY_TERMS) {
      if (!hasTerm(turn.text, term)) continue;
      if (!hasTerm(saidSoFar, term))
        found['answer-key-term-in-probe'].push(`"${term}" in "${turn.text.slice(0, 80)}"`);
      else if (turn.kind !== 'acknowledge' && hasTerm(previous, term))
        found['probe-on-just-covered'].push(`"${term}" right after "${previous.slice(0, 60)}"`);
    }
    if (turn.kind === 'acknowledge') return;
    for (const q of questionsIn(turn.text)) {
      if (seenQuestions.has(q)) found['question-asked-twice'].push(q);
      seenQuestions.add(q);
    }
  });

  // Domain words from another kind of product.
  const candidateWords = turns
    .filter((t) => t.role === 'candidate')
    .map((t) => t.text)
    .join('\n');
  const foreign = (text: string) =>
    DOMAIN_GROUPS.filter(
      (group) =>
        group.some((term) => hasTerm(text, term)) &&
        !group.some((term) => hasTerm(own, term) || hasTerm(candidateWords, term)),
    ).map((group) => group.find((term) => hasTerm(text, term))!);
  for (const turn of turns) {
    if (turn.role !== 'interviewer' || turn.kind === 'stage-open' || turn.kind === 'hint') continue;
    for (const term of foreign(turn.text))
      found['cross-scenario-followup'].push(`"${term}" in "${turn.text.slice(0, 80)}"`);
  }
  if (played.scorecard) {
    const card = played.scorecard;
    const texts = [
      ...card.strengths,
      ...card.gaps,
      ...card.nextSteps,
      ...card.stages.flatMap((s) =>
        s.score ? [s.score.feedback, ...s.score.criteria.map((c) => c.feedback)] : [],
      ),
    ];
    for (const text of texts)
      for (const term of foreign(text))
        found['cross-scenario-scorecard'].push(`"${term}" in "${text.slice(0, 80)}"`);
  }

  // Mistakes: each one made gets a challenge (a question using the mistake's cue words).
  for (const step of steps) {
    if (!step.mistake) continue;
    const cues = MISTAKE_LINES.find((m) => m.id === step.mistake)?.cues ?? [];
    const challenged = step.replies.some((r) =>
      questionsIn(r).some((q) => cues.some((c) => hasTerm(q, c))),
    );
    if (!challenged)
      found['mistake-let-pass'].push(
        `${step.mistake}: "${step.replies.join(' / ').slice(0, 100)}"`,
      );
  }

  // The same reply twice in a row.
  const replies = steps.flatMap((s) => s.replies);
  for (let i = 1; i < replies.length; i++) {
    if (replies[i] === replies[i - 1]) found.loop.push(replies[i]!.slice(0, 80));
  }

  for (const stage of played.stuckStages) found['stage-never-closing'].push(stage);
  // Ended either way: finished with a scorecard, or abandoned with "not enough to judge" when
  // nothing the candidate said could be scored (the silent persona).
  if (session.status === 'active')
    found['stage-never-closing'].push('the interview never finished');
  return found;
}
