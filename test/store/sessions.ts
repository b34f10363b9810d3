/** Small sessions for store tests. */
import { randomUUID } from 'node:crypto';
import type { Scorecard, Session, Turn } from '../../src/engine/types.ts';

/** Recent, so finished test sessions are within the store's retention. */
const NOW = Date.now();

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    id: `s-${randomUUID()}`,
    version: 1,
    candidateId: `terminal:${randomUUID()}`,
    scenarioId: 'youtube-recommendation',
    mode: 'interview',
    lang: 'en',
    difficulty: 'medium',
    plan: ['requirements', 'metrics'],
    stageIndex: 0,
    status: 'active',
    createdAt: NOW,
    updatedAt: NOW,
    turns: [],
    stages: [
      { stage: 'requirements', hintsUsed: 0, followupsAsked: [], revealedFacts: [], nudged: false },
      { stage: 'metrics', hintsUsed: 0, followupsAsked: [], revealedFacts: [], nudged: false },
    ],
    usage: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 },
    ...overrides,
  };
}

export function candidateTurn(id: string, text: string, at = NOW): Turn {
  return { id, at, stage: 'requirements', role: 'candidate', kind: 'answer', text };
}

/** The next version of `session` with `change` applied, ready for `put(next, session.version)`. */
export function nextVersion(session: Session, change: Partial<Session> = {}): Session {
  return { ...structuredClone(session), ...change, version: session.version + 1 };
}

/** A small finished scorecard (two gaps), for sessions that carry one. */
export const SCORECARD: Scorecard = {
  sessionId: 's',
  scenarioId: 'youtube-recommendation',
  scenarioTitle: 'Video recommendations',
  lang: 'en',
  mode: 'interview',
  overall: 2.5,
  level: 2,
  hireSignal: 'lean-hire',
  stages: [],
  strengths: [],
  gaps: ['Requirements: missed "watch time"', 'No stage answered'],
  nextSteps: [],
  hintsUsed: 0,
  durationMs: 60_000,
  scorers: ['offline'],
  generatedAt: NOW,
};
