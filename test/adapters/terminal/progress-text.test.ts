import { describe, expect, it } from 'vitest';
import { progressText } from '../../../src/adapters/terminal/progress-text.ts';
import type { HistoryEntry, HistoryView, StageId } from '../../../src/engine/types.ts';
import { STAGE_IDS } from '../../../src/engine/types.ts';

const TITLES = Object.fromEntries(STAGE_IDS.map((s) => [s, s])) as Record<StageId, string>;

function entry(at: number, stageScores: HistoryEntry['stageScores']): HistoryEntry {
  return {
    sessionId: `s${at}`,
    scenarioId: 'x',
    scenarioTitle: 'X',
    startedAt: at,
    status: 'finished',
    overall: null,
    stageScores,
  };
}

/** Newest first, as the engine lists them. */
const view = (entries: HistoryEntry[], titles = TITLES): HistoryView => ({
  entries: [...entries].sort((a, b) => b.startedAt - a.startedAt),
  stageTitles: titles,
  trend: [],
  trendDelta: null,
});

describe('terminal progress text', () => {
  it('one row per scored stage, in framework order, oldest score left, on the fixed 1–4 scale', () => {
    const text = progressText(
      view([
        entry(1, { metrics: 1, requirements: 2 }),
        entry(2, { requirements: 3 }),
        entry(3, { requirements: 4, metrics: 4 }),
      ]),
      'en',
    );
    const rows = text.split('\n');
    expect(rows[0]).toBe('Progress by stage (oldest → latest, 1–4)');
    expect(rows[1]).toMatch(/^requirements {2}▃▆█ {2}2\.0\/4 → 4\.0\/4 {2}3 scores$/);
    expect(rows[2]).toMatch(/^metrics {7}▁█ {3}1\.0\/4 → 4\.0\/4 {2}2 scores$/);
    expect(rows).toHaveLength(3);
  });

  it('a single score shows without an arrow; no scores at all shows nothing', () => {
    expect(progressText(view([entry(1, { serving: 2.5 })]), 'en')).toMatch(
      /serving {2}▄ {2}2\.5\/4 {2}1 score$/,
    );
    expect(progressText(view([entry(1, {})]), 'en')).toBe('');
    expect(progressText(view([]), 'en')).toBe('');
  });

  it('lines up Chinese titles by display width and speaks Chinese', () => {
    const titles = { ...TITLES, requirements: '理清需求并定义问题', metrics: '定义评价指标' };
    const text = progressText(
      view([entry(1, { requirements: 2, metrics: 3 }), entry(2, { requirements: 3 })], titles),
      'zh',
    );
    const [heading, first, second] = text.split('\n');
    expect(heading).toBe('各阶段进步（从早到近，1–4 分）');
    expect(first).toContain('2 次得分');
    // Both sparklines start in the same terminal column (a CJK character is two columns wide).
    const column = (row: string) => {
      const before = row.slice(0, row.search(/[▁▂▃▄▅▆▇█]/));
      return [...before].reduce((w, c) => w + (/[\u4e00-\u9fff]/u.test(c) ? 2 : 1), 0);
    };
    expect(column(first!)).toBe(column(second!));
  });

  it('keeps the newest scores when a stage has more than fit', () => {
    const entries = Array.from({ length: 30 }, (_, i) => entry(i, { data: i < 10 ? 1 : 4 }));
    const row = progressText(view(entries), 'en').split('\n')[1]!;
    expect(row).toContain('█'.repeat(20));
    expect(row).toContain('20 scores');
  });
});
