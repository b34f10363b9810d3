/**
 * What the simulated candidates say: a fixed script of engine commands per interview.
 * - `whole`: start, then in every stage of the plan `answersPerStage` answers followed by
 *   `next` (the last stage ends with `end`, which builds the scorecard) — a whole interview.
 * - `opening`: start and `answers` answers in the first stage — an interview left open (live),
 *   which is what memory per live interview is measured on.
 * Answers are ~450 characters of plausible design talk, so records grow as they would with
 * real candidates.
 */
import { stagePlan } from '../../src/knowledge/knowledge.ts';
import type { Scenario } from '../../src/knowledge/schema.ts';
import type { Command } from '../../src/engine/types.ts';

export type Script =
  | { kind: 'whole'; answersPerStage: number }
  | { kind: 'opening'; answers: number };

const ANSWERS = [
  'I would start by clarifying the goal: we optimise for long-term engagement, not clicks alone, because clickbait inflates short-term metrics. Offline I would track recall@k and NDCG on held-out days; online, watch time per session and retention, with guardrails on latency. The system has candidate generation, ranking and re-ranking stages, and a feature store shared between training and serving to avoid skew.',
  'For data, logs of impressions and interactions give implicit labels; I would sample negatives from impressions that were shown but skipped, and correct for position bias with randomised slots. Features: user history embeddings, item content embeddings, context such as time and device, and counters over sliding windows computed in a streaming job. Training is daily with warm starts, and we check calibration before each rollout.',
  'Serving: candidate retrieval with approximate nearest neighbours over two-tower embeddings, a gradient-boosted or deep ranker on a few hundred candidates within a 100 ms budget, caching popular results. To scale, shard the index by item id, replicate for read throughput, and use data parallelism for training. Monitoring covers feature drift, prediction distribution and business metrics, with shadow deployments and a rollback path.',
];

/**
 * The candidate's `step`-th command (0 = start), or null once the script is done. Built on
 * demand rather than held, so the benchmark's own data does not count as the engine's memory.
 */
export function commandAt(
  script: Script,
  scenario: Scenario,
  candidateIndex: number,
  step: number,
): Command | null {
  if (step === 0) return { kind: 'start', scenarioId: scenario.id, mode: 'interview', lang: 'en' };
  // The index makes every candidate's words different, as real answers are.
  const answer = (n: number): Command => ({
    kind: 'answer',
    text: `${ANSWERS[n % ANSWERS.length]} (candidate ${candidateIndex}, point ${n + 1})`,
  });
  if (script.kind === 'opening') return step <= script.answers ? answer(step - 1) : null;

  const perStage = script.answersPerStage + 1;
  const stages = stagePlan(scenario).length;
  const stage = Math.floor((step - 1) / perStage);
  if (stage >= stages) return null;
  const within = (step - 1) % perStage;
  if (within < script.answersPerStage) return answer(stage * script.answersPerStage + within);
  return stage === stages - 1 ? { kind: 'end' } : { kind: 'next' };
}

/** Commands in one candidate's script. */
export function scriptLength(script: Script, scenario: Scenario): number {
  if (script.kind === 'opening') return 1 + script.answers;
  return 1 + stagePlan(scenario).length * (script.answersPerStage + 1);
}

export function describeScript(script: Script): string {
  return script.kind === 'whole'
    ? `whole interviews, ${plural(script.answersPerStage, 'answer')} per stage`
    : `start + ${plural(script.answers, 'answer')}, left open`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
