/**
 * Measures the diagram critique and the estimate checker on labeled sets (eval/diagrams.jsonl,
 * eval/estimates.jsonl): the share of planted defects found, the share of correct items given
 * any finding (false findings), and the share of malformed items answered with a clear message
 * and no crash. Items run through `reviewAnswer` and the wording, as the interviewer sees them.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DiagramFinding } from '../diagrams/critique.ts';
import type { EstimateFinding } from '../estimates/check.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { reviewAnswer } from '../review/review.ts';
import { diagramAsk, estimateAsk, problemText } from '../review/wording.ts';

export const ReviewItemSchema = z.object({
  id: z.string().min(1),
  scenario: z.string().min(1),
  kind: z.enum(['correct', 'defect', 'malformed']),
  lang: z.enum(['en', 'zh']),
  answer: z.string(),
  expect: z.array(z.string()),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

export async function loadReviewSet(file: string): Promise<ReviewItem[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const parsed = ReviewItemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

function keysOf(f: DiagramFinding | EstimateFinding): string[] {
  const subject =
    'component' in f ? f.component : 'flow' in f ? f.flow : 'fact' in f ? f.fact : undefined;
  return subject ? [f.code, `${f.code}:${subject}`] : [f.code];
}

export interface ReviewItemResult {
  id: string;
  kind: ReviewItem['kind'];
  expected: string[];
  found: string[];
  ok: boolean;
  message?: string;
  error?: string;
}

export interface ReviewEvalReport {
  set: string;
  n: number;
  planted: number;
  plantedFound: number;
  /** Planted defects found, 0–1. */
  defectRecall: number;
  correct: number;
  correctWithFindings: number;
  /** Correct items given any finding, 0–1. */
  falseFindingRate: number;
  malformed: number;
  malformedAnswered: number;
  /** Malformed items answered with a clear message and no crash, 0–1. */
  malformedAnsweredRate: number;
  items: ReviewItemResult[];
}

export async function runReviewEval(
  knowledge: Knowledge,
  set: string,
  items: ReviewItem[],
): Promise<ReviewEvalReport> {
  const results: ReviewItemResult[] = [];
  for (const item of items) {
    const scenario = knowledge.scenarios.get(item.scenario);
    const expects = scenario?.diagram;
    if (!scenario || !expects) {
      results.push({
        id: item.id,
        kind: item.kind,
        expected: item.expect,
        found: [],
        ok: false,
        error: `unknown scenario ${item.scenario}`,
      });
      continue;
    }
    try {
      const review = await reviewAnswer(scenario, item.answer);
      const found = [...review.diagram, ...review.estimates].flatMap(keysOf);
      const messages = [
        ...review.problems.map((p) => problemText(p, item.lang)),
        ...review.estimates
          .filter((f) => f.code === 'unreadable')
          .map((f) => estimateAsk(f, item.lang)),
      ];
      // Every finding must also be sayable: wording a finding is part of answering it.
      for (const f of review.diagram) diagramAsk(f, expects, item.lang);
      for (const f of review.estimates) estimateAsk(f, item.lang);
      if (messages.length > 0) found.push('problem');
      const ok =
        item.kind === 'correct'
          ? found.length === 0
          : item.expect.every((key) => found.includes(key)) &&
            (item.kind !== 'malformed' || (messages[0] ?? '').length > 20);
      results.push({
        id: item.id,
        kind: item.kind,
        expected: item.expect,
        found: [...new Set(found)],
        ok,
        ...(messages[0] ? { message: messages[0] } : {}),
      });
    } catch (error) {
      results.push({
        id: item.id,
        kind: item.kind,
        expected: item.expect,
        found: [],
        ok: false,
        error: String(error),
      });
    }
  }
  const of = (kind: ReviewItem['kind']) => results.filter((r) => r.kind === kind);
  const planted = of('defect').reduce((n, r) => n + r.expected.length, 0);
  const plantedFound = of('defect').reduce(
    (n, r) => n + r.expected.filter((k) => r.found.includes(k)).length,
    0,
  );
  const correct = of('correct').length;
  const correctWithFindings = of('correct').filter((r) => !r.ok).length;
  const malformed = of('malformed').length;
  const malformedAnswered = of('malformed').filter((r) => r.ok).length;
  const rate = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    set,
    n: results.length,
    planted,
    plantedFound,
    defectRecall: rate(plantedFound, planted),
    correct,
    correctWithFindings,
    falseFindingRate: rate(correctWithFindings, correct),
    malformed,
    malformedAnswered,
    malformedAnsweredRate: rate(malformedAnswered, malformed),
    items: results,
  };
}
