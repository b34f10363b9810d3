import { readFile } from 'node:fs/promises';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import type { CandidateIndex } from '../../src/engine/candidate-index.ts';
import { progressChart, radarChart } from '../../src/engine/chart-files.ts';
import { stageTitles } from '../../src/engine/labels.ts';
import { STAGE_IDS } from '../../src/engine/types.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { CJK_FONT_FILE, ChartFonts } from '../../src/practice/chart-fonts.ts';
import { createChartRenderer } from '../../src/practice/chart-renderer.ts';
import { wrapLabel } from '../../src/practice/charts.ts';
import { pngSize } from './png.ts';

const spokes = (labels: string[]) =>
  labels.map((label, i) => ({ label, latest: 2 + (i % 3) * 0.5, average: 2.5 }));

describe('chart renderer (Vega-Lite / resvg)', () => {
  it('draws the radar and the progress chart as PNG of their set sizes', async () => {
    const renderer = createChartRenderer();
    const radar = await renderer.radar({
      title: 'This interview against your average',
      spokes: spokes(['Requirements', 'Metrics', 'Architecture', 'Data']),
      legend: { latest: 'this interview', average: 'your average' },
    });
    expect(pngSize(radar)).toEqual({ width: 640, height: 540 });
    const progress = await renderer.progress({
      title: 'Per-stage scores over time',
      labels: { score: 'score', stage: 'stage' },
      points: [
        { stage: 'Requirements', at: Date.UTC(2026, 10, 1), score: 2 },
        { stage: 'Requirements', at: Date.UTC(2026, 10, 5), score: 3.2 },
        { stage: 'Metrics', at: Date.UTC(2026, 10, 5), score: 2.5 },
      ],
    });
    expect(pngSize(progress).height).toBeGreaterThan(250);
  });

  it("leaves the built-ins alone: vega-lite's Set.prototype.toJSON is gone after a chart", async () => {
    await createChartRenderer().progress({
      title: 't',
      labels: { score: 'score', stage: 'stage' },
      points: [{ stage: 'a', at: 0, score: 2 }],
    });
    expect(Object.hasOwn(Set.prototype, 'toJSON')).toBe(false);
    expect(JSON.stringify(new Set([1]))).toBe('{}');
  });

  it('reads the CJK font once: one cut for the same characters, one more for new ones', async () => {
    const fonts = new ChartFonts();
    const renderer = createChartRenderer(fonts);
    const chart = {
      title: '本次面试与你的平均水平',
      spokes: spokes(['理清需求', '定义评价指标', '系统整体架构']),
      legend: { latest: '本次面试', average: '你的平均' },
    };
    await renderer.radar(chart);
    await renderer.radar(chart);
    expect(fonts.cutCount).toBe(1);
    await renderer.radar({ ...chart, spokes: spokes(['特征工程', '监控', '模型更新']) });
    expect(fonts.cutCount).toBe(2);
    // Latin-only charts need no CJK font at all.
    const latin = new ChartFonts();
    expect(await latin.files('Metrics')).toHaveLength(1);
    expect(latin.cutCount).toBe(0);
  });

  it('the bundled CJK font has a glyph for every Chinese character a chart shows', async () => {
    const knowledge = await loadKnowledge();
    const titles = stageTitles(knowledge.framework, 'zh');
    const index: CandidateIndex = { entries: [], stages: {} };
    for (const stage of STAGE_IDS) {
      index.stages[stage] = {
        scores: [{ at: 1, score: 3, sessionId: 's1', drill: false }],
        card: null as never,
      };
    }
    const radar = radarChart(index, 's1', 'zh', titles)!;
    const progress = progressChart(index, 'zh', titles)!;
    const text = [
      ...Object.values(titles),
      radar.chart.title,
      ...Object.values(radar.chart.legend),
      progress.chart.title,
      ...Object.values(progress.chart.labels),
    ].join('');
    const face = new hb.Face(new hb.Blob(await readFile(CJK_FONT_FILE)));
    const covered = new Set(face.collectUnicodes());
    const cjk = [...new Set(text)].filter((c) => /[\u2e80-\u9fff\uff00-\uffef]/u.test(c));
    expect(cjk.length).toBeGreaterThan(40);
    expect(cjk.filter((c) => !covered.has(c.codePointAt(0)!))).toEqual([]);
  });

  it('wraps long labels by words, and Chinese by characters', () => {
    expect(wrapLabel('Clarify requirements and frame the problem')).toEqual([
      'Clarify',
      'requirements and',
      'frame the problem',
    ]);
    expect(wrapLabel('模型开发与离线评测')).toEqual(['模型开发与离线评测']);
    expect(wrapLabel('一二三四五六七八九十')).toEqual(['一二三四五六七八九', '十']);
  });
});
