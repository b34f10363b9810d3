import { describe, expect, it } from 'vitest';
import { isArrowLine, parseArrowText } from '../../src/diagrams/arrow-text.ts';
import { extractDiagrams } from '../../src/diagrams/extract.ts';
import { parseMermaid } from '../../src/diagrams/mermaid.ts';

describe('Mermaid flowcharts', () => {
  it('reads boxes, labels, edge labels and dotted arrows', async () => {
    const parsed = await parseMermaid(
      'flowchart LR\n  a[Impression logs] --> b[(特征库)]\n  b -->|features| c{{Ranker}}\n  c -.-> d[Monitoring]',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.graph.nodes.map((n) => n.label)).toEqual([
      'Impression logs',
      '特征库',
      'Ranker',
      'Monitoring',
    ]);
    expect(parsed.graph.edges).toEqual([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c', label: 'features' },
      { from: 'c', to: 'd', dotted: true },
    ]);
  });

  it('reads `graph TD`, chains and & fan-out', async () => {
    const parsed = await parseMermaid('graph TD\n  A --> B & C\n  B --> D --> E');
    expect(parsed.ok && parsed.graph.edges.length).toBe(4);
  });

  it('explains a syntax error with line and column', async () => {
    const parsed = await parseMermaid('flowchart LR\n  A[logs --> B');
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'syntax', line: 2 } });
    if (!parsed.ok) expect(parsed.problem.detail).toMatch(/Unclosed '\['/);
  });

  it('refuses other diagram types and empty blocks plainly', async () => {
    expect(await parseMermaid('sequenceDiagram\n a->>b: hi')).toMatchObject({
      ok: false,
      problem: { code: 'not-a-flowchart' },
    });
    expect(await parseMermaid('  \n')).toMatchObject({ ok: false, problem: { code: 'empty' } });
  });
});

describe('arrow text', () => {
  it('reads chains with ->, -->, →, => and labels', () => {
    const { graph, problems } = parseArrowText(
      'logs -> feature store --> ranker\n日志 → 特征库 → 排序\ncandidates -(top 500)-> ranker\napi -->|req| ranker\nA => B',
    );
    expect(problems).toEqual([]);
    expect(graph?.edges).toContainEqual({ from: 'feature store', to: 'ranker' });
    expect(graph?.edges).toContainEqual({ from: '特征库', to: '排序' });
    expect(graph?.edges).toContainEqual({ from: 'candidates', to: 'ranker', label: 'top 500' });
    expect(graph?.edges).toContainEqual({ from: 'api', to: 'ranker', label: 'req' });
  });

  it('strips bullets and numbering', () => {
    const { graph } = parseArrowText('- logs -> trainer\n2. trainer -> registry');
    expect(graph?.nodes.map((n) => n.label)).toEqual(['logs', 'trainer', 'registry']);
  });

  it('does not read arithmetic or prose as a diagram', () => {
    expect(isArrowLine('100M/day -> ~1,200 QPS')).toBe(false);
    expect(isArrowLine('Distill the encoder, small cost. Timeout -> BM25-only results.')).toBe(
      false,
    );
    expect(isArrowLine('just a sentence')).toBe(false);
  });

  it('reports an arrow with no box at one end', () => {
    const { graph, problems } = parseArrowText('logs -> -> ranker\n-> ranker');
    expect(graph).toBeNull();
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['dangling-arrow', 1],
      ['dangling-arrow', 2],
    ]);
  });
});

describe('extracting diagrams from an answer', () => {
  it('merges a Mermaid block and arrow lines, same label = same box', async () => {
    const found = await extractDiagrams(
      'Design:\n```mermaid\nflowchart LR\n  L[logs] --> T[trainer]\n```\nlogs -> feature store',
    );
    expect(found.graph?.nodes.map((n) => n.id).sort()).toEqual([
      'feature store',
      'logs',
      'trainer',
    ]);
    expect(found.prose).not.toMatch(/flowchart/);
  });

  it('reads an unfenced flowchart pasted on its own', async () => {
    const found = await extractDiagrams('flowchart LR\n  A[logs] --> B[trainer]');
    expect(found.graph?.edges).toHaveLength(1);
  });

  it('reports every unreadable block and never throws on junk', async () => {
    const found = await extractDiagrams(
      '```mermaid\nflowchart LR\n A[[[ -->\n```\n```mermaid\n```',
    );
    expect(found.graph).toBeNull();
    expect(found.problems.length).toBe(2);
    for (const junk of [
      '```mermaid',
      '->',
      '→→→',
      `\`\`\`mermaid\nflowchart LR\n${'A-->'.repeat(500)}`,
    ]) {
      await expect(extractDiagrams(junk)).resolves.toBeDefined();
    }
  });
});
