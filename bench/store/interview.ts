/**
 * A synthetic interview shaped like the engine's: 11 stages, a candidate answer (~400 chars) and
 * an interviewer reply (~250 chars) per answer, a scored stage every 18 answers (criteria with
 * evidence quotes), token usage growing. `turnAt` grows it by one answer, as a turn does.
 */
import { type Session, STAGE_IDS, type StageId, type StageScore } from '../../src/engine/types.ts';

const STAGES: StageId[] = [...STAGE_IDS];
const ANSWER =
  'We would log impressions, clicks and watch time per user and video, join them with the candidate generator outputs, and keep a feature store keyed by user id so the ranker reads fresh features at serving time; the offline metric is NDCG@10 and online we track watch time. ';
const REPLY =
  'Good. How would you keep the training data free of position bias, and what happens to freshness when the feature pipeline falls behind by an hour? Walk me through the failure mode. ';

export function newInterview(id: string, candidateId: string, now = Date.now()): Session {
  return {
    id,
    version: 0,
    candidateId,
    scenarioId: 'youtube-recommendation',
    mode: 'interview',
    lang: 'en',
    difficulty: 'medium',
    plan: STAGES,
    stageIndex: 0,
    status: 'active',
    createdAt: now,
    updatedAt: now,
    turns: [],
    stages: STAGES.map((stage) => ({
      stage,
      hintsUsed: 0,
      followupsAsked: [],
      revealedFacts: [],
      nudged: false,
    })),
    usage: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 },
  };
}

function score(stage: StageId): StageScore {
  return {
    stage,
    scorer: 'offline',
    score: 2.75,
    level: 2,
    criteria: ['clarity', 'depth', 'tradeoffs', 'scale'].map((id) => ({
      id,
      level: 3,
      evidence: [ANSWER.slice(0, 120), ANSWER.slice(120, 220)],
      feedback: 'Covers the main point; say how you would measure it online.',
    })),
    feedback: 'Solid framing; missing an explicit latency budget.',
    missedKeyPoints: ['latency budget', 'cold start'],
    notes: ['scored offline'],
  };
}

/** Answer number `n` (1-based): the candidate's message and the interviewer's reply. */
export function turnAt(session: Session, n: number, now = Date.now()): void {
  const stage = session.plan[session.stageIndex]!;
  session.turns.push(
    { id: `a${n}`, at: now, stage, role: 'candidate', kind: 'answer', text: `${n}. ${ANSWER}` },
    { id: `r${n}`, at: now, stage, role: 'interviewer', kind: 'probe', text: REPLY },
  );
  session.usage.requests += 1;
  session.usage.promptTokens += 900;
  session.usage.completionTokens += 120;
  // A stage asks a few follow-ups at most (the knowledge base has a handful per stage).
  const progress = session.stages[session.stageIndex]!;
  if (progress.followupsAsked.length < 3) progress.followupsAsked.push(`topic:followup-${n}`);
  if (n % 18 === 0 && session.stageIndex < session.plan.length - 1) {
    session.stages[session.stageIndex]!.score = score(stage);
    session.stageIndex += 1;
  }
  session.updatedAt = now;
}
