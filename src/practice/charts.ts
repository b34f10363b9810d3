/**
 * Progress charts as SVG, without a browser: the per-stage line chart is a Vega-Lite spec
 * compiled to Vega and rendered to SVG by a headless Vega view; the radar (an interview against
 * the candidate's average) is drawn as SVG here, since Vega-Lite has no polar lines. resvg
 * turns either into PNG (`svgToPng`) with the fonts of chart-fonts.ts. Titles, stage names and
 * legends arrive already worded in the interview's language (see src/engine/chart-files.ts).
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { ProgressChart, RadarChart } from '../engine/ports.ts';
import { FONT_FAMILY, LATIN_FONT_FILE } from './chart-fonts.ts';
import { compileVegaLite } from './vega-lite-compile.ts';

export function svgToPng(
  svg: string,
  fontFiles: readonly string[] = [LATIN_FONT_FILE],
): Uint8Array {
  const resvg = new Resvg(svg, {
    background: 'white',
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** Scores over time, one line per stage. */
export async function progressChartSvg(chart: ProgressChart): Promise<string> {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    width: 560,
    height: 260,
    data: { values: chart.points.map((p) => ({ ...p, at: new Date(p.at).toISOString() })) },
    mark: { type: 'line', point: true },
    encoding: {
      // Month-day numbers read the same in English and Chinese.
      x: { field: 'at', type: 'temporal', title: null, axis: { format: '%m-%d' } },
      y: {
        field: 'score',
        type: 'quantitative',
        scale: { domain: [1, 4] },
        axis: { tickCount: 4 },
        title: chart.labels.score,
      },
      color: {
        field: 'stage',
        type: 'nominal',
        title: chart.labels.stage,
        sort: null,
        legend: { labelLimit: 400 },
      },
    },
    config: { font: FONT_FAMILY },
  };
  const view = new vega.View(vega.parse(await compileVegaLite(spec)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A label in lines that fit beside a spoke: words for Latin text, characters for Chinese. */
export function wrapLabel(label: string, width = 18): string[] {
  if (!label.includes(' ')) {
    const lines: string[] = [];
    const chars = [...label];
    const step = /[\u2e80-\u9fff]/u.test(label) ? Math.ceil(width / 2) : width;
    for (let i = 0; i < chars.length; i += step) lines.push(chars.slice(i, i + step).join(''));
    return lines;
  }
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The interview against the average, one spoke per stage, on a 0–4 radar. */
export function radarChartSvg(chart: RadarChart): string {
  const width = 640;
  const height = 540;
  const cx = width / 2;
  const cy = 280;
  const r = 170;
  const n = chart.spokes.length;
  const angle = (i: number) => (Math.PI * 2 * i) / n - Math.PI / 2;
  const xy = (i: number, value: number) => {
    const k = (r * value) / 4;
    return [cx + k * Math.cos(angle(i)), cy + k * Math.sin(angle(i))] as const;
  };
  const pt = (i: number, value: number) =>
    xy(i, value)
      .map((v) => v.toFixed(1))
      .join(',');
  const text = (x: number, y: number, body: string, extra = '') =>
    `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT_FAMILY}" ${extra}>${body}</text>`;
  const rings = [1, 2, 3, 4]
    .map((v) => {
      const [x, y] = xy(0, v);
      return `<polygon points="${chart.spokes.map((_, i) => pt(i, v)).join(' ')}" fill="none" stroke="#ddd"/>${text(x + 4, y + 4, String(v), 'font-size="10" fill="#999"')}`;
    })
    .join('');
  const spokes = chart.spokes
    .map((spoke, i) => {
      const [x2, y2] = xy(i, 4);
      const [lx, ly] = xy(i, 4.35);
      const cos = Math.cos(angle(i));
      const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
      const lines = wrapLabel(spoke.label);
      // Above the top spoke the label ends at the ring, below the bottom one it starts there.
      const sin = Math.sin(angle(i));
      const block = (lines.length - 1) * 13;
      const top = sin < -0.9 ? ly - block : sin > 0.9 ? ly + 8 : ly - block / 2 + 4;
      const label = lines
        .map(
          (line, k) =>
            `<tspan x="${lx.toFixed(1)}" y="${(top + k * 13).toFixed(1)}">${escapeXml(line)}</tspan>`,
        )
        .join('');
      return `<line x1="${cx}" y1="${cy}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#ddd"/>${text(lx, ly, label, `font-size="11" text-anchor="${anchor}"`)}`;
    })
    .join('');
  const shape = (values: (number | null)[], color: string) =>
    `<polygon points="${values.map((v, i) => pt(i, v ?? 0)).join(' ')}" fill="${color}" fill-opacity="0.25" stroke="${color}" stroke-width="2"/>`;
  const legend = (x: number, color: string, label: string) =>
    `<rect x="${x}" y="${height - 22}" width="12" height="12" fill="${color}"/>${text(x + 18, height - 12, escapeXml(label), `font-size="12" fill="${color}"`)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    text(cx, 24, escapeXml(chart.title), 'font-size="15" font-weight="bold" text-anchor="middle"'),
    rings,
    spokes,
    shape(
      chart.spokes.map((s) => s.average),
      '#888888',
    ),
    shape(
      chart.spokes.map((s) => s.latest),
      '#1f77b4',
    ),
    legend(16, '#1f77b4', chart.legend.latest),
    legend(200, '#888888', chart.legend.average),
    '</svg>',
  ].join('');
}
