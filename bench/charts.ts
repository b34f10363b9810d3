/**
 * `npx tsx bench/charts.ts [--docs]`: milliseconds per chart as the bot draws them (the
 * engine's chart data → the production renderer: Vega-Lite → SVG → PNG for the per-stage line
 * chart, SVG → PNG for the radar), in English and Chinese, after a warm-up (module loading and
 * the one-time cut of the CJK font), median and p95 of 20 runs each. `--docs` also writes the
 * sample charts into docs/ (the README shows them).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CandidateIndex } from '../src/engine/candidate-index.ts';
import { progressChart, radarChart } from '../src/engine/chart-files.ts';
import { stageTitles } from '../src/engine/labels.ts';
import { STAGE_IDS, type Lang, type StageId } from '../src/engine/types.ts';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { createChartRenderer } from '../src/practice/chart-renderer.ts';

const RUNS = 20;
// The first seven stages: a partly practised candidate.
const STAGES: StageId[] = STAGE_IDS.slice(0, 7);
const LATEST = 'interview-8';

/** A candidate's eight interviews, improving unevenly (sample data, fixed so charts are stable). */
function sampleIndex(): CandidateIndex {
  const stages: CandidateIndex['stages'] = {};
  for (const [k, stage] of STAGES.entries()) {
    const scores = [];
    for (let i = 0; i < 8; i++) {
      // The first four stages every time; the others only in the latest three interviews.
      if (k >= 4 && i < 5) continue;
      const score = Math.min(4, 1.4 + 0.25 * i + 0.3 * Math.sin(i + k) + 0.15 * (k % 4));
      scores.push({
        at: Date.UTC(2026, 10, 1 + 4 * i),
        score: Math.round(score * 10) / 10,
        sessionId: `interview-${i + 1}`,
        drill: false,
      });
    }
    stages[stage] = { scores, card: null as never };
  }
  return { entries: [], stages };
}

async function time(
  run: () => Promise<Uint8Array>,
): Promise<{ median: number; p95: number; bytes: number }> {
  let bytes = (await run()).length; // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = (await run()).length;
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(RUNS / 2)]!, p95: ms[Math.ceil(RUNS * 0.95) - 1]!, bytes };
}

const knowledge = await loadKnowledge();
const index = sampleIndex();
const renderer = createChartRenderer();
const charts = (lang: Lang) => {
  const titles = stageTitles(knowledge.framework, lang);
  const progress = progressChart(index, lang, titles)!.chart;
  const radar = radarChart(index, LATEST, lang, titles)!.chart;
  return {
    progress: () => renderer.progress(progress),
    radar: () => renderer.radar(radar),
  };
};

const en = charts('en');
const zh = charts('zh');
for (const [name, run] of [
  ['progress en (vega-lite)', en.progress],
  ['radar en', en.radar],
  ['progress zh (vega-lite)', zh.progress],
  ['radar zh', zh.radar],
] as const) {
  const { median, p95, bytes } = await time(run);
  console.log(
    `${name.padEnd(24)} median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  (${bytes} bytes PNG, ${RUNS} runs)`,
  );
}
if (process.argv.includes('--docs')) {
  const docs = fileURLToPath(new URL('../docs/', import.meta.url));
  await mkdir(docs, { recursive: true });
  await writeFile(`${docs}chart-progress.png`, await en.progress());
  await writeFile(`${docs}chart-radar.png`, await en.radar());
  await writeFile(`${docs}chart-radar-zh.png`, await zh.radar());
  console.log(`wrote ${docs}chart-progress.png, chart-radar.png and chart-radar-zh.png`);
}
