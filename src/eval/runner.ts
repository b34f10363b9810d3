/**
 * Runs a scorer over a labeled set and measures agreement with the labels, next to the
 * length-only baseline. Used by `npm run cli -- eval` and by the eval tests.
 */
import type { StageScorer } from '../engine/ports.ts';
import type { Level, ScorerKind, TokenUsage } from '../engine/types.ts';
import { addUsage, emptyUsage } from '../engine/usage.ts';
import { type Knowledge, stageById } from '../knowledge/knowledge.ts';
import { DatasetError, type LabeledItem } from './dataset.ts';
import { lengthBaseline } from './length-baseline.ts';
import { type Agreement, agreement, exactAgreement, quadraticWeightedKappa } from './metrics.ts';
import { mean as meanOf } from '../mean.ts';

export interface EvalItemResult {
  id: string;
  label: number;
  /** The scorer's stage score (first run), 1–4, may be fractional. */
  score: number;
  level: Level;
  kind: string | undefined;
  writer: string | undefined;
  scenario: string;
  stage: string;
  lang: string;
  /** The length-only baseline's level for this item. */
  baselineLevel: Level;
  /** Which scorer actually produced the score (an LLM scorer may have fallen back). */
  scoredBy: ScorerKind;
  /** Levels of the repeated runs (run 2..N), when `repeat` > 1. */
  repeatLevels?: Level[];
}

export interface KindBreakdown {
  /** The group's value (a kind, writer, stage or language). */
  kind: string;
  n: number;
  meanLabel: number;
  meanScore: number;
  /** Mean of (level − label): positive means the scorer is too generous on this kind. */
  bias: number;
  /** QWK within the group (NaN-free: 0 when the group has one label only). */
  qwk: number;
  exact: number;
  adjacent: number;
  mae: number;
  baselineMae: number;
}

export interface RetestAgreement {
  runs: number;
  /** Mean over runs 2..N of the QWK between that run's levels and run 1's. */
  qwk: number;
  /** Mean over runs 2..N of the share of items whose level equals run 1's. */
  exact: number;
}

export interface EvalReport extends Agreement {
  n: number;
  scorer: ScorerKind;
  baseline: Agreement;
  /** Items the LLM scorer handed to the offline fallback (0 for the offline scorer). */
  fallbacks: number;
  retest?: RetestAgreement;
  /** Tokens over every scoring of every run, when the scorer reports them (an LLM scorer). */
  usage?: TokenUsage;
  byKind: KindBreakdown[];
  /** The same figures by writer, stage and language. */
  byWriter: KindBreakdown[];
  byStage: KindBreakdown[];
  byLang: KindBreakdown[];
  /** confusion[label − 1][level − 1]: how many items of each label got each level. */
  confusion: number[][];
  /** How the items were scored: one scorer, or each writer's by a model trained without them. */
  protocol: 'single' | 'leave-one-writer-out';
  items: EvalItemResult[];
}

export interface EvalOptions {
  knowledge: Knowledge;
  scorer: StageScorer;
  /**
   * The scorer for one item, when items are scored by different scorers (leave-one-writer-out:
   * each writer's answers by a model trained without them). Defaults to `scorer`.
   */
  scorerFor?: (item: LabeledItem) => StageScorer;
  items: readonly LabeledItem[];
  /** Score the whole set this many times (test-retest agreement). Default 1. */
  repeat?: number;
  /** Items scored at once (an LLM scorer rate-limits itself as well). Default 4. */
  concurrency?: number;
  /** Called after each item is scored, e.g. for a progress line on stderr. */
  onProgress?: (done: number, total: number) => void;
}

/** Unknown scenarios or stages not in a scenario's plan are reported all at once. */
function checkItems(knowledge: Knowledge, items: readonly LabeledItem[]): void {
  const problems: string[] = [];
  for (const item of items) {
    if (!knowledge.scenarios.has(item.scenario)) {
      problems.push(`item "${item.id}": unknown scenario "${item.scenario}"`);
    }
  }
  if (problems.length > 0) throw new DatasetError(problems);
}

async function mapPool<T, R>(
  inputs: readonly T[],
  concurrency: number,
  work: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index]!, index);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker),
  );
  return results;
}

/** 0, not NaN, for an empty group: a report shows figures, not NaN. */
const mean = (values: readonly number[]) => (values.length === 0 ? 0 : meanOf(values));

