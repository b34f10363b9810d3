/**
 * `npx tsx bench/charts.ts [--docs]`: milliseconds per chart (Vega-Lite → SVG → PNG for the
 * per-stage line chart, SVG → PNG for the radar), after a warm-up, median and p95 of 20 runs
 * each. `--docs` also writes the two sample charts into docs/ (the README shows them).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { STAGE_IDS, type StageId } from '../src/engine/types.ts';
import {
  progressChartSvg,
  radarChartSvg,
  type ScorePoint,
  svgToPng,
} from '../src/practice/charts.ts';

const RUNS = 20;
// The first seven stages: a chart of a partly practised candidate.
const STAGES: StageId[] = STAGE_IDS.slice(0, 7);

/** A candidate's eight interviews, improving unevenly (sample data, fixed so charts are stable). */
function samplePoints(): ScorePoint[] {
  const points: ScorePoint[] = [];
  for (let i = 0; i < 8; i++) {
    for (const [k, stage] of STAGES.slice(0, 4).entries()) {
      const score = Math.min(4, 1.4 + 0.25 * i + 0.3 * Math.sin(i + k) + 0.15 * k);
      points.push({ stage, at: Date.UTC(2026, 10, 1 + 4 * i), score: Math.round(score * 10) / 10 });
    }
  }
  return points;
}
const LATEST: Partial<Record<StageId, number>> = {
  requirements: 3.5,
  metrics: 2.6,
  architecture: 3.1,
  data: 2.2,
  features: 3.2,
  modeling: 2.8,
  serving: 3.6,
};
const AVERAGE: Partial<Record<StageId, number>> = {
  requirements: 2.9,
  metrics: 2.3,
  architecture: 2.6,
  data: 2.4,
  features: 2.6,
  modeling: 2.5,
  serving: 3.0,
};

async function time(
  run: () => Promise<Uint8Array>,
): Promise<{ median: number; p95: number; bytes: number }> {
  let bytes = (await run()).length; // warm-up: module and font loading
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = (await run()).length;
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(RUNS / 2)]!, p95: ms[Math.ceil(RUNS * 0.95) - 1]!, bytes };
}

const points = samplePoints();
const progress = async () => svgToPng(await progressChartSvg(points, 'Per-stage scores over time'));
const radar = async () =>
  svgToPng(radarChartSvg(STAGES, LATEST, AVERAGE, 'Latest interview vs your average'));

for (const [name, run] of [
  ['progress (vega-lite line)', progress],
  ['radar', radar],
] as const) {
  const { median, p95, bytes } = await time(run);
  console.log(
    `${name.padEnd(26)} median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  (${bytes} bytes PNG, ${RUNS} runs)`,
  );
}
if (process.argv.includes('--docs')) {
  const docs = fileURLToPath(new URL('../docs/', import.meta.url));
  await mkdir(docs, { recursive: true });
  await writeFile(`${docs}chart-progress.png`, await progress());
  await writeFile(`${docs}chart-radar.png`, await radar());
  console.log(`wrote ${docs}chart-progress.png and chart-radar.png`);
}
