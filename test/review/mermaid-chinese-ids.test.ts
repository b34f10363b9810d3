/**
 * Chinese node ids in Mermaid: `召回 --> 排序` is valid Mermaid, but maid's lexer takes only
 * ASCII ids and failed on it ("Redundant input, expecting EOF but found: 召回") while
 * `A[召回] --> B[排序]` worked. Ids are given ASCII stand-ins before parsing and turned back
 * after, so the boxes keep their Chinese names and the critique reads them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { critiqueDiagram } from '../../src/diagrams/critique.ts';
import { extractDiagrams } from '../../src/diagrams/extract.ts';
import { parseMermaid } from '../../src/diagrams/mermaid.ts';
import { asciiIds, restoreIds } from '../../src/diagrams/mermaid-ids.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

async function labelsAndEdges(text: string) {
  const parsed = await parseMermaid(text);
  if (!parsed.ok) throw new Error(`did not parse: ${JSON.stringify(parsed.problem)}`);
  const label = (id: string) => parsed.graph.nodes.find((n) => n.id === id)?.label;
  return {
    labels: parsed.graph.nodes.map((n) => n.label),
    edges: parsed.graph.edges.map((e) => [
      label(e.from),
      label(e.to),
      e.label ?? '',
      Boolean(e.dotted),
    ]),
  };
}

describe('Mermaid with Chinese node ids', () => {
  it('bare Chinese ids parse, with the ids as the boxes’ names', async () => {
    expect(await labelsAndEdges('flowchart LR\n召回 --> 排序')).toEqual({
      labels: ['召回', '排序'],
      edges: [['召回', '排序', '', false]],
    });
  });

  it('keeps bracketed labels, edge labels (both forms), dotted arrows and reuse of an id', async () => {
    const text = [
      'flowchart LR',
      '  日志[曝光日志] -- 点击 --> 样本',
      '  样本 -.-> 训练',
      '  特征库 -->|特征| 排序模型("排序 (GBDT)")',
      '  训练 --> 排序模型',
    ].join('\n');
    expect(await labelsAndEdges(text)).toEqual({
      labels: ['曝光日志', '样本', '训练', '特征库', '排序 (GBDT)'],
      edges: [
        ['曝光日志', '样本', '点击', false],
        ['样本', '训练', '', true],
        ['特征库', '排序 (GBDT)', '特征', false],
        ['训练', '排序 (GBDT)', '', false],
      ],
    });
  });

  it('mixed ids, subgraphs and other non-ASCII ids (café) parse too; ASCII diagrams are untouched', async () => {
    const mixed = await labelsAndEdges(
      'flowchart TD\n  subgraph 离线\n  ranker排序 --> café\n  end\n  A[x] --> ranker排序',
    );
    expect(mixed.labels).toEqual(['ranker排序', 'café', 'x']);
    expect(asciiIds('flowchart LR\n  A[logs] --> B').text).toBe('flowchart LR\n  A[logs] --> B');
  });

  it('stand-ins are turned back in error messages; a real syntax error is still reported', async () => {
    const parsed = await parseMermaid('flowchart LR\n召回 --> [排序');
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'syntax', line: 2 } });
    const { text, originals } = asciiIds('flowchart LR\n召回 --> 排序');
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(restoreIds(text, originals)).toBe('flowchart LR\n召回 --> 排序');
  });

  it('a Chinese diagram with bare ids is critiqued by its Chinese component names', async () => {
    const answer = [
      '```mermaid',
      'flowchart LR',
      '  用户 --> 召回 --> 排序模型 --> 用户',
      '  排序模型 --> 曝光日志 --> 训练数据 --> 模型训练 --> 排序模型',
      '  特征库 --> 排序模型',
      '  离线特征 --> 训练数据',
      '```',
    ].join('\n');
    const { graph, problems } = await extractDiagrams(answer);
    expect(problems).toEqual([]);
    const findings = critiqueDiagram(
      graph!,
      knowledge.scenarios.get('youtube-recommendation')!.diagram!,
    );
    expect(findings).toContainEqual({
      code: 'training-serving-skew',
      trainingSide: '离线特征',
      servingSide: '特征库',
    });
    expect(findings.filter((f) => f.code === 'unknown-box')).toEqual([]);
  });
});
