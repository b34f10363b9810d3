import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError, parseLabeledSet } from '../../src/eval/dataset.ts';
import { lengthBaseline, wordCount } from '../../src/eval/length-baseline.ts';
import { runEval } from '../../src/eval/runner.ts';
import type { StageScorer } from '../../src/engine/ports.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { levelOf } from '../../src/engine/levels.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../fixtures/scorer/knowledge');

const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'a',
    scenario: 'scorer-video',
    stage: 'serving',
    lang: 'en',
    answer: 'x',
    label: 2,
    ...over,
  });

describe('parseLabeledSet', () => {
  it('reads items, keeps extra fields, skips blank lines', () => {
    const items = parseLabeledSet(
      `${line({ kind: 'padded', note: 'n' })}\n\n${line({ id: 'b' })}\n`,
      'set.jsonl',
    );
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(items[0]!.kind).toBe('padded');
    expect((items[0] as Record<string, unknown>).note).toBe('n');
  });

  it('reports every problem with its line number', () => {
    const text = [
      line(),
      '{not json',
      line({ id: 'c', label: 5 }),
      line({ id: 'd', stage: 'nope', lang: 'fr' }),
      line(),
    ].join('\n');
    try {
      parseLabeledSet(text, 'set.jsonl');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      const problems = (error as DatasetError).problems.join('\n');
      expect(problems).toMatch(/set\.jsonl:2: not valid JSON/);
      expect(problems).toMatch(/set\.jsonl:3: label:/);
      expect(problems).toMatch(/set\.jsonl:4: stage:/);
      expect(problems).toMatch(/set\.jsonl:4: lang:/);
      expect(problems).toMatch(/set\.jsonl:5: id: "a" already used on line 1/);
    }
  });

  it('rejects an empty set', () => {
    expect(() => parseLabeledSet('\n\n', 'empty.jsonl')).toThrow(/no items/);
  });
});

describe('length-only baseline', () => {
  it('counts words in English and Chinese alike', () => {
    expect(wordCount('Use a two-tower model.')).toBe(5);
    expect(wordCount('我会用双塔模型')).toBeGreaterThanOrEqual(3);
  });

  it('maps the set’s length quartiles to levels 1–4, ties sharing a level', () => {
    const answers = [
      'a',
      'a b',
      'a b c',
      'a b c d',
      'a b c d e',
      'a b c d e f',
      'a b c d e f g',
      'a b c d e f g h',
    ];
    expect(lengthBaseline(answers).map((p) => p.level)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(lengthBaseline(['a', 'a', 'a', 'a']).map((p) => p.level)).toEqual([3, 3, 3, 3]);
    expect(lengthBaseline(answers).map((p) => p.score)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('runEval', () => {
  it('scores every item, compares with labels and the baseline, breaks down by kind, measures retest', async () => {
    const knowledge = await loadKnowledge(KNOWLEDGE_DIR);
    let calls = 0;
    // A fake scorer that returns the number of words (capped at 4), flipping one item on rerun.
    const scorer: StageScorer = {
      kind: 'llm',
      async score(input) {
        calls++;
        const words = Math.min(4, wordCount(input.answer));
        const score = input.answer === 'a b c' && calls > 4 ? 4 : words;
        return {
          stage: input.stage.id,
          scorer: input.answer === 'a' ? 'offline' : 'llm',
          score,
          level: levelOf(score),
          criteria: [],
          feedback: '',
          missedKeyPoints: [],
          notes: [],
        };
      },
    };
    const items = parseLabeledSet(
      [
        line({ id: '1', answer: 'a', label: 1, kind: 'short' }),
        line({ id: '2', answer: 'a b', label: 2, kind: 'short' }),
        line({ id: '3', answer: 'a b c', label: 3 }),
        line({ id: '4', answer: 'a b c d', label: 4 }),
      ].join('\n'),
      'mem',
    );
    const report = await runEval({ knowledge, scorer, items, repeat: 2 });
    expect(report.n).toBe(4);
    expect(report.qwk).toBe(1);
    expect(report.exact).toBe(1);
    expect(report.fallbacks).toBe(1);
    expect(report.items.map((i) => [i.id, i.label, i.level])).toEqual([
      ['1', 1, 1],
      ['2', 2, 2],
      ['3', 3, 3],
      ['4', 4, 4],
    ]);
    expect(report.byKind.map((k) => [k.kind, k.n])).toEqual([
      ['(none)', 2],
      ['short', 2],
    ]);
    expect(report.retest?.runs).toBe(2);
    expect(report.retest?.exact).toBe(0.75);
    expect(report.retest?.qwk).toBeLessThan(1);
  });

  it('names items whose scenario is unknown', async () => {
    const knowledge = await loadKnowledge(KNOWLEDGE_DIR);
    const items = parseLabeledSet(line({ id: 'x', scenario: 'nope' }), 'mem');
    const scorer = { kind: 'offline' as const, score: async () => expect.unreachable() };
    await expect(runEval({ knowledge, scorer, items })).rejects.toThrow(
      /item "x": unknown scenario "nope"/,
    );
  });
});
