/**
 * The end-of-interview scorecard, assembled from the stage scores. Pure: the same session gives
 * the same scorecard, so it can be rebuilt for a provisional view mid-interview.
 */
import { withCriterionNames } from './labels.ts';
import { levelOf } from './levels.ts';
import { reviewMistakes } from '../interviewer/mistake-review.ts';
import { fitRubricText } from '../interviewer/scenario-fit.ts';
import { stageById } from '../knowledge/knowledge.ts';
import type { Criterion, Framework, Mistake, Scenario, Stage } from '../knowledge/schema.ts';
import { msg, noteText } from './messages.ts';
import type { ScoreNote, StoredNote } from './score-notes.ts';
import { stageElapsedMs } from './pacing.ts';
import { mainAnswerRef, quoteRef } from './replay.ts';
import {
  HIRE_SIGNALS,
  type HireSignal,
  type Level,
  type Scorecard,
  type ScorecardStage,
  type ScorerKind,
  type Session,
  type StageScore,
  type TurnRef,
} from './types.ts';

export interface ScorecardInput {
  session: Readonly<Session>;
  scenario: Scenario;
  framework: Framework;
  now: number;
  /** The design mistakes this scenario is checked for, to list those made. */
  mistakes?: readonly Mistake[];
}

/**
 * The rubric's example text belongs to no scenario in particular: examples from another domain
 * ("e.g. 'CTR'" in a fraud interview) are taken out of every line the scorecard shows.
 */
function fitToScenario(card: Scorecard, scenario: Scenario): Scorecard {
  const fitted = (text: string) => fitRubricText(text, scenario);
  return {
    ...card,
    strengths: card.strengths.map(fitted),
    gaps: card.gaps.map(fitted),
    nextSteps: card.nextSteps.map(fitted),
    stages: card.stages.map((s) =>
      s.score
        ? {
            ...s,
            score: {
              ...s.score,
              feedback: fitted(s.score.feedback),
              criteria: s.score.criteria.map((c) => ({ ...c, feedback: fitted(c.feedback) })),
            },
          }
        : s,
    ),
  };
}

const MAX_STRENGTHS = 3;
const MAX_WEAK_CRITERIA = 3;
const MAX_MISSED_POINTS = 3;
/**
 * Sentences read as wrong ideas shown among the gaps (the first of each stage, in the plan's
 * order). Two, so that weak criteria and missed points still show where a list is cut short
 * (Slack shows five items).
 */
const MAX_WRONG_IDEAS = 2;

type WrongIdeaNote = Extract<ScoreNote, { code: 'wrong-idea' }>;
const isWrongIdea = (note: StoredNote): note is WrongIdeaNote =>
  typeof note !== 'string' && note.code === 'wrong-idea';
/** Next steps naming missed key points (one per stage, weakest stages first). */
const MAX_NEXT_POINTS = 3;
const MAX_QUOTE = 200;
/** Hints used from which "practice without hints" becomes a next step. */
const MANY_HINTS = 3;

// From worst to best.
const SIGNAL_LADDER: readonly HireSignal[] = HIRE_SIGNALS;

/**
 * Hire signal from the overall score (mean of the answered stages, 1–4) and coverage (answered
 * stages / planned stages).
 *
 * Overall → signal: ≥ 3.5 strong hire, ≥ 3.0 hire, ≥ 2.5 lean hire, ≥ 2.0 lean no hire,
 * ≥ 1.5 no hire, below that strong no hire. (2.5 is the midpoint of the 1–4 scale: "solid" on
 * average is where a hire starts.)
 *
 * Coverage caps it, because a hire needs evidence across the whole design, not two good stages:
 * under half of the stages answered → at most lean no hire; under three quarters → at most
 * lean hire; strong hire needs every stage answered.
 */
export function hireSignalFor(overall: number, coverage: number): HireSignal {
  let rank =
    overall >= 3.5
      ? 5
      : overall >= 3
        ? 4
        : overall >= 2.5
          ? 3
          : overall >= 2
            ? 2
            : overall >= 1.5
              ? 1
              : 0;
  if (coverage < 0.5) rank = Math.min(rank, 2);
  else if (coverage < 0.75) rank = Math.min(rank, 3);
  else if (coverage < 1) rank = Math.min(rank, 4);
  return SIGNAL_LADDER[rank]!;
}

interface RatedCriterion {
  stage: Stage;
  criterion: Criterion | undefined;
  id: string;
  level: Level;
  evidence: string[];
  feedback: string;
  order: number;
}

function shorten(quote: string): string {
  return quote.length <= MAX_QUOTE ? quote : `${quote.slice(0, MAX_QUOTE - 1)}…`;
}

function rateCriteria(framework: Framework, scores: StageScore[]): RatedCriterion[] {
  const rated: RatedCriterion[] = [];
  for (const score of scores) {
    const stage = stageById(framework, score.stage);
    for (const c of score.criteria) {
      rated.push({
        stage,
        criterion: stage.criteria.find((k) => k.id === c.id),
        id: c.id,
        level: c.level,
        evidence: c.evidence,
        feedback: c.feedback,
        order: rated.length,
      });
    }
  }
  return rated;
}

/** Scorers often start feedback with "Criterion (2/4): "; the gap line already says that. */
function withoutLeadingName(feedback: string, name: string): string {
  if (!feedback.startsWith(name)) return feedback;
  return feedback
    .slice(name.length)
    .replace(/^\s*[(（]\s*\d(\/4)?\s*[)）]\s*[:：]?\s*/, '')
    .replace(/^\s*[:：]\s*/, '');
}

