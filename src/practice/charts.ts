/**
 * Progress charts as PNG, without a browser: the per-stage line chart is a Vega-Lite spec
 * compiled to Vega and rendered to SVG by a headless Vega view; the radar (latest interview
 * against the candidate's average) is drawn as SVG here, since Vega-Lite has no polar lines.
 * resvg turns the SVG into PNG. Text uses DejaVu Sans from the `dejavu-fonts-ttf` package,
 * so the output is the same on every machine (no system fonts are read). Labels are stage
 * ids, which that font covers in every language.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { StageId } from '../engine/types.ts';

const require = createRequire(import.meta.url);
const FONT_FILE = path.join(
  path.dirname(require.resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
  'DejaVuSans.ttf',
);
const FONT = 'DejaVu Sans';

export interface ScorePoint {
  stage: StageId;
  /** Epoch ms. */
  at: number;
  score: number;
}

export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    background: 'white',
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT },
  });
  return resvg.render().asPng();
}

/** Scores over time, one line per stage. */
export async function progressChartSvg(
  points: readonly ScorePoint[],
  title: string,
): Promise<string> {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 560,
    height: 260,
    data: { values: points.map((p) => ({ ...p, at: new Date(p.at).toISOString() })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'at', type: 'temporal', title: null },
      y: { field: 'score', type: 'quantitative', scale: { domain: [1, 4] }, title: 'score' },
      color: { field: 'stage', type: 'nominal', title: 'stage' },
    },
    config: { font: FONT },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Latest interview against the average, per stage, on a 1–4 radar. */
export function radarChartSvg(
  stages: readonly StageId[],
  latest: Partial<Record<StageId, number>>,
  average: Partial<Record<StageId, number>>,
  title: string,
): string {
  const size = 420;
  const c = size / 2;
  const r = 140;
  const angle = (i: number) => (Math.PI * 2 * i) / stages.length - Math.PI / 2;
  const at = (i: number, value: number) => {
    const k = (r * (value - 0)) / 4;
    return `${(c + k * Math.cos(angle(i))).toFixed(1)},${(c + 20 + k * Math.sin(angle(i))).toFixed(1)}`;
  };
  const rings = [1, 2, 3, 4]
    .map(
      (v) =>
        `<polygon points="${stages.map((_, i) => at(i, v)).join(' ')}" fill="none" stroke="#ddd"/>`,
    )
    .join('');
  const spokes = stages
    .map((s, i) => {
      const [x, y] = at(i, 4.5).split(',');
      return `<line x1="${c}" y1="${c + 20}" x2="${at(i, 4).split(',')[0]}" y2="${at(i, 4).split(',')[1]}" stroke="#ddd"/><text x="${x}" y="${y}" font-size="11" text-anchor="middle" font-family="${FONT}">${escapeXml(s)}</text>`;
    })
    .join('');
  const shape = (values: Partial<Record<StageId, number>>, color: string) =>
    `<polygon points="${stages.map((s, i) => at(i, values[s] ?? 0)).join(' ')}" fill="${color}" fill-opacity="0.25" stroke="${color}" stroke-width="2"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size + 40}" viewBox="0 0 ${size} ${size + 40}">`,
    `<text x="${c}" y="18" font-size="14" text-anchor="middle" font-family="${FONT}">${escapeXml(title)}</text>`,
    rings,
    spokes,
    shape(average, '#888888'),
    shape(latest, '#1f77b4'),
    `<text x="12" y="${size + 30}" font-size="11" font-family="${FONT}" fill="#1f77b4">latest</text>`,
    `<text x="70" y="${size + 30}" font-size="11" font-family="${FONT}" fill="#888888">average</text>`,
    '</svg>',
  ].join('');
}
