/**
 * `history`: the candidate's past interviews and drills with per-stage scores, and the trend.
 * Read from the candidate's index (one record), not from every past session; a candidate with
 * no index yet (sessions from before it existed) gets one built once from their sessions.
 */
import { candidateIndex } from '../candidate-index-read.ts';
import type { Services } from '../deps.ts';
import { stageTitles } from '../labels.ts';
import type { EngineRequest, HistoryView, Outcome } from '../types.ts';
import { mean } from '../../mean.ts';

export const HISTORY_LIMIT = 50;
const TREND_WINDOW = 3;

/**
 * Mean of the latest (up to) three finished interviews minus the mean of the ones before them
 * (same count). With six or more finished that is "the latest three vs the three before";
 * with fewer, the newer half vs the older half. Null with fewer than two.
 */
export function trendDelta(trend: number[]): number | null {
  const window = Math.min(TREND_WINDOW, Math.floor(trend.length / 2));
  if (window === 0) return null;
  const latest = trend.slice(-window);
  const before = trend.slice(-2 * window, -window);
  return Math.round((mean(latest) - mean(before)) * 100) / 100;
}

export async function runHistory(services: Services, request: EngineRequest): Promise<Outcome> {
  const index = await candidateIndex(services, request.actor);
  const entries = index.entries.slice(0, HISTORY_LIMIT);
  const trend = entries
    .filter((e) => e.status === 'finished' && e.overall !== null && !e.drill)
    .map((e) => e.overall as number)
    .reverse();
  const selfTrend = entries
    .filter((e) => e.selfGap !== undefined)
    .map((e) => e.selfGap as number)
    .reverse();
  const lang = request.lang ?? index.lang ?? 'en';
  const history: HistoryView = {
    entries,
    stageTitles: stageTitles(services.knowledge.framework, lang),
    trend,
    trendDelta: trendDelta(trend),
    ...(selfTrend.length > 0
      ? { selfGaps: { trend: selfTrend, delta: trendDelta(selfTrend) } }
      : {}),
  };
  return { ok: true, sessionId: null, lang, replies: [{ kind: 'history', history }] };
}
