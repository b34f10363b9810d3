import { describe, expect, it } from 'vitest';
import { levelOf } from '../../src/engine/levels.ts';
import { buildScorecard, hireSignalFor } from '../../src/engine/scorecard.ts';
import type { Level, Session, StageScore } from '../../src/engine/types.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { loadMiniKnowledge } from './fakes.ts';

function stageScore(
  stage: StageScore['stage'],
  levels: [string, Level][],
  missed: string[] = [],
): StageScore {
  const score = levels.reduce((n, [, l]) => n + l, 0) / levels.length;
  return {
    stage,
    scorer: 'offline',
    score,
    level: levelOf(score),
    criteria: levels.map(([id, level]) => ({
      id,
      level,
      evidence: level >= 3 ? [`quote for ${id}`] : [],
      feedback: `feedback ${id}`,
    })),
    feedback: '',
    missedKeyPoints: missed,
    notes: [],
  };
}

function session(scores: (StageScore | undefined)[], hints = [0, 0, 0]): Session {
  const plan = ['requirements', 'metrics', 'modeling'] as const;
  return {
    id: 's1',
    version: 3,
    candidateId: 'terminal:ana',
    scenarioId: 'mini-recsys',
    mode: 'interview',
    lang: 'en',
    difficulty: 'medium',
    plan: [...plan],
    stageIndex: 2,
    status: 'finished',
    createdAt: 0,
    updatedAt: 0,
    finishedAt: 600_000,
    turns: [],
    stages: plan.map((stage, i) => ({
      stage,
      startedAt: i * 100_000,
      endedAt: i * 100_000 + 60_000,
      hintsUsed: hints[i]!,
      followupsAsked: [],
      revealedFacts: [],
      nudged: false,
      ...(scores[i] ? { score: scores[i] } : {}),
    })),
    usage: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 },
  };
}

describe('hire signal', () => {
  it.each([
    [3.6, 1, 'strong-hire'],
    [3.2, 1, 'hire'],
    [2.6, 1, 'lean-hire'],
    [2.1, 1, 'lean-no-hire'],
    [1.6, 1, 'no-hire'],
    [1.2, 1, 'strong-no-hire'],
    [4, 0.9, 'hire'], // strong hire needs every stage
    [4, 0.6, 'lean-hire'], // under three quarters of the stages
    [4, 0.4, 'lean-no-hire'], // under half
    [1.2, 0.4, 'strong-no-hire'], // caps never raise
  ] as const)('overall %s, coverage %s → %s', (overall, coverage, signal) => {
    expect(hireSignalFor(overall, coverage)).toBe(signal);
  });
});

describe('buildScorecard', () => {
  it('assembles overall, strengths with evidence, gaps, next steps from the missed key points', async () => {
    const knowledge = await loadMiniKnowledge();
    const card = buildScorecard({
      session: session(
        [
          stageScore(
            'requirements',
            [
              ['business-objective', 4],
              ['scale-constraints', 3],
              ['ml-framing', 1],
            ],
            ['Asks about scale and latency.'],
          ),
          stageScore('metrics', [
            ['offline-metrics', 2],
            ['online-metrics', 3],
            ['metric-tradeoffs', 3],
          ]),
          undefined,
        ],
        [1, 2, 0],
      ),
      scenario: knowledge.scenarios.get('mini-recsys')!,
      framework: knowledge.framework,
      now: 900_000,
    });
    expect(card.overall).toBe(2.67);
    expect(card.level).toBe(3);
    expect(card.hireSignal).toBe('lean-hire'); // 2 of 3 stages answered caps at lean hire
    expect(card.stages.map((s) => s.score?.stage ?? null)).toEqual([
      'requirements',
      'metrics',
      null,
    ]);
    expect(card.stages.map((s) => s.durationMs)).toEqual([60_000, 60_000, 60_000]);
    expect(card.strengths[0]).toBe(
      'Clarifying requirements, Business objective (4/4): "quote for business-objective"',
    );
    expect(card.strengths).toHaveLength(3);
    expect(card.gaps).toEqual([
      'Clarifying requirements, ML framing (1/4): feedback ml-framing',
      'Metrics, Offline metrics (2/4): feedback offline-metrics',
      'Clarifying requirements: missed "Asks about scale and latency."',
    ]);
    expect(card.nextSteps).toEqual([
      'Clarifying requirements: practise covering this point: Asks about scale and latency.',
      'Pace yourself to reach every stage; this time you did not cover: Modeling.',
      'Practice without hints: you used 3. Rehearse the stages where you needed them.',
    ]);
    expect(card.hintsUsed).toBe(3);
    expect(card.durationMs).toBe(600_000);
    expect(card.scorers).toEqual(['offline']);
  });

  it('names weak criteria plainly when no key point was missed, never a rubric descriptor', async () => {
    const knowledge = await loadMiniKnowledge();
    const card = buildScorecard({
      session: session(
        [
          stageScore('metrics', [
            ['offline-metrics', 2],
            ['online-metrics', 3],
          ]),
          undefined,
          undefined,
        ],
        [0, 0, 0],
      ),
      scenario: knowledge.scenarios.get('mini-recsys')!,
      framework: knowledge.framework,
      now: 900_000,
    });
    expect(card.nextSteps[0]).toBe(
      'Metrics — Offline metrics: for each choice, say why, what it trades off, and with what numbers',
    );
    expect(card.nextSteps.join(' ')).not.toMatch(/aim for this|trade-offs tied to the scenario/);
  });

  it('shows a stage too short to judge as such and keeps it out of the overall score', async () => {
    const knowledge = await loadMiniKnowledge();
    const short = {
      ...stageScore('metrics', [
        ['offline-metrics', 1],
        ['online-metrics', 1],
      ]),
      insufficient: true,
    };
    const card = buildScorecard({
      session: session(
        [
          stageScore('requirements', [
            ['business-objective', 3],
            ['ml-framing', 3],
          ]),
          short,
          undefined,
        ],
        [0, 0, 0],
      ),
      scenario: knowledge.scenarios.get('mini-recsys')!,
      framework: knowledge.framework,
      now: 900_000,
    });
    expect(card.overall).toBe(3);
    expect(card.stages[1]!.score?.insufficient).toBe(true);
    expect(card.gaps.join(' ')).not.toMatch(/Offline metrics/);
  });

  it('does not repeat the criterion name when the scorer’s feedback starts with it', async () => {
    const knowledge = await loadMiniKnowledge();
    const score = stageScore('requirements', [
      ['ml-framing', 1],
      ['business-objective', 3],
      ['scale-constraints', 3],
    ]);
    score.criteria[0]!.feedback = 'ML framing (1/4): Not addressed in your answer.';
    const card = buildScorecard({
      session: session([score]),
      scenario: knowledge.scenarios.get('mini-recsys')!,
      framework: knowledge.framework,
      now: 0,
    });
    expect(card.gaps[0]).toBe(
      'Clarifying requirements, ML framing (1/4): Not addressed in your answer.',
    );
  });

  it('with nothing answered: overall 1, strong no hire, says why', async () => {
    const knowledge = await loadMiniKnowledge();
    const card = buildScorecard({
      session: { ...session([]), lang: 'zh' },
      scenario: knowledge.scenarios.get('mini-recsys')!,
      framework: knowledge.framework,
      now: 0,
    });
    expect(card.overall).toBe(1);
    expect(card.hireSignal).toBe('strong-no-hire');
    expect(card.gaps).toEqual(['没有任何阶段作答，暂时无法评分。']);
    expect(card.scenarioTitle).toBe('迷你视频推荐');
    expect(card.stages[0]!.title).toBe('明确需求');
  });
});