function breakdownBy(
  results: readonly EvalItemResult[],
  key: (r: EvalItemResult) => string | undefined,
): KindBreakdown[] {
  const groups = new Map<string, EvalItemResult[]>();
  for (const r of results) {
    const kind = key(r) ?? '(none)';
    groups.set(kind, [...(groups.get(kind) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, group]) => {
      const levels = group.map((r) => r.level);
      const labels = group.map((r) => r.label);
      return {
        kind,
        n: group.length,
        meanLabel: mean(labels),
        meanScore: mean(group.map((r) => r.score)),
        bias: mean(group.map((r) => r.level - r.label)),
        qwk: quadraticWeightedKappa(levels, labels),
        exact: exactAgreement(levels, labels),
        adjacent: mean(group.map((r) => (Math.abs(r.level - r.label) <= 1 ? 1 : 0))),
        mae: mean(group.map((r) => Math.abs(r.level - r.label))),
        baselineMae: mean(group.map((r) => Math.abs(r.baselineLevel - r.label))),
      };
    });
}

function confusionMatrix(results: readonly EvalItemResult[]): number[][] {
  const matrix = [1, 2, 3, 4].map(() => [0, 0, 0, 0]);
  for (const r of results) matrix[r.label - 1]![r.level - 1]!++;
  return matrix;
}

export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const { knowledge, scorer, items } = options;
  const repeat = Math.max(1, Math.floor(options.repeat ?? 1));
  checkItems(knowledge, items);

  const total = items.length * repeat;
  let done = 0;
  const runs: { score: number; level: Level; scorer: ScorerKind }[][] = [];
  let usage: TokenUsage | undefined;
  for (let run = 0; run < repeat; run++) {
    runs.push(
      await mapPool(items, options.concurrency ?? 4, async (item) => {
        const scenario = knowledge.scenarios.get(item.scenario)!;
        const result = await (options.scorerFor?.(item) ?? scorer).score({
          framework: knowledge.framework,
          scenario,
          stage: stageById(knowledge.framework, item.stage),
          lang: item.lang,
          answer: item.answer,
          turns: [],
        });
        if (result.usage) usage = addUsage(usage ?? emptyUsage(), result.usage);
        options.onProgress?.(++done, total);
        return { score: result.score, level: result.level, scorer: result.scorer };
      }),
    );
  }

  const first = runs[0]!;
  const baseline = lengthBaseline(items.map((i) => i.answer));
  const labels = items.map((i) => i.label);
  const results: EvalItemResult[] = items.map((item, i) => ({
    id: item.id,
    label: item.label,
    score: first[i]!.score,
    level: first[i]!.level,
    kind: item.kind,
    writer: typeof item.writer === 'string' ? item.writer : undefined,
    scenario: item.scenario,
    stage: item.stage,
    lang: item.lang,
    baselineLevel: baseline[i]!.level,
    scoredBy: first[i]!.scorer,
    ...(repeat > 1 ? { repeatLevels: runs.slice(1).map((run) => run[i]!.level) } : {}),
  }));

  const report: EvalReport = {
    n: items.length,
    scorer: scorer.kind,
    ...agreement(
      first.map((r) => r.score),
      first.map((r) => r.level),
      labels,
    ),
    baseline: agreement(
      baseline.map((b) => b.score),
      baseline.map((b) => b.level),
      labels,
    ),
    fallbacks: first.filter((r) => r.scorer !== scorer.kind).length,
    byKind: breakdownBy(results, (r) => r.kind),
    byWriter: breakdownBy(results, (r) => r.writer),
    byStage: breakdownBy(results, (r) => r.stage),
    byLang: breakdownBy(results, (r) => r.lang),
    confusion: confusionMatrix(results),
    protocol: options.scorerFor ? 'leave-one-writer-out' : 'single',
    items: results,
  };
  if (usage) report.usage = usage;
  if (repeat > 1) {
    const firstLevels = first.map((r) => r.level);
    const later = runs.slice(1).map((run) => run.map((r) => r.level));
    report.retest = {
      runs: repeat,
      qwk: mean(later.map((levels) => quadraticWeightedKappa(levels, firstLevels))),
      exact: mean(later.map((levels) => exactAgreement(levels, firstLevels))),
    };
  }
  return report;
}
