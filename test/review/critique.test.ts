import { beforeAll, describe, expect, it } from 'vitest';
import { critiqueDiagram } from '../../src/diagrams/critique.ts';
import { extractDiagrams } from '../../src/diagrams/extract.ts';
import type { ScenarioDiagram } from '../../src/knowledge/diagram-schema.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { diagramAsk, diagramNote } from '../../src/review/wording.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

const expects = (id: string): ScenarioDiagram => knowledge.scenarios.get(id)!.diagram!;
async function critique(id: string, text: string) {
  const { graph } = await extractDiagrams(text);
  expect(graph).not.toBeNull();
  return critiqueDiagram(graph!, expects(id));
}
const codes = async (id: string, text: string) => (await critique(id, text)).map((f) => f.code);

const GOOD = [
  'user -> api gateway -> candidate generation -> ranker -> re-ranking -> user',
  'ranker -> impression logs -> training data -> trainer -> model registry -> ranker',
  'feature pipeline -> feature store -> ranker',
  'feature store -> training data',
  'ranker -> monitoring',
];
const good = (...replace: [string, string][]) =>
  replace.reduce((text, [a, b]) => text.replace(a, b), GOOD.join('\n'));

describe('diagram critique', async () => {
  it('every scenario has diagram expectations with monitoring and a feedback flow', () => {
    expect(knowledge.scenarios.size).toBeGreaterThanOrEqual(17);
    for (const scenario of knowledge.scenarios.values()) {
      expect(scenario.diagram, scenario.id).toBeDefined();
      expect(scenario.diagram!.requires.map((c) => c.id)).toContain('monitoring');
      expect(scenario.diagram!.flows.map((f) => f.id)).toContain('feedback-to-training');
    }
  });

  it('finds nothing wrong with a complete design', async () => {
    expect(await codes('youtube-recommendation', GOOD.join('\n'))).toEqual([]);
  });

  it('misses candidate generation before ranking at scale', async () => {
    const text = good(['api gateway -> candidate generation -> ranker', 'api gateway -> ranker']);
    expect(await critique('youtube-recommendation', text)).toContainEqual({
      code: 'missing-component',
      component: 'candidate-generation',
    });
    // A fraud check scores one transaction: no candidate generation needed.
    expect(await critique('fraud-detection', text)).not.toContainEqual({
      code: 'missing-component',
      component: 'candidate-generation',
    });
  });

  it('sees features computed separately for training and serving', async () => {
    const text = good(['feature store -> training data', 'spark batch features -> training data']);
    expect(await critique('youtube-recommendation', text)).toContainEqual({
      code: 'training-serving-skew',
      trainingSide: 'spark batch features',
      servingSide: 'feature pipeline',
    });
  });

  it("sees labels made from the model's own decisions, not logged outcomes", async () => {
    const text = `${GOOD.join('\n')}\nranker -(predictions as labels)-> training data`;
    expect(await codes('youtube-recommendation', text)).toContain('self-labels');
    const logged = `${GOOD.join('\n')}\nranker -(logged impressions)-> training data`;
    expect(await codes('youtube-recommendation', logged)).not.toContain('self-labels');
  });

  it('sees a heavy model on the synchronous path, not on an async one', async () => {
    const sync = good([
      'candidate generation -> ranker',
      'candidate generation -> LLM reranker -> ranker',
    ]);
    expect(await critique('youtube-recommendation', sync)).toContainEqual({
      code: 'heavy-sync-model',
      box: 'LLM reranker',
      budgetMs: 200,
    });
    const offline = `${GOOD.join('\n')}\ntraining data -> LLM labeler (offline) -> training data`;
    expect(await codes('youtube-recommendation', offline)).not.toContain('heavy-sync-model');
    // A 2-second RAG budget has room for an LLM.
    expect(await codes('document-qa', sync)).not.toContain('heavy-sync-model');
  });

  it('misses the feedback path and asks about boxes it cannot place', async () => {
    const text = good([
      'ranker -> impression logs -> training data -> trainer',
      'ranker -> impression logs\ntraining data -> trainer',
    ]);
    const withOdd = `${text}\nranker -> flux capacitor`;
    const findings = await critique('youtube-recommendation', withOdd);
    expect(findings).toContainEqual({ code: 'missing-flow', flow: 'feedback-to-training' });
    expect(findings).toContainEqual({ code: 'unknown-box', box: 'flux capacitor' });
  });

  it('recognises Chinese boxes', async () => {
    const zh = [
      '用户 -> 网关 -> 召回 -> 排序模型 -> 重排 -> 用户',
      '排序模型 -> 曝光日志 -> 训练数据 -> 模型训练 -> 模型仓库 -> 排序模型',
      '特征计算 -> 特征库 -> 排序模型',
      '特征库 -> 训练数据',
      '排序模型 -> 监控',
    ].join('\n');
    expect(await codes('youtube-recommendation', zh)).toEqual([]);
    expect(await codes('youtube-recommendation', zh.replace('排序模型 -> 监控', ''))).toEqual([
      'missing-component',
    ]);
  });

  it('words every finding in both languages without live mentions', async () => {
    const text = `${good(['feature store -> training data', 'batch features -> training data'])}\nranker -> @everyone box`;
    for (const f of await critique('youtube-recommendation', text)) {
      for (const lang of ['en', 'zh'] as const) {
        const ask = diagramAsk(f, expects('youtube-recommendation'), lang);
        const note = diagramNote(f, expects('youtube-recommendation'), lang);
        expect(ask.length).toBeGreaterThan(10);
        expect(`${ask}${note}`).not.toContain('@');
      }
    }
  });
});
