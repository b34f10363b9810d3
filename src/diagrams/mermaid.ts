/**
 * Mermaid flowcharts read with @probelabs/maid: a Chevrotain parser of Mermaid's flowchart
 * grammar that runs in Node without a browser. (`@mermaid-js/parser` has no flowchart grammar,
 * and `mermaid` itself needs a DOM: DOMPurify fails on import in Node.) We only want the graph,
 * so the layout and SVG steps are replaced by no-ops.
 */
import { renderMermaid, validate } from '@probelabs/maid';
import { DIAGRAM_LIMITS, type DiagramGraph, type ParsedDiagram } from './graph.ts';

type RenderOptions = NonNullable<Parameters<typeof renderMermaid>[1]>;
type Layout = ReturnType<NonNullable<RenderOptions['layoutEngine']>['layout']>;

// The graph is all we read; skipping dagre and SVG makes a parse ~1 ms instead of ~3 ms.
const noLayout = {
  layout: (graph: { nodes: unknown[]; edges: unknown[] }) =>
    ({ nodes: graph.nodes, edges: graph.edges, width: 0, height: 0 }) as unknown as Layout,
};
const noRender = { render: () => '' };

const FLOWCHART_HEADER = /^\s*(flowchart|graph)\b/i;

export function parseMermaid(block: string): ParsedDiagram {
  const text = block.replace(/^\s*%%.*$/gm, '').trim();
  if (text === '') return { ok: false, problem: { source: 'mermaid', code: 'empty' } };
  if (text.length > DIAGRAM_LIMITS.blockChars)
    return { ok: false, problem: { source: 'mermaid', code: 'too-large' } };
  const firstLine = text.split('\n')[0] ?? '';
  if (!FLOWCHART_HEADER.test(firstLine)) {
    return {
      ok: false,
      problem: { source: 'mermaid', code: 'not-a-flowchart', detail: firstLine.slice(0, 40) },
    };
  }
  const result = renderMermaid(text, {
    layoutEngine: noLayout as unknown as RenderOptions['layoutEngine'],
    renderer: noRender as unknown as RenderOptions['renderer'],
  });
  if (result.errors.length > 0) {
    // maid's validator words the same error more helpfully ("Unclosed '['…", with a hint).
    const friendly = validate(text).errors?.[0] ?? result.errors[0]!;
    const hint = 'hint' in friendly && friendly.hint ? ` (${friendly.hint})` : '';
    return {
      ok: false,
      problem: {
        source: 'mermaid',
        code: 'syntax',
        line: friendly.line,
        column: friendly.column,
        detail: `${friendly.message}${hint}`,
      },
    };
  }
  const graph: DiagramGraph = {
    source: 'mermaid',
    nodes: result.graph.nodes.map((n) => ({ id: n.id, label: (n.label || n.id).trim() })),
    edges: result.graph.edges
      .filter((e) => e.type !== 'invisible')
      .map((e) => ({
        from: e.source,
        to: e.target,
        ...(e.label ? { label: e.label } : {}),
        ...(e.type === 'dotted' ? { dotted: true } : {}),
      })),
  };
  if (graph.nodes.length === 0) return { ok: false, problem: { source: 'mermaid', code: 'empty' } };
  if (graph.nodes.length > DIAGRAM_LIMITS.nodes || graph.edges.length > DIAGRAM_LIMITS.edges)
    return { ok: false, problem: { source: 'mermaid', code: 'too-large' } };
  return { ok: true, graph };
}
