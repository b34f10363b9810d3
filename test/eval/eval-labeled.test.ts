/**
 * The offline scorer on the labeled development set (test/fixtures/eval/labeled.jsonl), against
 * the real knowledge base. Prints the figures; asserts the targets that are met (see below).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LabeledItem, loadLabeledSet } from '../../src/eval/dataset.ts';
import { formatEvalReport } from '../../src/eval/report.ts';
import { type EvalReport, runEval } from '../../src/eval/runner.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';

const SET = path.resolve(import.meta.dirname, '../fixtures/eval/labeled.jsonl');

let knowledge: Knowledge;
let items: LabeledItem[];
let report: EvalReport;

beforeAll(async () => {
  knowledge = await loadKnowledge();
  items = await loadLabeledSet(SET);
  report = await runEval({ knowledge, scorer: new OfflineScorer({ knowledge }), items });
  console.log(formatEvalReport(report, 'labeled.jsonl (development set)'));
});

describe('offline scorer on the labeled development set', () => {
  it('scores every item', () => {
    expect(report.n).toBe(items.length);
    expect(report.items.every((i) => i.score >= 1 && i.score <= 4)).toBe(true);
    expect(report.fallbacks).toBe(0);
  });

  it('agrees with the labels: QWK ≥ 0.6 and Spearman ≥ 0.6', () => {
    expect(report.qwk).toBeGreaterThanOrEqual(0.6);
    expect(report.spearman).toBeGreaterThanOrEqual(0.6);
  });

  it('beats the length-only baseline by at least 0.2 on both', () => {
    expect(report.qwk - report.baseline.qwk).toBeGreaterThanOrEqual(0.2);
    expect(report.spearman - report.baseline.spearman).toBeGreaterThanOrEqual(0.2);
  });

  it('is not fooled by padding, stuffing or injections on this set', () => {
    const kind = (k: string) => report.byKind.find((b) => b.kind === k)!;
    // Length rewards padding; the scorer must not.
    expect(kind('padded').mae).toBeLessThan(kind('padded').baselineMae);
    for (const item of report.items.filter((i) => i.kind === 'stuffed')) {
      expect(item.level, item.id).toBeLessThanOrEqual(2);
    }
    for (const item of report.items.filter((i) => i.kind === 'off-topic-stage')) {
      expect(item.level, item.id).toBe(1);
    }
  });
});

describe('offline scorer on the held-out set (labeled independently, never tuned on)', () => {
  it('prints the figures and keeps QWK and Spearman ≥ 0.6', async () => {
    const heldOut = await loadLabeledSet(
      path.resolve(import.meta.dirname, '../fixtures/eval/holdout.jsonl'),
    );
    const result = await runEval({
      knowledge,
      scorer: new OfflineScorer({ knowledge }),
      items: heldOut,
    });
    console.log(formatEvalReport(result, 'holdout.jsonl (unseen set)'));
    expect(result.n).toBe(heldOut.length);
    expect(result.qwk).toBeGreaterThanOrEqual(0.6);
    expect(result.spearman).toBeGreaterThanOrEqual(0.6);
  });
});
