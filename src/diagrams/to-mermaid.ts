/**
 * A graph of boxes and arrows written out as a Mermaid flowchart, e.g. one an LLM read from an
 * image. Ids are generated (`n1`, `n2`…) and labels quoted, so any label text (Chinese,
 * brackets, arrows) survives; characters that would end a quoted label or an edge label are
 * replaced. The result parses back with parseMermaid into the same boxes and arrows.
 */
import type { DiagramGraph } from './graph.ts';

const MAX_LABEL = 60;

function nodeLabel(text: string): string {
  return text
    .replace(/["`]/g, "'")
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LABEL);
}

function edgeLabel(text: string): string {
  // Inside `-->|…|` a pipe ends the label and quotes confuse the parser.
  return nodeLabel(text).replace(/[|]/g, '/');
}

export function graphToMermaid(graph: DiagramGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    lines.push(`  ${ids.get(node.id)}["${nodeLabel(node.label) || node.id}"]`);
  }
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    const arrow = edge.dotted ? '-.->' : '-->';
    const label = edge.label ? edgeLabel(edge.label) : '';
    lines.push(`  ${from} ${arrow}${label ? `|${label}|` : ''} ${to}`);
  }
  return lines.join('\n');
}