describe('wrong ideas among the gaps', () => {
  const QUOTE = 'Accuracy is our main metric, just like CTR for the ads team, e.g. CTR.';
  function withWrongIdeas(): Session {
    const metrics = stageScore('metrics', [
      ['offline-metrics', 2],
      ['online-metrics', 2],
      ['metric-alignment', 1],
    ]);
    metrics.notes = [
      { code: 'scored-offline' },
      {
        code: 'wrong-idea',
        kind: 'misfit',
        quote: QUOTE,
        why: { en: 'Positives are rare.', zh: '正样本很少。' },
      },
      { code: 'wrong-idea', kind: 'dismissed', quote: 'A/B tests are a waste of time.' },
    ];
    const modeling = stageScore('modeling', [['baseline', 2]]);
    modeling.notes = [
      { code: 'wrong-idea', kind: 'misdefined', quote: 'F1 means speed.', term: 'F1' },
    ];
    const requirements = stageScore('requirements', [['business-objective', 2]]);
    requirements.notes = [{ code: 'wrong-idea', kind: 'claim', quote: 'ML is always needed.' }];
    const s = session([requirements, metrics, modeling]);
    s.turns = [
      {
        id: 't1',
        at: 1,
        stage: 'metrics',
        role: 'interviewer',
        kind: 'stage-open',
        text: 'Metrics?',
      },
      {
        id: 't2',
        at: 2,
        stage: 'metrics',
        role: 'candidate',
        kind: 'answer',
        text: `We care about losses. ${QUOTE}`,
        messageId: 'm-2',
      },
      {
        id: 't3',
        at: 3,
        stage: 'metrics',
        role: 'candidate',
        kind: 'answer',
        text: 'Online we track fraud loss in basis points, the false-decline rate and review-queue precision, daily, against a holdout.',
        messageId: 'm-3',
      },
    ];
    return s;
  }

  it('lead the gaps, two at most, the first of each stage, the quote as the candidate wrote it', async () => {
    const knowledge = await loadKnowledge();
    const card = buildScorecard({
      session: withWrongIdeas(),
      scenario: knowledge.scenarios.get('fraud-detection')!,
      framework: knowledge.framework,
      now: 900_000,
    });
    expect(card.gaps.slice(0, 2)).toEqual([
      'Clarify requirements and frame the problem: Read as a wrong idea: “ML is always needed.”',
      `Define evaluation metrics: Read as a choice this scenario's facts rule out: “${QUOTE}” Why: Positives are rare.`,
    ]);
    expect(card.gaps.filter((g) => g.includes('A/B tests') || g.includes('F1 means'))).toEqual([]);
    // Linked to the message holding the quote, not the stage's longer main answer.
    expect(card.gapTurns?.[1]).toEqual({ turn: 2, messageId: 'm-2' });
    expect(card.gaps).toHaveLength(card.gapTurns!.length);
  });
});
