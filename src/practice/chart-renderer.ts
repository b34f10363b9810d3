/**
 * The engine's `ChartRenderer` port, drawn with Vega-Lite and resvg (charts.ts) and the fonts
 * of chart-fonts.ts. One instance per process (the composition root makes it), so the fonts
 * are read once.
 */
import type { ChartRenderer, ProgressChart, RadarChart } from '../engine/ports.ts';
import { ChartFonts } from './chart-fonts.ts';
import { progressChartSvg, radarChartSvg, svgToPng } from './charts.ts';

/** Every piece of text a chart shows, for the fonts to cover. */
const progressText = (c: ProgressChart) =>
  [c.title, c.labels.score, c.labels.stage, ...c.points.map((p) => p.stage)].join('');
const radarText = (c: RadarChart) =>
  [c.title, c.legend.latest, c.legend.average, ...c.spokes.map((s) => s.label)].join('');

export function createChartRenderer(fonts = new ChartFonts()): ChartRenderer {
  return {
    async progress(chart) {
      const svg = await progressChartSvg(chart);
      return svgToPng(svg, await fonts.files(progressText(chart)));
    },
    async radar(chart) {
      return svgToPng(radarChartSvg(chart), await fonts.files(radarText(chart)));
    },
  };
}
