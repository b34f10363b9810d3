import { describe, expect, it } from 'vitest';
import { actionFromId, buttonsBlock } from '../../../src/adapters/slack/render/buttons.ts';
import { homeView, stageTrends } from '../../../src/adapters/slack/render/home-view.ts';
import { exportAsText } from '../../../src/adapters/slack/poster.ts';
import { renderReplies } from '../../../src/adapters/slack/render/replies.ts';
import { scorecardMessage } from '../../../src/adapters/slack/render/scorecard-blocks.ts';
import { readStartSubmission, startModal } from '../../../src/adapters/slack/render/start-modal.ts';
import {
  type HistoryView,
  type Reply,
  STAGE_IDS,
  type Scorecard,
  type StageId,
  type StageScore,
} from '../../../src/engine/types.ts';
import type { Scenario } from '../../../src/knowledge/schema.ts';
import { expectWithinLimits } from './block-limits.ts';

/** Stage titles as the engine puts them in a history reply. */
const stageTitles = Object.fromEntries(
  STAGE_IDS.map((stage) => [stage, `Stage ${stage}`]),
) as HistoryView['stageTitles'];

const STAGES: StageId[] = [...STAGE_IDS];
const SESSION = 'slack:T1:C1:1700000000.000100';
const PING = '<!channel> <@U999> <https://evil.example|click>';

function stageScore(stage: StageId, filler: string): StageScore {
  return {
    stage,
    scorer: 'offline',
    score: 2.5,
    level: 2,
    criteria: Array.from({ length: 5 }, (_, i) => ({
      id: `c${i}`,
      name: `Criterion c${i}`,
      level: 3 as const,
      evidence: [`${PING} ${filler}`, filler],
      feedback: `${PING} ${filler}`,
    })),
    feedback: `${PING} ${filler}`,
    missedKeyPoints: [filler, filler],
    notes: [filler],
  };
}

function hugeScorecard(): Scorecard {
  const filler = 'x'.repeat(900);
  return {
    sessionId: SESSION,
    scenarioId: 's',
    scenarioTitle: `A very long scenario title ${'y'.repeat(200)}`,
    lang: 'en',
    mode: 'interview',
    overall: 2.5,
    level: 2,
    hireSignal: 'lean-hire',
    stages: STAGES.map((stage) => ({
      stage,
      title: `Title ${stage}`,
      score: stageScore(stage, filler),
      hintsUsed: 1,
      durationMs: 300_000,
    })),
    strengths: Array.from({ length: 20 }, () => `${PING} ${filler}`),
    gaps: Array.from({ length: 20 }, () => filler),
    nextSteps: Array.from({ length: 20 }, () => filler),
    hintsUsed: 11,
    durationMs: 3_000_000,
    scorers: ['offline'],
    generatedAt: 0,
  };
}

