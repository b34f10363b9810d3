import { describe, expect, it } from 'vitest';
import { scorecardEmbeds } from '../../src/adapters/discord/render-scores.ts';
import { scorecardMessage } from '../../src/adapters/slack/render/scorecard-blocks.ts';
import { renderScorecard } from '../../src/adapters/terminal/render.ts';
import { checkLines } from '../../src/engine/check-lines.ts';
import type { Scorecard, StageScore } from '../../src/engine/types.ts';

const CHECK = 'Diagram: labels come from the model\'s own decisions ("ranker" → "training data").';
const ESTIMATE =
  'Estimate: 100M transactions a day is about 1,200 per second on average, not 100,000.';

const score: StageScore = {
  stage: 'architecture',
  scorer: 'offline',
  score: 2,
  level: 2,
  criteria: [{ id: 'end-to-end-flow', level: 2, evidence: [], feedback: 'ok' }],
  feedback: 'ok',
  missedKeyPoints: [],
  notes: [CHECK, ESTIMATE],
  checks: [CHECK, ESTIMATE],
};

const card: Scorecard = {
  sessionId: 's1',
  scenarioId: 'fraud-detection',
  scenarioTitle: 'Fraud',
  lang: 'en',
  mode: 'interview',
  overall: 2,
  level: 2,
  hireSignal: 'lean-no-hire',
  stages: [{ stage: 'architecture', title: 'Architecture', score, hintsUsed: 0, durationMs: 1000 }],
  strengths: [],
  gaps: [],
  nextSteps: [],
  hintsUsed: 0,
  durationMs: 1000,
  scorers: ['offline'],
  generatedAt: 0,
};

describe('the scorecard shows the diagram and estimate checks on every surface', () => {
  it('engine: one line per check with its stage', () => {
    expect(checkLines(card)).toEqual([`Architecture: ${CHECK}`, `Architecture: ${ESTIMATE}`]);
  });

  it('Discord: an embed of its own', () => {
    const embeds = scorecardEmbeds(card, 'en');
    const checks = embeds.find((e) => e.title === 'Diagram and estimate checks');
    expect(checks?.description).toContain('not 100,000');
    expect(checks?.description).toContain('own decisions');
  });

  it('Slack and terminal: under the stage', () => {
    expect(JSON.stringify(scorecardMessage(card, 'en'))).toContain('not 100,000');
    expect(renderScorecard(card, { lang: 'en', color: false })).toContain('own decisions');
  });
});