export function buildScorecard(input: ScorecardInput): Scorecard {
  const { session, scenario, framework, now } = input;
  const lang = session.lang;
  const m = msg(lang);

  const stages: ScorecardStage[] = session.plan.map((id, index) => {
    const progress = session.stages[index]!;
    return {
      stage: id,
      title: stageById(framework, id).title[lang],
      score: progress.score ? withCriterionNames(framework, progress.score, lang) : null,
      hintsUsed: progress.hintsUsed,
      durationMs: stageElapsedMs(progress, now),
    };
  });
  // A stage too short to judge is shown as such and kept out of every average.
  const scores = stages.flatMap((s) => (s.score && !s.score.insufficient ? [s.score] : []));
  const overall =
    scores.length === 0
      ? 1
      : Math.round((scores.reduce((sum, s) => sum + s.score, 0) / scores.length) * 100) / 100;
  const coverage = scores.length / session.plan.length;
  const hintsUsed = stages.reduce((sum, s) => sum + s.hintsUsed, 0);

  const rated = rateCriteria(framework, scores);
  const name = (r: RatedCriterion) => r.criterion?.name[lang] ?? r.id;
  // A strength is a criterion scored well *with* the candidate's words to show for it.
  const best = [...rated]
    .filter((r) => r.level >= 3 && r.evidence.length > 0)
    .sort((a, b) => b.level - a.level || a.order - b.order)
    .slice(0, MAX_STRENGTHS);
  const weakest = [...rated]
    .filter((r) => r.level <= 2)
    .sort((a, b) => a.level - b.level || a.order - b.order)
    .slice(0, MAX_WEAK_CRITERIA);

  const strengths = best.map((r) =>
    m.strength(
      r.stage.title[lang],
      name(r),
      r.level,
      r.evidence[0] ? shorten(r.evidence[0]) : null,
    ),
  );

  const gaps = weakest.map((r) =>
    m.gap(r.stage.title[lang], name(r), r.level, withoutLeadingName(r.feedback, name(r))),
  );
  // Where each gap happened (replay.ts says which message, and why that one).
  const gapTurns: (TurnRef | null)[] = weakest.map((r) =>
    quoteRef(session, r.stage.id, r.evidence[0]),
  );
  const missed = scores.flatMap((s) =>
    s.missedKeyPoints.map((point) => ({
      line: m.missedPoint(stageById(framework, s.stage).title[lang], point),
      at: mainAnswerRef(session, s.stage),
    })),
  );
  for (const point of missed.slice(0, MAX_MISSED_POINTS)) {
    gaps.push(point.line);
    gapTurns.push(point.at);
  }
  if (scores.length === 0) {
    gaps.push(m.noStageAnswered);
    gapTurns.push(null);
  }

  // Next steps name what this scenario needed and the candidate missed, weakest stages first;
  // never a rubric descriptor, whose examples may come from another domain. A weak criterion
  // with no missed point to name gets a plain instruction.
  const byScore = [...scores].sort((a, b) => a.score - b.score);
  const nextSteps = byScore
    .flatMap((s) =>
      s.missedKeyPoints
        .slice(0, 1)
        .map((point) => m.nextStepPoint(stageById(framework, s.stage).title[lang], point)),
    )
    .slice(0, MAX_NEXT_POINTS);
  if (nextSteps.length === 0) {
    for (const r of weakest.slice(0, 2))
      nextSteps.push(m.nextStepCriterion(r.stage.title[lang], name(r)));
  }
  const unanswered = stages.filter((s) => !s.score).map((s) => s.title);
  if (unanswered.length > 0) nextSteps.push(m.reachMoreStages(unanswered));
  if (hintsUsed >= MANY_HINTS) nextSteps.push(m.lessHints(hintsUsed));

  const scorers = [...new Set(scores.map((s) => s.scorer))] as ScorerKind[];
  const mistakes = reviewMistakes(session, input.mistakes ?? [], (index) => stages[index]!.title);
  const card: Scorecard = {
    sessionId: session.id,
    scenarioId: session.scenarioId,
    scenarioTitle: scenario.title[lang],
    lang,
    mode: session.mode,
    overall,
    level: levelOf(overall),
    hireSignal: hireSignalFor(overall, coverage),
    stages,
    strengths,
    gaps,
    gapTurns,
    nextSteps,
    ...(mistakes.length > 0 ? { mistakes } : {}),
    hintsUsed,
    durationMs: Math.max(0, (session.finishedAt ?? now) - session.createdAt),
    scorers,
    generatedAt: now,
  };
  // Sentences read as wrong ideas lead the gaps: they cost the most, and a candidate should see
  // exactly which words were read that way. Added after the rubric text is fitted to the
  // scenario: they quote the candidate, whose words are never edited.
  const fitted = fitToScenario(card, scenario);
  const wrongIdeas = scores
    .flatMap((s) => {
      const note = s.notes.find(isWrongIdea);
      return note ? [{ stage: s.stage, note }] : [];
    })
    .slice(0, MAX_WRONG_IDEAS);
  return {
    ...fitted,
    gaps: [
      ...wrongIdeas.map((w) =>
        m.wrongIdeaGap(stageById(framework, w.stage).title[lang], noteText(w.note, lang)),
      ),
      ...fitted.gaps,
    ],
    gapTurns: [
      ...wrongIdeas.map((w) => quoteRef(session, w.stage, w.note.quote)),
      ...(fitted.gapTurns ?? []),
    ],
  };
}
