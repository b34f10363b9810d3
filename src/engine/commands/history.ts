/** `history`: the candidate's past interviews with per-stage scores, and the trend. */
import type { Services } from '../deps.ts';
import { stageTitles } from '../labels.ts';
import type { EngineRequest, HistoryEntry, HistoryView, Outcome, Session } from '../types.ts';

export const HISTORY_LIMIT = 50;
const TREND_WINDOW = 3;

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

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

function entryFor(services: Services, session: Session): HistoryEntry {
  const scenario = services.knowledge.scenarios.get(session.scenarioId);
  const stageScores: HistoryEntry['stageScores'] = {};
  for (const progress of session.stages) {
    if (progress.score && !progress.score.insufficient)
      stageScores[progress.stage] = progress.score.score;
  }
  return {
    sessionId: session.id,
    scenarioId: session.scenarioId,
    scenarioTitle: scenario?.title[session.lang] ?? session.scenarioId,
    startedAt: session.createdAt,
    status: session.status,
    overall: session.scorecard?.overall ?? null,
    stageScores,
  };
}

export async function runHistory(services: Services, request: EngineRequest): Promise<Outcome> {
  const summaries = await services.store.listByCandidate(request.actor, HISTORY_LIMIT);
  const loaded = await Promise.all(summaries.map((s) => services.store.get(s.id)));
  const sessions = loaded
    .filter((s): s is Session => s !== null && s.candidateId === request.actor)
    // An interview that ended without a single answer had nothing to judge: not counted.
    .filter((s) => s.status === 'active' || s.turns.some((t) => t.role === 'candidate'))
    .sort((a, b) => b.createdAt - a.createdAt);
  const entries = sessions.map((s) => entryFor(services, s));
  const trend = entries
    .filter((e) => e.status === 'finished' && e.overall !== null)
    .map((e) => e.overall as number)
    .reverse();
  const lang = request.lang ?? sessions[0]?.lang ?? 'en';
  const history: HistoryView = {
    entries,
    stageTitles: stageTitles(services.knowledge.framework, lang),
    trend,
    trendDelta: trendDelta(trend),
  };
  return { ok: true, sessionId: null, lang, replies: [{ kind: 'history', history }] };
}
