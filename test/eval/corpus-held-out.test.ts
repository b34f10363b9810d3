/**
 * The offline scorer measured as the README reports it: on the scoring corpus, each writer's
 * answers scored by a model trained without that writer (leave-one-writer-out). Prints the
 * report (with the per-writer and per-kind tables); asserts the targets of the scoring issue that
 * the scorer meets (confidently-wrong and keyword-stuffed answers within ±0.5 on the corpus, the
 * fresh set, the wrong-content set and the fourth independent set among them, every voice within
 * ±0.5 on the sixth, and every corpus writer's QWK ≥ 0.70), as the README lists.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLabeledSet } from '../../src/eval/dataset.ts';
import { scorersByHeldOutWriter } from '../../src/eval/held-out.ts';
import { formatEvalReport } from '../../src/eval/report.ts';
import { type EvalReport, runEval } from '../../src/eval/runner.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../datasets/scoring/corpus.jsonl');

let report: EvalReport;

beforeAll(async () => {
  const knowledge = await loadKnowledge();
  const items = await loadLabeledSet(CORPUS);
  report = await runEval({
    knowledge,
    scorer: new OfflineScorer({ knowledge }),
    scorerFor: scorersByHeldOutWriter(knowledge, items),
    items,
  });
  console.log(formatEvalReport(report, 'datasets/scoring/corpus.jsonl (leave-one-writer-out)'));
}, 180_000);

describe('offline scorer on writers held out from training', () => {
  it('scores every answer with a model that never saw its writer', () => {
    expect(report.protocol).toBe('leave-one-writer-out');
    expect(report.byWriter.length).toBeGreaterThanOrEqual(6);
    expect(report.n).toBeGreaterThanOrEqual(600);
  });

  it('reaches QWK ≥ 0.70 and Spearman ≥ 0.70, each ≥ 0.25 above the length-only baseline', () => {
    expectAgreementTargets(report);
  });

  it('stays within half a level on average for the voices candidates write in', () => {
    for (const kind of [
      'terse-expert',
      'bullet-outline',
      'padded',
      'spoken',
      'non-native',
      'chinese',
      'new-grad',
      'data-scientist',
      'addresses-grader',
      'confidently-wrong',
      // +0.94 before the second round of catalogues; +0.53 once the catalogue of wrong claims was
      // widened; +0.47 with the context-fit feature, +0.43 with the wrong-likeness feature (README,
      // "How good the scores are").
      'keyword-stuffed',
    ]) {
      const group = report.byKind.find((k) => k.kind === kind)!;
      expect(Math.abs(group.bias), kind).toBeLessThanOrEqual(0.5);
    }
  });

  it('holds for every writer held out: QWK ≥ 0.70', () => {
    // w11 and w12 write mostly wrong content (keyword-stuffed and confidently-wrong answers,
    // labeled 1). w11 was the last one short: 0.63 before the second round of catalogues, 0.68
    // with the widened catalogues, 0.71 with the context-fit feature, 0.78 with the
    // wrong-likeness feature.
    for (const writer of report.byWriter)
      expect(writer.qwk, writer.kind).toBeGreaterThanOrEqual(0.7);
  });
});

/** The agreement targets: QWK and Spearman ≥ 0.70, each ≥ 0.25 above the length baseline. */
function expectAgreementTargets(r: EvalReport): void {
  expect(r.qwk).toBeGreaterThanOrEqual(0.7);
  expect(r.spearman).toBeGreaterThanOrEqual(0.7);
  expect(r.qwk - r.baseline.qwk).toBeGreaterThanOrEqual(0.25);
  expect(r.spearman - r.baseline.spearman).toBeGreaterThanOrEqual(0.25);
}

/** A measurement set scored by the committed model (never trained or tuned on), its report printed. */
async function measured(set: string, title: string): Promise<EvalReport> {
  const knowledge = await loadKnowledge();
  const items = await loadLabeledSet(
    path.resolve(import.meta.dirname, `../../datasets/scoring/${set}`),
  );
  const report = await runEval({ knowledge, scorer: new OfflineScorer({ knowledge }), items });
  console.log(formatEvalReport(report, `datasets/scoring/${set} (${title})`));
  return report;
}

