/**
 * Progress charts on the replies that show progress: the scorecard and the export get a radar
 * of the interview against the candidate's average, history gets the per-stage scores over
 * time. The data comes from the candidate's index (one record, as history reads it); the
 * drawing from the `ChartRenderer` port. Charts are extra: when they are off, when there is
 * too little to draw, or when drawing fails, the replies go out as they were (a failure is
 * logged), never an error.
 */
import type { CandidateIndex } from './candidate-index.ts';
import { candidateIndex } from './candidate-index-read.ts';
import type { Services } from './deps.ts';
import { stageTitles } from './labels.ts';
import type { ProgressChart, RadarChart } from './ports.ts';
import type { EngineRequest, Lang, Outcome, Reply, ReplyFile, StageId } from './types.ts';
import { STAGE_IDS } from './types.ts';
import { mean } from '../mean.ts';

/** A radar needs this many spokes to be a shape rather than a line. */
export const RADAR_MIN_SPOKES = 3;

interface ChartWords {
  progressTitle: string;
  radarTitle: string;
  score: string;
  stage: string;
  latest: string;
  average: string;
  progressAlt: (lines: string[]) => string;
  radarAlt: (lines: string[]) => string;
}

const WORDS: Record<Lang, ChartWords> = {
  en: {
    progressTitle: 'Per-stage scores over time',
    radarTitle: 'This interview against your average',
    score: 'score',
    stage: 'stage',
    latest: 'this interview',
    average: 'your average',
    progressAlt: (lines) => `Chart of your per-stage scores over time. ${lines.join('; ')}.`,
    radarAlt: (lines) => `Radar chart of this interview against your average. ${lines.join('; ')}.`,
  },
  zh: {
    progressTitle: '各阶段得分随时间的变化',
    radarTitle: '本次面试与你的平均水平',
    score: '得分',
    stage: '阶段',
    latest: '本次面试',
    average: '你的平均',
    progressAlt: (lines) => `各阶段得分随时间变化的图表。${lines.join('；')}。`,
    radarAlt: (lines) => `本次面试与你的平均水平的雷达图。${lines.join('；')}。`,
  },
};

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

/** Every judged score of every stage, oldest first per stage; null with none at all. */
export function progressChart(index: CandidateIndex, lang: Lang, titles: Record<StageId, string>) {
  const words = WORDS[lang];
  const points: ProgressChart['points'] = [];
  const lines: string[] = [];
  for (const stage of STAGE_IDS) {
    const scores = (index.stages[stage]?.scores ?? []).filter((s) => s.score !== null);
    if (scores.length === 0) continue;
    for (const s of scores)
      points.push({ stage: titles[stage], at: s.at, score: s.score as number });
    lines.push(`${titles[stage]}: ${scores.map((s) => oneDecimal(s.score as number)).join(' → ')}`);
  }
  if (points.length === 0) return null;
  const chart: ProgressChart = {
    title: words.progressTitle,
    labels: { score: words.score, stage: words.stage },
    points,
  };
  return { chart, alt: words.progressAlt(lines) };
}

/**
 * The stages `sessionId` was scored on (a stage too short to judge sits at the centre), each
 * against the mean of every judged score of that stage; null under RADAR_MIN_SPOKES stages.
 */
export function radarChart(
  index: CandidateIndex,
  sessionId: string,
  lang: Lang,
  titles: Record<StageId, string>,
) {
  const words = WORDS[lang];
  const spokes: RadarChart['spokes'] = [];
  const lines: string[] = [];
  for (const stage of STAGE_IDS) {
    const scores = index.stages[stage]?.scores ?? [];
    const own = scores.find((s) => s.sessionId === sessionId);
    if (!own) continue;
    const judged = scores.flatMap((s) => (s.score === null ? [] : [s.score]));
    const average = judged.length > 0 ? mean(judged) : null;
    spokes.push({ label: titles[stage], latest: own.score, average });
    const shown = (n: number | null) => (n === null ? '—' : oneDecimal(n));
    lines.push(`${titles[stage]} ${shown(own.score)} (${words.average} ${shown(average)})`);
  }
  if (spokes.length < RADAR_MIN_SPOKES) return null;
  const chart: RadarChart = {
    title: words.radarTitle,
    spokes,
    legend: { latest: words.latest, average: words.average },
  };
  return { chart, alt: words.radarAlt(lines) };
}

type Drawn = { file: Omit<ReplyFile, 'data' | 'kind' | 'mime'>; draw: () => Promise<Uint8Array> };

function chartOf(
  reply: Reply,
  outcome: Extract<Outcome, { ok: true }>,
  index: CandidateIndex,
  services: Services,
): Drawn | null {
  const renderer = services.charts;
  if (!renderer) return null;
  const titles = stageTitles(services.knowledge.framework, outcome.lang);
  if (reply.kind === 'history') {
    const found = progressChart(index, outcome.lang, titles);
    return (
      found && {
        file: { name: 'progress.png', alt: found.alt },
        draw: () => renderer.progress(found.chart),
      }
    );
  }
  if ((reply.kind === 'scorecard' || reply.kind === 'export') && outcome.sessionId) {
    const found = radarChart(index, outcome.sessionId, outcome.lang, titles);
    // The export's chart keeps the export's base name, so the two files go together.
    const name =
      reply.kind === 'export' ? reply.filename.replace(/\.md$/i, '') + '.png' : 'radar.png';
    return found && { file: { name, alt: found.alt }, draw: () => renderer.radar(found.chart) };
  }
  return null;
}

const CHART_REPLIES = new Set<Reply['kind']>(['scorecard', 'history', 'export']);

/** `outcome` with the charts its replies call for; unchanged when there are none to draw. */
export async function withCharts(
  services: Services,
  request: EngineRequest,
  outcome: Outcome,
): Promise<Outcome> {
  if (!services.charts || !outcome.ok) return outcome;
  const { actor, command } = request;
  if (command.kind === 'history' && command.charts === false) return outcome;
  if (!outcome.replies.some((r) => CHART_REPLIES.has(r.kind))) return outcome;
  let index: CandidateIndex;
  try {
    index = await candidateIndex(services, actor);
  } catch (error) {
    services.logger.warn({ err: error, actor }, 'charts skipped: the candidate index did not load');
    return outcome;
  }
  const replies = await Promise.all(
    outcome.replies.map(async (reply): Promise<Reply> => {
      const chart = chartOf(reply, outcome, index, services);
      if (!chart || !CHART_REPLIES.has(reply.kind)) return reply;
      try {
        const data = await chart.draw();
        const file: ReplyFile = { kind: 'image', mime: 'image/png', data, ...chart.file };
        return { ...reply, files: [file] } as Reply;
      } catch (error) {
        services.logger.warn(
          { err: error, sessionId: outcome.sessionId, chart: chart.file.name },
          'chart rendering failed; the reply goes out without it',
        );
        return reply;
      }
    }),
  );
  return { ...outcome, replies };
}