describe('scorecard rendering', () => {
  it('stays within 50 blocks and 3,000 characters a section however long the interview', () => {
    const message = scorecardMessage(hugeScorecard(), 'en');
    expectWithinLimits(message.blocks);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });

  it('escapes every piece of candidate text', () => {
    const json = JSON.stringify(scorecardMessage(hugeScorecard(), 'en'));
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U999>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('shows unreached stages as not reached', () => {
    const card = hugeScorecard();
    card.stages[10] = { ...card.stages[10]!, score: null };
    const json = JSON.stringify(scorecardMessage(card, 'en').blocks);
    expect(json).toContain('not reached');
  });
});

describe('renderReplies', () => {
  const started: Reply[] = [
    { kind: 'message', from: 'system', tone: 'info', text: 'Mock interview: X.', actions: [] },
    {
      kind: 'message',
      from: 'interviewer',
      tone: 'normal',
      text: 'Prompt',
      actions: ['followup', 'hint', 'next', 'end'],
    },
    {
      kind: 'stage-opened',
      stage: 'requirements',
      number: 1,
      total: 7,
      title: 'Requirements',
      question: `What ${PING}?`,
      actions: ['followup', 'hint', 'next', 'end'],
    },
  ];

  it("puts one command's replies in one message with the buttons once, at the end", () => {
    const out = renderReplies(started, { lang: 'en', sessionId: SESSION });
    expect(out).toHaveLength(1);
    const message = out[0]!;
    if (message.kind !== 'message') throw new Error('expected a message');
    const actions = message.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    const values = JSON.stringify(actions[0]);
    expect(values).toContain(SESSION);
    expect(JSON.stringify(message)).not.toContain('<!channel>');
  });

  it('adds no buttons once the interview is over, and gives the scorecard its own message', () => {
    const card = hugeScorecard();
    const out = renderReplies(
      [
        { kind: 'message', from: 'interviewer', tone: 'normal', text: 'Thanks', actions: [] },
        { kind: 'scorecard', scorecard: card },
        { kind: 'export', filename: 'a.md', markdown: '# A' },
      ],
      { lang: 'en', sessionId: SESSION },
    );
    expect(out.map((o) => o.kind)).toEqual(['message', 'message', 'file']);
    expect(JSON.stringify(out)).not.toContain('"actions"');
  });

  it('splits very many replies into several valid messages', () => {
    const many: Reply[] = Array.from({ length: 80 }, () => ({
      kind: 'message' as const,
      from: 'interviewer' as const,
      tone: 'normal' as const,
      text: 'z'.repeat(3500),
      actions: ['hint' as const],
    }));
    const out = renderReplies(many, { lang: 'en', sessionId: SESSION });
    expect(out.length).toBeGreaterThan(1);
    for (const o of out) if (o.kind === 'message') expectWithinLimits(o.blocks);
    const withButtons = out.filter((o) => JSON.stringify(o).includes('"actions"'));
    expect(withButtons).toHaveLength(1);
    expect(withButtons[0]).toBe(out.at(-1));
  });
});

/** Every `{ type: 'mrkdwn', ... }` text object anywhere in `value`. */
function mrkdwnObjects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnObjects);
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = object.type === 'mrkdwn' ? [object] : [];
  return [...own, ...Object.values(object).flatMap(mrkdwnObjects)];
}

describe('mrkdwn text objects', () => {
  it("are verbatim, so Slack's automatic parsing never turns echoed @channel or URLs live", () => {
    const echo = 'You said @channel @here @everyone, see https://evil.example and #general';
    const out = renderReplies(
      [
        { kind: 'message', from: 'interviewer', tone: 'normal', text: echo, actions: ['hint'] },
        { kind: 'message', from: 'system', tone: 'info', text: echo, actions: [] },
        { kind: 'stage-feedback', title: 'Requirements', score: stageScore('requirements', echo) },
        { kind: 'scorecard', scorecard: hugeScorecard() },
      ],
      { lang: 'en', sessionId: SESSION },
    );
    const objects = [...mrkdwnObjects(out), ...mrkdwnObjects(exportAsText('a.md', echo, 'en'))];
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) expect(object.verbatim).toBe(true);
  });
});

describe('buttons', () => {
  it('carry the session id and map back to engine actions', () => {
    const block = buttonsBlock(SESSION, ['followup', 'hint', 'next', 'end'], 'zh');
    expectWithinLimits([block]);
    const ids = (block as { elements: { action_id: string; value: string }[] }).elements;
    expect(ids.map((e) => actionFromId(e.action_id))).toEqual(['followup', 'hint', 'next', 'end']);
    expect(ids.every((e) => e.value === SESSION)).toBe(true);
    expect(actionFromId('interview_dance')).toBeNull();
    expect(actionFromId('home_start')).toBeNull();
  });
});