describe('committed offline model on a seventh writer never used for design or training', () => {
  it('reaches QWK ≥ 0.70 and Spearman ≥ 0.70, each ≥ 0.25 above the length-only baseline', async () => {
    const holdout = await measured('holdout.jsonl', 'writer w7, never seen');
    expectAgreementTargets(holdout);
    for (const item of holdout.items.filter((i) => i.kind === 'other-stage')) {
      expect(item.level, item.id).toBe(1);
    }
  }, 60_000);
});

describe('committed offline model on three more writers never trained on', () => {
  it('scores every answer to another stage 1, and keeps strong answers within half a level', async () => {
    const fresh = await measured('fresh.jsonl', 'writers w13-w15, never trained on');
    expect(fresh.qwk).toBeGreaterThanOrEqual(0.7);
    expect(fresh.qwk - fresh.baseline.qwk).toBeGreaterThanOrEqual(0.25);
    const others = fresh.items.filter((i) => i.kind === 'other-stage');
    expect(others.length).toBe(36);
    for (const item of others) expect(item.level, item.id).toBe(1);
    const bias = (kind: string) => fresh.byKind.find((k) => k.kind === kind)!.bias;
    expect(Math.abs(bias('strong'))).toBeLessThanOrEqual(0.5);
    // Wrong content within the target: confidently-wrong +0.33; keyword-stuffed +0.44 (+0.78
    // before the catalogue of wrong claims was widened, +0.56 before the context-fit feature,
    // +0.44 with it, +0.50 once the second development set's claims were added and the model
    // retrained, +0.44 once answers held at 1 by the wrong-ideas rule left training, +0.44 with
    // the wrong-likeness feature).
    expect(Math.abs(bias('confidently-wrong'))).toBeLessThanOrEqual(0.5);
    expect(Math.abs(bias('keyword-stuffed'))).toBeLessThanOrEqual(0.5);
  }, 60_000);
});

describe('committed offline model on answers written to fool it, never used for design', () => {
  it('keeps keyword-stuffed, confidently-wrong and strong answers within half a level', async () => {
    const fooling = await measured('wrong-content.jsonl', 'writers w8-w10, written to fool it');
    expect(fooling.qwk).toBeGreaterThanOrEqual(0.7);
    expect(fooling.qwk - fooling.baseline.qwk).toBeGreaterThanOrEqual(0.25);
    const bias = (kind: string) => fooling.byKind.find((k) => k.kind === kind)!.bias;
    // Keyword-stuffed +0.47 (+1.50 when the set was written, +0.57 before the wrong-likeness
    // feature), confidently-wrong +0.47, strong −0.32 (README, "How good the scores are").
    expect(Math.abs(bias('keyword-stuffed'))).toBeLessThanOrEqual(0.5);
    expect(Math.abs(bias('confidently-wrong'))).toBeLessThanOrEqual(0.5);
    expect(Math.abs(bias('strong'))).toBeLessThanOrEqual(0.5);
  }, 60_000);
});

describe('committed offline model on a fourth independent set, written after every change to it', () => {
  it('meets every target of the scoring issue on writers it never saw', async () => {
    const unseen = await measured('fresh2.jsonl', 'writers w16-w18, written after the scorer');
    expectAgreementTargets(unseen);
    const others = unseen.items.filter((i) => i.kind === 'other-stage');
    expect(others.length).toBe(24);
    for (const item of others) expect(item.level, item.id).toBe(1);
    // Strong −0.33 (−0.58 on the commit before the wrong-likeness feature, −0.42 before figures
    // in words were read), keyword-stuffed +0.29, confidently-wrong +0.38 (README, "How good the
    // scores are").
    for (const group of unseen.byKind)
      expect(Math.abs(group.bias), group.kind).toBeLessThanOrEqual(0.5);
  }, 60_000);
});

describe('committed offline model on a sixth set: ordinary answers in five voices, never tuned on', () => {
  it('meets the agreement targets and keeps every voice within ±0.5', async () => {
    const voices = await measured('fresh3.jsonl', 'writers w19-w23, one voice each');
    expectAgreementTargets(voices);
    // The terse expert is the voice closest to the bound (README, "How good the scores are").
    // Measured once when it was written; as a gate in npm test, later changes to the scorer are
    // checked against it, so from then on it is held out from tuning, not from every look.
    expect(voices.byKind.map((g) => g.kind).sort()).toEqual([
      'chinese',
      'new-grad',
      'non-native',
      'padded',
      'terse-expert',
    ]);
    for (const group of voices.byKind)
      expect(Math.abs(group.bias), group.kind).toBeLessThanOrEqual(0.5);
  }, 60_000);
});
