/**
 * What the interviewer digs into: unprompted probes after an answer and the follow-ups the
 * candidate asks for. Every question it asks here:
 * - names an area, never the expected answer (no answer-key term the candidate has not said);
 * - is not about what the candidate just covered;
 * - fits the scenario (no engagement question in a fraud interview);
 * - was not asked before anywhere in the interview (by key and by wording).
 */
import type { InterviewerContext } from '../engine/ports.ts';
import type { Criterion, KeyPoint, Signals } from '../knowledge/schema.ts';
import { containsPhrase, matchSignals, normalize } from '../knowledge/signals.ts';
import { leakedTerms } from './answer-key.ts';
import { phrases } from './phrases.ts';
import { fitsScenario } from './scenario-fit.ts';
import { contentStems, looseMatcher, stems } from './words.ts';

export interface Ask {
  key: string;
  question: string;
}

export function latestCandidateMessage(context: InterviewerContext): string {
  for (let i = context.stageTurns.length - 1; i >= 0; i--) {
    const turn = context.stageTurns[i]!;
    if (turn.role === 'candidate') return turn.text;
  }
  return '';
}

function stageWords(context: InterviewerContext): string {
  return context.stageTurns
    .filter((t) => t.role === 'candidate')
    .map((t) => t.text)
    .join('\n');
}

/** Everything the candidate said in the interview, and the texts they were shown. */
function allowedTexts(context: InterviewerContext): string[] {
  const { session, scenario, lang } = context;
  const revealed = new Set(session.stages.flatMap((s) => s.revealedFacts));
  return [
    ...session.turns.filter((t) => t.role === 'candidate').map((t) => t.text),
    ...context.stageTurns.filter((t) => t.role === 'candidate').map((t) => t.text),
    scenario.prompt[lang],
    ...scenario.facts.filter((f) => revealed.has(f.id)).map((f) => f.answer[lang]),
  ];
}

/** Covered, loosely: an exact signal, or any distinctive word of one in any inflection. */
export function coversLoosely(text: string, signals: Signals): boolean {
  const mentions = looseMatcher(text);
  return [...signals.en, ...signals.zh].some(mentions);
}

/** Mostly about what `message` just said: half or more of its distinctive words are there. */
function repeatsMessage(question: string, message: string): boolean {
  const asked = [...new Set(contentStems(question))];
  if (asked.length === 0) return false;
  const said = new Set(stems(message));
  const shared = asked.filter((s) => said.has(s)).length;
  return shared >= 2 && shared / asked.length >= 0.5;
}

/** Whether the interviewer may ask `ask` now. */
export function mayAsk(context: InterviewerContext, ask: Ask): boolean {
  const { session, scenario } = context;
  const askedKeys = new Set(session.stages.flatMap((s) => s.followupsAsked));
  if (askedKeys.has(ask.key)) return false;
  const question = normalize(ask.question);
  const earlier = [...session.turns, ...context.stageTurns].filter((t) => t.role === 'interviewer');
  if (earlier.some((t) => normalize(t.text).includes(question))) return false;
  if (!fitsScenario(ask.question, scenario)) return false;
  if (leakedTerms(ask.question, scenario, allowedTexts(context)).length > 0) return false;
  const latest = latestCandidateMessage(context);
  // Naming an answer the candidate just gave asks about what was just covered.
  if (leakedTerms(ask.question, scenario, []).some((term) => containsPhrase(latest, term)))
    return false;
  return !repeatsMessage(ask.question, latest);
}

/** The question that probes one criterion's area: knowledge/probes.yaml, else from its name. */
export function areaQuestion(context: InterviewerContext, criterion: Criterion): string {
  const written = context.probes?.[context.stage.id]?.[criterion.id];
  return written
    ? written[context.lang]
    : phrases(context.lang).areaProbe(criterion.name[context.lang]);
}

/** The criterion whose vocabulary overlaps a key point most: the area that key point is in. */
function areaOf(point: KeyPoint, criteria: readonly Criterion[]): Criterion {
  const text = [point.text.en, ...point.signals.en].join(' ');
  const mentions = looseMatcher(text);
  let best = criteria[0]!;
  let bestScore = -1;
  for (const criterion of criteria) {
    const score =
      matchSignals(text, criterion.signals).length +
      criterion.signals.en.filter(mentions).length / 10;
    if (score > bestScore) {
      best = criterion;
      bestScore = score;
    }
  }
  return best;
}

function areaAsk(context: InterviewerContext, criterion: Criterion): Ask {
  return {
    key: `area:${context.stage.id}:${criterion.id}`,
    question: areaQuestion(context, criterion),
  };
}

/**
 * Probes in order of value: the areas of the stage's key points the candidate has not covered,
 * then the stage's other areas they have not touched. Only those the interviewer may ask now.
 */
export function probeAsks(context: InterviewerContext): Ask[] {
  const { scenario, stage } = context;
  const words = stageWords(context);
  const latest = latestCandidateMessage(context);
  const uncovered = (scenario.keyPoints[stage.id] ?? []).filter(
    (p) => !coversLoosely(words, p.signals),
  );
  const areas = [
    ...uncovered.map((p) => areaOf(p, stage.criteria)),
    ...stage.criteria.filter((c) => !coversLoosely(words, c.signals)),
  ];
  const unique = [...new Map(areas.map((c) => [c.id, c])).values()];
  return unique
    .filter((c) => matchSignals(latest, c.signals).length === 0)
    .map((c) => areaAsk(context, c))
    .filter((ask) => mayAsk(context, ask));
}

/**
 * Follow-ups the candidate asked for, best first: the scenario's own for this stage, the
 * framework's cross-cutting topics they have not covered, the stage's follow-ups, then the
 * stage's areas. Only those the interviewer may ask now.
 */
export function followupAsks(context: InterviewerContext): Ask[] {
  const { scenario, stage, lang, framework } = context;
  const latest = latestCandidateMessage(context);
  const fromScenario = scenario.followups.flatMap((f, index) =>
    f.stage === stage.id ? [{ key: `scenario:${index}`, question: f.question[lang] }] : [],
  );
  const fromTopics = framework.followupTopics
    .filter((t) => t.stages.includes(stage.id) && !coversLoosely(latest, t.signals))
    .flatMap((t) =>
      t.questions.map((q, i) => ({
        key: `topic:${t.id}${i === 0 ? '' : `:${i}`}`,
        question: q[lang],
      })),
    );
  const fromStage = stage.followups.map((f, index) => ({
    key: `stage:${stage.id}:${index}`,
    question: f[lang],
  }));
  const fromAreas = stage.criteria.map((c) => areaAsk(context, c));
  const all = [...fromScenario, ...fromTopics, ...fromStage, ...fromAreas];
  // One question per topic: a topic asked once (under any of its questions) is done.
  const askedTopics = new Set(
    context.session.stages
      .flatMap((s) => s.followupsAsked)
      .map((k) => k.split(':').slice(0, 2).join(':')),
  );
  return all.filter(
    (ask) =>
      !(
        ask.key.startsWith('topic:') && askedTopics.has(ask.key.split(':').slice(0, 2).join(':'))
      ) && mayAsk(context, ask),
  );
}
