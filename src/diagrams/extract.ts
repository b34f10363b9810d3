/**
 * Finds the diagrams in an answer: fenced ```mermaid blocks (an unclosed fence runs to the end)
 * and arrow-text lines outside them. Several arrow lines make one graph; each Mermaid block is
 * its own graph, and all of them are merged for the critique.
 */
import { parseArrowText } from './arrow-text.ts';
import type { DiagramEdge, DiagramGraph, DiagramNode, DiagramProblem } from './graph.ts';
import { parseMermaid } from './mermaid.ts';

const FENCE = /```[ \t]*mermaid[^\n]*\n([\s\S]*?)(?:```|$)/giu;
/** A flowchart pasted without a fence still starts with its header line. */
const BARE_FLOWCHART = /^(?:flowchart|graph)\s+(?:TD|TB|BT|LR|RL)\b[\s\S]*$/imu;

export interface ExtractedDiagrams {
  /** All readable diagrams merged into one graph; null when there is none. */
  graph: DiagramGraph | null;
  problems: DiagramProblem[];
  /** The answer with Mermaid blocks removed (what remains is prose, arrow lines included). */
  prose: string;
}

export async function extractDiagrams(answer: string): Promise<ExtractedDiagrams> {
  const graphs: DiagramGraph[] = [];
  const problems: DiagramProblem[] = [];
  const blocks = [...answer.matchAll(FENCE)].map((m) => m[1]!);
  for (const parsed of await Promise.all(blocks.map(parseMermaid))) {
    if (parsed.ok) graphs.push(parsed.graph);
    else problems.push(parsed.problem);
  }
  let prose = answer.replace(FENCE, '\n');
  if (graphs.length === 0 && problems.length === 0) {
    const bare = BARE_FLOWCHART.exec(prose);
    if (bare) {
      const parsed = await parseMermaid(bare[0]);
      if (parsed.ok) {
        graphs.push(parsed.graph);
        prose = prose.slice(0, bare.index);
      }
    }
  }
  const arrows = parseArrowText(prose);
  if (arrows.graph) graphs.push(arrows.graph);
  problems.push(...arrows.problems);
  return { graph: merge(graphs), problems, prose };
}

function merge(graphs: DiagramGraph[]): DiagramGraph | null {
  if (graphs.length === 0) return null;
  if (graphs.length === 1) return graphs[0]!;
  // Ids are only unique within one diagram; the same label in two diagrams is the same box.
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (const g of graphs) {
    const idOf = new Map(g.nodes.map((n) => [n.id, n.label.toLowerCase()]));
    for (const n of g.nodes) {
      const id = n.label.toLowerCase();
      if (!nodes.some((m) => m.id === id)) nodes.push({ id, label: n.label });
    }
    for (const e of g.edges)
      edges.push({ ...e, from: idOf.get(e.from) ?? e.from, to: idOf.get(e.to) ?? e.to });
  }
  return { source: graphs[0]!.source, nodes, edges };
}
