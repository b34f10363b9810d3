/**
 * The engine's `ChartRenderer` port, drawn with Vega-Lite and resvg (charts.ts) and the fonts
 * of chart-fonts.ts. One instance per process (the composition root makes it), so the fonts
 * are read once. The drawing libraries load on the first chart: they take seconds to import,
 * which every start of the CLI would otherwise pay.
 */
import type { ChartRenderer, ProgressChart, RadarChart } from '../engine/ports.ts';
import type { ChartFonts } from './chart-fonts.ts';

let drawing: Promise<typeof import('./charts.ts')> | null = null;
const charts = () => {
  drawing ??= import('./charts.ts');
  return drawing;
};

/** Every piece of text a chart shows, for the fonts to cover. */
const progressText = (c: ProgressChart) =>
  [c.title, c.labels.score, c.labels.stage, ...c.points.map((p) => p.stage)].join('');
const radarText = (c: RadarChart) =>
  [c.title, c.legend.latest, c.legend.average, ...c.spokes.map((s) => s.label)].join('');

export function createChartRenderer(given?: ChartFonts): ChartRenderer {
  let fonts: Promise<ChartFonts> | null = given ? Promise.resolve(given) : null;
  const fontsNow = () => {
    fonts ??= import('./chart-fonts.ts').then(({ ChartFonts }) => new ChartFonts());
    return fonts;
  };
  return {
    async progress(chart) {
      const { progressChartSvg, svgToPng } = await charts();
      const svg = await progressChartSvg(chart);
      return svgToPng(svg, await (await fontsNow()).files(progressText(chart)));
    },
    async radar(chart) {
      const { radarChartSvg, svgToPng } = await charts();
      return svgToPng(radarChartSvg(chart), await (await fontsNow()).files(radarText(chart)));
    },
  };
}
