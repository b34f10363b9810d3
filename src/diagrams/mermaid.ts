/**
 * Mermaid flowcharts read with @probelabs/maid: a Chevrotain parser of Mermaid's flowchart
 * grammar that runs in Node without a browser. (`@mermaid-js/parser` has no flowchart grammar,
 * and `mermaid` itself needs a DOM: DOMPurify fails on import in Node.) We only want the graph,
 * so the layout and SVG steps are replaced by no-ops.
 *
 * maid is loaded at the first Mermaid block, not at start-up (bench/startup.ts prints what that
 * saves): most answers hold no diagram, and arrow text needs no parser library.
 */
import { DIAGRAM_LIMITS, type DiagramGraph, type ParsedDiagram } from './graph.ts';
import { asciiIds, restoreIds } from './mermaid-ids.ts';

type Maid = typeof import('@probelabs/maid');
type RenderOptions = NonNullable<Parameters<Maid['renderMermaid']>[1]>;

let maid: Promise<Maid> | null = null;
const loadMaid = (): Promise<Maid> => {
  maid ??= import('@probelabs/maid');
  return maid;
};
type Layout = ReturnType<NonNullable<RenderOptions['layoutEngine']>['layout']>;

// The graph is all we read; skipping dagre and SVG makes a parse ~1 ms instead of ~3 ms.
const noLayout = {
  layout: (graph: { nodes: unknown[]; edges: unknown[] }) =>
    ({ nodes: graph.nodes, edges: graph.edges, width: 0, height: 0 }) as unknown as Layout,
};
const noRender = { render: () => '' };

const FLOWCHART_HEADER = /^\s*(flowchart|graph)\b/i;

export async function parseMermaid(block: string): Promise<ParsedDiagram> {
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
  const { renderMermaid, validate } = await loadMaid();
  // Chinese (any non-ASCII) node ids get ASCII stand-ins that maid's lexer accepts.
  const { text: parsable, originals } = asciiIds(text);
  const back = (s: string) => restoreIds(s, originals);
  const result = renderMermaid(parsable, {
    layoutEngine: noLayout as unknown as RenderOptions['layoutEngine'],
    renderer: noRender as unknown as RenderOptions['renderer'],
  });
  if (result.errors.length > 0) {
    // maid's validator words the same error more helpfully ("Unclosed '['…", with a hint).
    const friendly = validate(parsable).errors?.[0] ?? result.errors[0]!;
    const hint = 'hint' in friendly && friendly.hint ? ` (${friendly.hint})` : '';
    return {
      ok: false,
      problem: {
        source: 'mermaid',
        code: 'syntax',
        line: friendly.line,
        column: friendly.column,
        detail: back(`${friendly.message}${hint}`),
      },
    };
  }
  const graph: DiagramGraph = {
    source: 'mermaid',
    nodes: result.graph.nodes.map((n) => ({ id: n.id, label: back(n.label || n.id).trim() })),
    edges: result.graph.edges
      .filter((e) => e.type !== 'invisible')
      .map((e) => ({
        from: e.source,
        to: e.target,
        ...(e.label ? { label: back(e.label) } : {}),
        ...(e.type === 'dotted' ? { dotted: true } : {}),
      })),
  };
  if (graph.nodes.length === 0) return { ok: false, problem: { source: 'mermaid', code: 'empty' } };
  if (graph.nodes.length > DIAGRAM_LIMITS.nodes || graph.edges.length > DIAGRAM_LIMITS.edges)
    return { ok: false, problem: { source: 'mermaid', code: 'too-large' } };
  return { ok: true, graph };
}
