/**
 * Self-assessment: when a candidate has it on, the interview asks them to rate each scored
 * stage 1–4 before showing the scorecard, one stage at a time (a skip is always offered), and
 * the scorecard then shows their view against the score. Off by default; each candidate turns
 * it on for themselves (`self-assess-setting`), and an interview keeps the setting it started
 * with (`Session.selfAssessment`).
 */
import { formatScore } from './messages.ts';
import { replayText } from './replay-wording.ts';
import type { SessionTurn } from './session-turn.ts';
import type { Level, Scorecard, Session, StageId } from './types.ts';
import { mean } from '../mean.ts';

/** The stages the candidate is asked to rate: those with a score (not "too short to judge"). */
export function stagesToRate(session: Readonly<Session>): StageId[] {
  return session.stages.flatMap((s) => (s.score && !s.score.insufficient ? [s.stage] : []));
}

/** The next stage to rate; null when every one is rated. */
export function nextToRate(session: Readonly<Session>): StageId | null {
  const ratings = session.selfAssessment?.ratings ?? {};
  return stagesToRate(session).find((stage) => ratings[stage] === undefined) ?? null;
}

/** Whether the scorecard waits for the candidate's ratings. */
export function awaitingSelfAssessment(session: Readonly<Session>): boolean {
  const sa = session.selfAssessment;
  return sa !== undefined && !sa.done && session.scorecard !== undefined;
}

/** Ask for the next stage's rating. */
export function askNextRating(turn: SessionTurn): void {
  const { session } = turn;
  const stage = nextToRate(session);
  if (!stage) return;
  const stages = stagesToRate(session);
  const number = stages.indexOf(stage) + 1;
  const title = turn.framework.stages.find((s) => s.id === stage)!.title[turn.lang];
  turn.replies.push({
    kind: 'self-assess',
    stage,
    title,
    number,
    total: stages.length,
    text: replayText(turn.lang).ratePrompt(title, number, stages.length),
  });
}

/**
 * Record a rating (`level`) or a skip (no `level`); once every stage is rated or the rest is
 * skipped, the stored scorecard gets the ratings and is shown.
 */
export function recordRating(turn: SessionTurn, stage: StageId | undefined, level?: Level): void {
  const { session } = turn;
  const sa = session.selfAssessment!;
  if (level === undefined) {
    sa.skipped = true;
  } else {
    const rated = stage ?? nextToRate(session);
    // A stage not asked about, or rated already (a stale button), changes nothing.
    if (rated && stagesToRate(session).includes(rated) && sa.ratings[rated] === undefined)
      sa.ratings[rated] = level;
  }
  if (sa.skipped || nextToRate(session) === null) {
    sa.done = true;
    session.scorecard = { ...session.scorecard!, self: { ...sa.ratings } };
  }
}

/** Mean |self − scored| over the rated stages (2 decimals); null when none was rated. */
export function selfGap(
  self: Partial<Record<StageId, Level>>,
  scores: Partial<Record<StageId, number>>,
): number | null {
  const gaps = Object.entries(self).flatMap(([stage, level]) => {
    const score = scores[stage as StageId];
    return score === undefined || level === undefined ? [] : [Math.abs(level - score)];
  });
  if (gaps.length === 0) return null;
  return Math.round(mean(gaps) * 100) / 100;
}

/** The scorecard's "your view against the score" lines, for every renderer; none without it. */
export function selfAssessmentLines(card: Scorecard): string[] {
  if (!card.self) return [];
  const t = replayText(card.lang);
  const scores: Partial<Record<StageId, number>> = {};
  const lines: string[] = [];
  for (const stage of card.stages) {
    const self = card.self[stage.stage];
    if (self === undefined || !stage.score || stage.score.insufficient) continue;
    scores[stage.stage] = stage.score.score;
    lines.push(t.selfLine(stage.title, self, formatScore(stage.score.score)));
  }
  const gap = selfGap(card.self, scores);
  if (gap === null) return [t.selfNone];
  return [...lines, t.selfGap(gap)];
}
