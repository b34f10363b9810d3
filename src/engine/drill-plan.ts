/**
 * Which stage and scenario a drill takes. `/drill` without a stage takes the candidate's
 * weakest stage by history; `/practice` the stage most overdue on the review schedule. The
 * scenario is one whose plan has the stage and that the candidate has not done recently.
 * Everything is read from the candidate's index (one record).
 */
import { stagePlan } from '../knowledge/knowledge.ts';
import type { Scenario } from '../knowledge/schema.ts';
import type { CandidateIndex, StageRecord } from './candidate-index.ts';
import { candidateIndex } from './candidate-index-read.ts';
import type { Services } from './deps.ts';
import type { CandidateId, EngineError, Lang, StageId } from './types.ts';
import { mean } from '../mean.ts';

/** Scenarios of the latest this-many sessions count as "done recently". */
export const RECENT_SESSIONS = 5;
/** A stage's strength is the mean of its latest this-many scores. */
const STRENGTH_WINDOW = 3;

export type DrillReason = 'asked' | 'weakest' | 'due';

export type DrillPlan =
  | { ok: true; scenarioId: string; stage: StageId; why: DrillReason }
  | { ok: false; lang: Lang; error: EngineError };

function strength(record: StageRecord): number | null {
  const scores = record.scores
    .map((s) => s.score ?? 1) // too short to judge counts as the lowest
    .slice(-STRENGTH_WINDOW);
  return scores.length === 0 ? null : mean(scores);
}

export function weakestStage(index: CandidateIndex, order: readonly StageId[]): StageId | null {
  let best: { stage: StageId; value: number } | null = null;
  for (const stage of order) {
    const record = index.stages[stage];
    const value = record ? strength(record) : null;
    if (value !== null && (!best || value < best.value)) best = { stage, value };
  }
  return best?.stage ?? null;
}

/** The stage most overdue at `now`, and the next one due when none is. */
export function dueStage(
  index: CandidateIndex,
  now: number,
): { due: StageId | null; next: { stage: StageId; at: number } | null } {
  const cards = Object.entries(index.stages)
    .map(([stage, record]) => ({ stage: stage as StageId, at: record!.card.due }))
    .sort((a, b) => a.at - b.at);
  const first = cards[0] ?? null;
  if (first && first.at <= now) return { due: first.stage, next: first };
  return { due: null, next: first };
}

/** A scenario with `stage` in its plan, not among the recent ones; the least recently done. */
export function pickScenario(
  scenarios: readonly Scenario[],
  index: CandidateIndex,
  stage: StageId,
): Scenario | null {
  const lastDone = new Map<string, number>();
  for (const entry of index.entries) {
    lastDone.set(entry.scenarioId, Math.max(lastDone.get(entry.scenarioId) ?? 0, entry.startedAt));
  }
  const recent = new Set(index.entries.slice(0, RECENT_SESSIONS).map((e) => e.scenarioId));
  const fitting = scenarios.filter((s) => stagePlan(s).includes(stage));
  const fresh = fitting.filter((s) => !recent.has(s.id));
  const pool = fresh.length > 0 ? fresh : fitting;
  // Never done first, then the longest ago; rotate by how many sessions there were so two
  // candidates with no history do not all get the same scenario first.
  const rotated = pool.map((s, i) => ({ s, i: (i + index.entries.length) % pool.length }));
  rotated.sort((a, b) => (lastDone.get(a.s.id) ?? 0) - (lastDone.get(b.s.id) ?? 0) || a.i - b.i);
  return rotated[0]?.s ?? null;
}

export async function planDrill(
  services: Services,
  actor: CandidateId,
  options: { stage?: string; due?: boolean; lang?: Lang },
): Promise<DrillPlan> {
  const lang = options.lang ?? 'en';
  const { framework } = services.knowledge;
  const order = framework.stages.map((s) => s.id);
  const index = await candidateIndex(services, actor);
  let stage: StageId;
  let why: DrillReason;
  if (options.due) {
    const { due, next } = dueStage(index, services.clock.now());
    if (!due) {
      const params: Record<string, string> = {};
      if (next) {
        params.next = new Date(next.at).toISOString().slice(0, 10);
        params.stage = framework.stages.find((s) => s.id === next.stage)!.title[lang];
      }
      return { ok: false, lang, error: { code: 'nothing-due', params } };
    }
    stage = due;
    why = 'due';
  } else if (options.stage) {
    const asked = options.stage.trim().toLowerCase();
    if (!(order as string[]).includes(asked)) {
      return {
        ok: false,
        lang,
        error: { code: 'unknown-stage', params: { stage: asked, stages: order.join(', ') } },
      };
    }
    stage = asked as StageId;
    why = 'asked';
  } else {
    const weakest = weakestStage(index, order);
    stage = weakest ?? order[0]!;
    why = weakest ? 'weakest' : 'asked';
  }
  const scenario = pickScenario([...services.knowledge.scenarios.values()], index, stage);
  if (!scenario) {
    return {
      ok: false,
      lang,
      error: { code: 'unknown-stage', params: { stage, stages: order.join(', ') } },
    };
  }
  return { ok: true, scenarioId: scenario.id, stage, why };
}
