/**
 * Replies that carry charts, rendered without a client: where each platform puts the image.
 * (End to end: test/adapters/{discord,slack,terminal}/charts*.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { renderReplies as discordRender } from '../../src/adapters/discord/render.ts';
import { renderReplies as slackRender } from '../../src/adapters/slack/render/replies.ts';
import type { HistoryView, Reply, ReplyFile, Scorecard, StageId } from '../../src/engine/types.ts';
import { STAGE_IDS } from '../../src/engine/types.ts';
import { messageBodyProblems } from '../fakes/discord/limits.ts';

const chart = (name: string): ReplyFile => ({
  kind: 'image',
  name,
  mime: 'image/png',
  data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  alt: `What ${name} shows.`,
});

function scorecard(stages: number, filler = 'fine'): Scorecard {
  return {
    sessionId: 's',
    scenarioId: 'x',
    scenarioTitle: 'X',
    lang: 'en',
    mode: 'interview',
    overall: 2.5,
    level: 2,
    hireSignal: 'lean-hire',
    stages: STAGE_IDS.slice(0, stages).map((stage) => ({
      stage,
      title: stage,
      score: {
        stage,
        scorer: 'offline',
        score: 2.5,
        level: 2,
        criteria: [{ id: 'c', name: 'C', level: 2, evidence: [], feedback: filler }],
        feedback: filler,
        missedKeyPoints: [filler],
        notes: [],
      },
      hintsUsed: 0,
      durationMs: 1000,
    })),
    strengths: [filler],
    gaps: [filler],
    nextSteps: [filler],
    hintsUsed: 0,
    durationMs: 1000,
    scorers: ['offline'],
    generatedAt: 0,
  };
}

const history: HistoryView = {
  entries: [],
  stageTitles: Object.fromEntries(STAGE_IDS.map((s) => [s, s])) as Record<StageId, string>,
  trend: [],
  trendDelta: null,
};
const ctx = { lang: 'en' as const, sessionId: 's' };

describe('Discord: charts as attachments the embeds show', () => {
  it('the scorecard: the image in the first message, an embed pointing at it', () => {
    const reply: Reply = {
      kind: 'scorecard',
      scorecard: scorecard(3),
      files: [chart('radar.png')],
    };
    const [first, ...rest] = discordRender([reply], ctx);
    expect(first!.files).toEqual([
      {
        name: 'radar.png',
        data: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
        description: 'What radar.png shows.',
      },
    ]);
    expect(first!.embeds!.at(-1)).toEqual({ image: { url: 'attachment://radar.png' } });
    expect(rest.every((m) => !m.files)).toBe(true);
  });

  it('a scorecard whose first message is full of embeds: the chart gets a message of its own', () => {
    const huge = 'word '.repeat(200);
    const reply: Reply = {
      kind: 'scorecard',
      scorecard: scorecard(11, huge),
      files: [chart('radar.png')],
    };
    const messages = discordRender([reply], ctx);
    for (const message of messages) expect(messageBodyProblems(message)).toEqual([]);
    const withFile = messages.filter((m) => m.files);
    expect(withFile).toHaveLength(1);
    expect(withFile[0]!.embeds).toContainEqual({ image: { url: 'attachment://radar.png' } });
  });

  it('history with a chart: its text, then the image; without one, text as before; export: both files', () => {
    const withChart = discordRender(
      [{ kind: 'history', history, files: [chart('progress.png')] }],
      ctx,
    );
    expect(withChart[0]!.content).toBe('No interviews yet.');
    expect(withChart[0]!.embeds).toEqual([{ image: { url: 'attachment://progress.png' } }]);
    expect(discordRender([{ kind: 'history', history }], ctx)).toEqual([
      { content: 'No interviews yet.' },
    ]);
    const exported = discordRender(
      [{ kind: 'export', filename: 'a.md', markdown: '# A', files: [chart('a.png')] }],
      ctx,
    );
    expect(exported[0]!.files!.map((f) => f.name)).toEqual(['a.md', 'a.png']);
  });
});

describe('Slack: charts as uploads after the message they belong to', () => {
  it('the scorecard, the export and history each followed by their images', () => {
    const out = slackRender(
      [
        { kind: 'scorecard', scorecard: scorecard(3), files: [chart('radar.png')] },
        { kind: 'export', filename: 'a.md', markdown: '# A', files: [chart('a.png')] },
        { kind: 'history', history, files: [chart('progress.png')] },
      ],
      ctx,
    );
    expect(out.map((o) => (o.kind === 'images' ? o.files[0]!.name : o.kind))).toEqual([
      'message',
      'radar.png',
      'file',
      'a.png',
      'message',
      'progress.png',
    ]);
  });

  it('replies without charts render as before', () => {
    const out = slackRender([{ kind: 'scorecard', scorecard: scorecard(3) }], ctx);
    expect(out.map((o) => o.kind)).toEqual(['message']);
  });
});
