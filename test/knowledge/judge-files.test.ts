/** The judge's knowledge: checks.yaml merged into the criteria, model-answers/ into scenarios. */
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { problemsOf as loadProblems, throwawayCopies } from './throwaway-copies.ts';

const MINI = path.resolve(import.meta.dirname, '../fixtures/knowledge-mini');

const copyOf = throwawayCopies('mli-judge-knowledge-');
const knowledgeCopy = () => copyOf(MINI);
const problemsOf = async (dir: string) => (await loadProblems(dir)).join('\n');

const stage = (k: Awaited<ReturnType<typeof loadKnowledge>>, id: string) =>
  k.framework.stages.find((s) => s.id === id)!;

describe('the judge’s knowledge files', () => {
  it('the shipped knowledge base has written checks, in both languages, for every criterion', async () => {
    const k = await loadKnowledge();
    const criteria = k.framework.stages.flatMap((s) => s.criteria);
    expect(criteria.filter((c) => !c.checks).map((c) => c.id)).toEqual([]);
    for (const c of criteria) {
      expect(new Set(c.checks!.map((check) => check.level))).toEqual(new Set([2, 3, 4]));
    }
  });

  it('merges written checks into their criteria and attaches reference answers by stage', async () => {
    const k = await loadKnowledge(MINI);
    expect(stage(k, 'metrics').criteria.every((c) => c.checks && c.checks.length >= 3)).toBe(true);
    expect(stage(k, 'modeling').criteria.some((c) => c.checks)).toBe(false);
    const recsys = k.scenarios.get('mini-recsys')!;
    expect(recsys.referenceAnswers?.metrics?.en).toMatch(/^Offline, NDCG@10/);
    expect(recsys.referenceAnswers?.modeling).toBeUndefined();
    // No file: no reference answers at all.
    expect(k.scenarios.get('mini-fraud')!.referenceAnswers).toBeUndefined();
  });

  it('loads without checks.yaml or model-answers/ (the judge then derives its checks)', async () => {
    const dir = knowledgeCopy();
    unlinkSync(path.join(dir, 'checks.yaml'));
    rmSync(path.join(dir, 'model-answers'), { recursive: true });
    const k = await loadKnowledge(dir);
    expect(k.framework.stages.some((s) => s.criteria.some((c) => c.checks))).toBe(false);
    expect(k.scenarios.get('mini-recsys')!.referenceAnswers).toBeUndefined();
  });

  it('names the file and path of a check for an unknown criterion or a level without checks', async () => {
    const dir = knowledgeCopy();
    const checks = path.join(dir, 'checks.yaml');
    const three = ['      - { level: 2, en: a, zh: 甲 }', '      - { level: 3, en: b, zh: 乙 }'];
    writeFileSync(
      checks,
      [
        'version: 1',
        'stages:',
        '  metrics:',
        '    offline-metric:',
        ...three,
        '      - { level: 4, en: c, zh: 丙 }',
      ].join('\n'),
    );
    expect(await problemsOf(dir)).toContain(
      'checks.yaml: stages.metrics.offline-metric: stage "metrics" has no such criterion (it has: offline-metrics, online-metrics, metric-tradeoffs)',
    );
    writeFileSync(
      checks,
      [
        'version: 1',
        'stages:',
        '  metrics:',
        '    online-metrics:',
        ...three,
        '      - { level: 3, en: c, zh: 丙 }',
      ].join('\n'),
    );
    expect(await problemsOf(dir)).toContain(
      'checks.yaml: stages.metrics.online-metrics: needs at least one check at level 4',
    );
    writeFileSync(
      checks,
      [
        'version: 1',
        'stages:',
        '  metrics:',
        '    online-metrics:',
        ...three,
        '      - { level: 4, en: c }',
      ].join('\n'),
    );
    expect(await problemsOf(dir)).toContain('checks.yaml: stages.metrics.online-metrics.2.zh:');
  });

  it('names the file and path of a broken model-answers file', async () => {
    const dir = knowledgeCopy();
    const answers = path.join(dir, 'model-answers');
    writeFileSync(
      path.join(answers, 'mini-fraud.yaml'),
      'scenario: mini-recsys\nstages:\n  metrics: { en: "x" }\n',
    );
    writeFileSync(path.join(answers, 'no-such.yaml'), 'scenario: no-such\nstages: {}\n');
    writeFileSync(
      path.join(answers, 'mini-recsys.yaml'),
      'scenario: mini-recsys\nstages:\n  metricz: { en: "x" }\n  modeling: { en: 3 }\n',
    );
    const problems = await problemsOf(dir);
    expect(problems).toContain(
      'model-answers/mini-fraud.yaml: scenario: is "mini-recsys" but the file name says "mini-fraud"',
    );
    expect(problems).toContain('model-answers/no-such.yaml: scenario: no scenario "no-such"');
    expect(problems).toContain(
      'model-answers/mini-recsys.yaml: stages: Unrecognized key: "metricz"',
    );
    expect(problems).toMatch(/model-answers\/mini-recsys\.yaml: stages\.modeling\.en: /);
  });
});
