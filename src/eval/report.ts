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

  lines.push(confusionTable(report.confusion));
  for (const [title, groups] of [
    ['kind', report.byKind],
    ['writer', report.byWriter],
    ['stage', report.byStage],
    ['language', report.byLang],
  ] as const) {
    if (title !== 'kind' && groups.length < 2) continue;
    lines.push(`by ${title} (bias = mean of level − label):`);
    lines.push(groupTable(title, groups));
  }
  if (report.protocol === 'leave-one-writer-out') {
    lines.push(
      "Leave-one-writer-out: each writer's answers were scored by a model trained only on the other writers' answers.",
    );
  }
  lines.push(
    'QWK, exact, adjacent and MAE compare integer levels with the labels; Spearman ranks the stage scores.',
  );
  lines.push(
    'Length-only baseline: the set’s word-count quartiles mapped to levels 1–4 (Spearman on raw length).',
  );
  return `${lines.join('\n')}\n`;
}

function confusionTable(confusion: readonly number[][]): string {
  const table = new Table({ head: ['label \\ level', '1', '2', '3', '4'], style: plain });
  for (const [i, row] of confusion.entries()) table.push([String(i + 1), ...row.map(String)]);
  return `confusion (rows: label, columns: scored level):\n${table.toString()}`;
}

function groupTable(title: string, groups: EvalReport['byKind']): string {
  const kinds = new Table({
    head: [
      title,
      'n',
      'mean label',
      'mean score',
      'bias',
      'QWK',
      'exact',
      'adjacent',
      'MAE',
      'baseline MAE',
    ],
    style: plain,
  });
  for (const k of groups) {
    kinds.push([
      k.kind,
      String(k.n),
      f2(k.meanLabel),
      f2(k.meanScore),
      signed(k.bias),
      f2(k.qwk),
      f2(k.exact),
      f2(k.adjacent),
      f2(k.mae),
      f2(k.baselineMae),
    ]);
  }
  return kinds.toString();
}