describe('App Home', () => {
  const history: HistoryView = {
    entries: Array.from({ length: 30 }, (_, i) => ({
      sessionId: `slack:T1:C1:17000000${String(i).padStart(2, '0')}.000100`,
      scenarioId: 's',
      scenarioTitle: `${PING} title`,
      startedAt: 1_700_000_000_000 - i * 86_400_000,
      status: i === 0 ? ('active' as const) : ('finished' as const),
      overall: i === 0 ? null : 2 + (i % 3) * 0.5,
      stageScores: { requirements: 2 + (i % 2), metrics: 3 },
    })),
    stageTitles,
    trend: [2, 2.5, 3],
    trendDelta: 0.5,
  };

  it("lists interviews with per-stage scores and the trend, within a view's limits", () => {
    const view = homeView(history, 'en');
    expect(view.type).toBe('home');
    expectWithinLimits(view.blocks, 100);
    const json = JSON.stringify(view);
    expect(json).toContain('home_start');
    expect(json).toContain('Stage requirements');
    expect(json).toContain('2.0 → 2.5 → 3.0');
    expect(json).toContain('older interview');
    expect(json).not.toContain('<!channel>');
  });

  it("computes each stage's scores over finished interviews, oldest first", () => {
    const trends = stageTrends([
      { ...history.entries[1]!, stageScores: { requirements: 3 } },
      { ...history.entries[2]!, stageScores: { requirements: 2, metrics: 1 } },
      { ...history.entries[0]!, stageScores: { requirements: 4 } }, // active: not counted
    ]);
    expect(trends).toEqual([
      { stage: 'requirements', scores: [2, 3] },
      { stage: 'metrics', scores: [1] },
    ]);
  });

  it('says so when there is no interview yet', () => {
    const view = homeView({ entries: [], stageTitles, trend: [], trendDelta: null }, 'zh');
    expect(JSON.stringify(view)).toContain('还没有面试记录');
  });
});

describe('start dialog', () => {
  const scenarios = [
    { id: 'alpha', title: { en: 'Alpha', zh: '甲' } },
    { id: 'beta', title: { en: 'Beta '.repeat(30), zh: '乙' } },
  ] as unknown as Scenario[];

  it('offers the scenarios, modes, languages and difficulties', () => {
    const view = startModal(scenarios, 'en', { channel: 'C1' });
    expectWithinLimits(view.blocks, 100);
    const json = JSON.stringify(view);
    for (const word of ['alpha', 'beta', 'coach', 'interview', 'zh', 'hard']) {
      expect(json).toContain(`"value":"${word}"`);
    }
    expect(view.private_metadata).toBe(JSON.stringify({ channel: 'C1', lang: 'en' }));
  });

  it('reads a submission back into a start command and its origin', () => {
    const values = {
      scenario: { value: { selected_option: { value: 'beta' } } },
      mode: { value: { selected_option: { value: 'coach' } } },
      lang: { value: { selected_option: { value: 'zh' } } },
      difficulty: { value: { selected_option: { value: 'easy' } } },
    };
    const known = (id: string) => id === 'alpha' || id === 'beta';
    expect(
      readStartSubmission(values, JSON.stringify({ channel: 'C9', lang: 'en' }), known),
    ).toEqual({
      ok: true,
      command: { kind: 'start', scenarioId: 'beta', mode: 'coach', lang: 'zh', difficulty: 'easy' },
      origin: { channel: 'C9' },
    });
    expect(readStartSubmission(values, JSON.stringify({ channel: null }), known)).toMatchObject({
      ok: true,
      origin: { channel: null },
    });
  });

  it('answers a missing or unknown scenario inside the dialog', () => {
    const result = readStartSubmission(
      { scenario: { value: { selected_option: null } } },
      '{}',
      () => true,
    );
    expect(result).toEqual({ ok: false, errors: { scenario: 'Pick a scenario' } });
    const unknown = readStartSubmission(
      { scenario: { value: { selected_option: { value: 'gone' } } } },
      'not json',
      () => false,
    );
    expect(unknown.ok).toBe(false);
  });
});
