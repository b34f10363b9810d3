import { describe, expect, it } from 'vitest';
import type { ChartRenderer, ProgressChart, RadarChart } from '../../src/engine/ports.ts';
import type { Reply } from '../../src/engine/types.ts';
import { ANA, harness } from './fakes.ts';

/** A renderer that records what it is asked to draw and returns marker bytes. */
function recordingRenderer() {
  const drawn: { progress: ProgressChart[]; radar: RadarChart[] } = { progress: [], radar: [] };
  const renderer: ChartRenderer = {
    progress: async (chart) => {
      drawn.progress.push(chart);
      return new Uint8Array([1, 2, 3]);
    },
    radar: async (chart) => {
      drawn.radar.push(chart);
      return new Uint8Array([4, 5, 6]);
    },
  };
  return { renderer, drawn };
}

const filesOf = (replies: Reply[], kind: Reply['kind']) => {
  const reply = replies.find((r) => r.kind === kind);
  return reply && 'files' in reply ? reply.files : undefined;
};

/** mini-recsys has three stages: an answer in each, then the end (the scorecard). */
async function threeStageInterview(h: Awaited<ReturnType<typeof harness>>, sessionId: string) {
  await h.ok({ kind: 'start', scenarioId: 'mini-recsys', lang: 'zh' }, { sessionId });
  await h.ok({ kind: 'answer', text: 'Objective: watch time, scale and latency.' }, { sessionId });
  await h.ok({ kind: 'next' }, { sessionId });
  await h.ok({ kind: 'answer', text: 'Offline precision and online watch time.' }, { sessionId });
  await h.ok({ kind: 'next' }, { sessionId });
  await h.ok({ kind: 'answer', text: 'A two-tower model, then a ranker.' }, { sessionId });
  return h.ok({ kind: 'end' }, { sessionId });
}

describe('charts on replies', () => {
  it('the scorecard carries a radar of the interview against the average, in its language', async () => {
    const { renderer, drawn } = recordingRenderer();
    const h = await harness({ charts: renderer });
    await threeStageInterview(h, 's1');
    h.clock.advanceMinutes(60);
    const replies = await threeStageInterview(h, 's2');

    expect(filesOf(replies, 'scorecard')).toEqual([
      {
        kind: 'image',
        name: 'radar.png',
        mime: 'image/png',
        data: new Uint8Array([4, 5, 6]),
        alt: expect.stringContaining('雷达图'),
      },
    ]);
    const radar = drawn.radar.at(-1)!;
    expect(radar.title).toBe('本次面试与你的平均水平');
    expect(radar.spokes).toHaveLength(3);
    // Stage titles in Chinese (the interview's language), not ids.
    expect(radar.spokes.map((s) => s.label).join('')).not.toMatch(/requirements|metrics/);
    // The average covers both interviews: it is the mean of the two scores of each stage.
    for (const spoke of radar.spokes) {
      expect(spoke.latest).not.toBeNull();
      expect(spoke.average).not.toBeNull();
    }
  });

  it('history carries the per-stage scores over time; the export a radar with its base name', async () => {
    const { renderer, drawn } = recordingRenderer();
    const h = await harness({ charts: renderer });
    await threeStageInterview(h, 's1');
    const history = await h.engine.execute({
      actor: ANA,
      command: { kind: 'history' },
      lang: 'en',
    });
    if (!history.ok) throw new Error('history failed');
    expect(filesOf(history.replies, 'history')).toMatchObject([
      { name: 'progress.png', mime: 'image/png', alt: expect.stringContaining('over time') },
    ]);
    expect(drawn.progress[0]!.points).toHaveLength(3);
    expect(drawn.progress[0]!.title).toBe('Per-stage scores over time');

    // Where no chart is shown (App Home, the CLI's model-answer), none is drawn.
    const quiet = await h.engine.execute({
      actor: ANA,
      command: { kind: 'history', charts: false },
    });
    expect(quiet.ok && filesOf(quiet.replies, 'history')).toBeUndefined();
    expect(drawn.progress).toHaveLength(1);

    const exported = await h.ok({ kind: 'export' }, { sessionId: 's1' });
    const reply = exported.find((r) => r.kind === 'export')!;
    if (reply.kind !== 'export') throw new Error('no export');
    expect(reply.files?.map((f) => f.name)).toEqual([reply.filename.replace(/\.md$/, '.png')]);
  });

  it('draws no radar under three scored stages, and no chart at all when charts are off', async () => {
    const { renderer, drawn } = recordingRenderer();
    const h = await harness({ charts: renderer });
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    await h.ok({ kind: 'answer', text: 'Objective: watch time.' });
    const card = await h.ok({ kind: 'end' });
    expect(card.some((r) => r.kind === 'scorecard')).toBe(true);
    expect(filesOf(card, 'scorecard')).toBeUndefined();
    expect(drawn.radar).toHaveLength(0);

    const off = await harness();
    const replies = await threeStageInterview(off, 's1');
    expect(filesOf(replies, 'scorecard')).toBeUndefined();
  });

  it('a renderer that fails leaves the scorecard and history text only, and is logged', async () => {
    const warnings: { obj: object; msg?: string }[] = [];
    const failing: ChartRenderer = {
      progress: async () => {
        throw new Error('no fonts');
      },
      radar: async () => {
        throw new Error('no fonts');
      },
    };
    const h = await harness({
      charts: failing,
      logger: { info() {}, error() {}, warn: (obj, msg) => warnings.push({ obj, msg }) },
    });
    const replies = await threeStageInterview(h, 's1');
    const scorecard = replies.find((r) => r.kind === 'scorecard');
    expect(scorecard).toBeDefined();
    expect(filesOf(replies, 'scorecard')).toBeUndefined();
    const history = await h.engine.execute({ actor: ANA, command: { kind: 'history' } });
    expect(history.ok && history.replies[0]?.kind).toBe('history');
    expect(warnings.map((w) => w.msg)).toEqual([
      'chart rendering failed; the reply goes out without it',
      'chart rendering failed; the reply goes out without it',
    ]);
    expect(warnings[0]!.obj).toMatchObject({ chart: 'radar.png', err: { message: 'no fonts' } });
  });
});
