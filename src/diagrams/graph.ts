/** A diagram as a graph of boxes and arrows, whatever notation it was written in. */

export interface DiagramNode {
  /** Stable within one diagram (the Mermaid id, or the label for arrow text). */
  id: string;
  label: string;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** Text on the arrow (`-->|features|`, `-- clicks -->`), when any. */
  label?: string;
  /** Dotted arrows (`-.->`): often drawn for asynchronous or offline paths. */
  dotted?: boolean;
}

export interface DiagramGraph {
  source: 'mermaid' | 'arrows';
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** Why a diagram could not be read: shown to the candidate as it is. */
export interface DiagramProblem {
  source: 'mermaid' | 'arrows';
  code: 'not-a-flowchart' | 'syntax' | 'empty' | 'dangling-arrow' | 'too-large';
  /** 1-based line inside the block (Mermaid) or the answer (arrow text). */
  line?: number;
  column?: number;
  /** The parser's own words (English), e.g. "Unclosed '['. Add a matching ']'…". */
  detail?: string;
}

export type ParsedDiagram =
  | { ok: true; graph: DiagramGraph }
  | { ok: false; problem: DiagramProblem };

/** Limits that keep one answer's diagram cheap to read, whatever was pasted. */
export const DIAGRAM_LIMITS = { nodes: 80, edges: 200, blockChars: 8000 } as const;

export function addNode(graph: DiagramGraph, id: string, label: string): void {
  if (!graph.nodes.some((n) => n.id === id)) graph.nodes.push({ id, label });
}
