/** Human-readable `eval` output: the figures, the baseline, the margin, and a per-kind table. */
import Table from 'cli-table3';
import type { Agreement } from './metrics.ts';
import type { EvalReport } from './runner.ts';

const plain = { head: [], border: [] }; // no colors: the output is often piped or logged

const f2 = (v: number) => v.toFixed(2);
const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;

function figuresRow(name: string, a: Agreement): string[] {
  return [name, f2(a.qwk), f2(a.spearman), f2(a.exact), f2(a.adjacent), f2(a.mae)];
}

export function formatEvalReport(report: EvalReport, setName: string): string {
  const lines: string[] = [];
  lines.push(`${setName}: ${report.n} labeled answers, scorer: ${report.scorer}`);
  if (report.fallbacks > 0) {
    lines.push(`note: ${report.fallbacks} answers were scored offline (the LLM scorer fell back)`);
  }

  const figures = new Table({
    head: ['', 'QWK', 'Spearman', 'exact', 'adjacent', 'MAE'],
    style: plain,
  });
  figures.push(
    figuresRow(report.scorer, report),
    figuresRow('length-only baseline', report.baseline),
    [
      'margin over baseline',
      signed(report.qwk - report.baseline.qwk),
      signed(report.spearman - report.baseline.spearman),
      signed(report.exact - report.baseline.exact),
      signed(report.adjacent - report.baseline.adjacent),
      signed(report.mae - report.baseline.mae),
    ],
  );
  lines.push(figures.toString());

  if (report.retest) {
    lines.push(
      `test-retest over ${report.retest.runs} runs: QWK ${f2(report.retest.qwk)}, same level ${f2(report.retest.exact)}`,
    );
  }

  const kinds = new Table({
    head: [
      'kind',
      'n',
      'mean label',
      'mean score',
      'bias',
      'exact',
      'adjacent',
      'MAE',
      'baseline MAE',
    ],
    style: plain,
  });
  for (const k of report.byKind) {
    kinds.push([
      k.kind,
      String(k.n),
      f2(k.meanLabel),
      f2(k.meanScore),
      signed(k.bias),
      f2(k.exact),
      f2(k.adjacent),
      f2(k.mae),
      f2(k.baselineMae),
    ]);
  }
  lines.push('by kind (bias = mean of level − label):');
  lines.push(kinds.toString());
  lines.push(
    'QWK, exact, adjacent and MAE compare integer levels with the labels; Spearman ranks the stage scores.',
  );
  lines.push(
    'Length-only baseline: the set’s word-count quartiles mapped to levels 1–4 (Spearman on raw length).',
  );
  return `${lines.join('\n')}\n`;
}
