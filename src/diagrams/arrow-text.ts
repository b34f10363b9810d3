/**
 * Diagrams typed as arrow text, one chain per line: `logs -> feature store -> ranker`, with
 * `->`, `-->`, `=>`, `→`, `⟶`, and labels as `-(clicks)->`, `--clicks-->` or `-->|clicks|`.
 * No library parses this ad-hoc notation, so it is a small parser of our own; Mermaid blocks
 * go to the Mermaid parser instead.
 */
import { DIAGRAM_LIMITS, type DiagramGraph, type DiagramProblem, addNode } from './graph.ts';

// One arrow: optional label forms around a shaft ending in > (or the → family).
const ARROW =
  /\s*(?:-->\|([^|\n]{1,40})\|\s*|--\s*([^-\n>|]{1,40}?)\s*-->|-\(([^)\n]{1,40})\)->|-\.->|-{1,2}>|={1,2}>|[→⟶➔➜]|—>)\s*/gu;
const ARROW_TEST =
  /(?:-->\|[^|\n]{1,40}\||--\s*[^-\n>|]{1,40}?\s*-->|-\([^)\n]{1,40}\)->|-\.->|-{1,2}>|={1,2}>|[→⟶➔➜]|—>)/u;

/** A segment that is a figure, not a box: "100M/day -> ~1,200 QPS" is arithmetic. */
const NUMERIC = /^[~≈≈]?\s*[$¥€]?\s*\d/u;
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/u;
const MAX_LABEL_CHARS = 60;
const MAX_LABEL_WORDS = 6;

export interface ArrowTextResult {
  graph: DiagramGraph | null;
  problems: DiagramProblem[];
}

function cleanLabel(raw: string): string {
  return raw
    .replace(/[`*_]/g, '')
    .replace(/^[\s[({]+|[\s\])}.,;:。，；：]+$/gu, '')
    .trim();
}

/** Whether a line is meant as a chain of boxes (and not prose or arithmetic). */
export function isArrowLine(line: string): boolean {
  if (!ARROW_TEST.test(line)) return false;
  const parts = line.replace(BULLET, '').split(ARROW);
  // split() with capture groups interleaves labels; boxes are every 4th item (3 groups).
  const boxes = parts.filter((_, i) => i % 4 === 0).map((p) => cleanLabel(p ?? ''));
  const filled = boxes.filter((b) => b !== '');
  if (filled.length < 1) return false;
  if (filled.some((b) => NUMERIC.test(b))) return false;
  // A box is a name, not a sentence: prose with an arrow in it ("Timeout -> BM25 results.
  // Distill the encoder") is not a diagram.
  return filled.every(
    (b) =>
      b.length <= MAX_LABEL_CHARS &&
      b.split(/\s+/).length <= MAX_LABEL_WORDS &&
      !/[.;!?。；](\s|$)/u.test(b),
  );
}

/** Reads every arrow line of `text` (lines numbered from 1) into one graph. */
export function parseArrowText(text: string): ArrowTextResult {
  const graph: DiagramGraph = { source: 'arrows', nodes: [], edges: [] };
  const problems: DiagramProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (!isArrowLine(line)) return;
    const parts = line.replace(BULLET, '').split(ARROW);
    const boxes: string[] = [];
    const labels: (string | undefined)[] = [];
    for (let i = 0; i < parts.length; i += 4) {
      boxes.push(cleanLabel(parts[i] ?? ''));
      if (i + 3 < parts.length) {
        const label = [parts[i + 1], parts[i + 2], parts[i + 3]].find((l) => l?.trim());
        labels.push(label?.trim());
      }
    }
    const gap = boxes.indexOf('');
    if (gap !== -1) {
      problems.push({
        source: 'arrows',
        code: 'dangling-arrow',
        line: index + 1,
        detail: line.trim().slice(0, 80),
      });
      return;
    }
    for (let i = 0; i < boxes.length; i++) {
      const label = boxes[i]!;
      const id = label.toLowerCase();
      addNode(graph, id, label);
      if (i > 0) {
        const edgeLabel = labels[i - 1];
        graph.edges.push({
          from: boxes[i - 1]!.toLowerCase(),
          to: id,
          ...(edgeLabel ? { label: edgeLabel } : {}),
        });
      }
    }
  });
  if (graph.nodes.length > DIAGRAM_LIMITS.nodes || graph.edges.length > DIAGRAM_LIMITS.edges)
    return { graph: null, problems: [{ source: 'arrows', code: 'too-large' }] };
  return { graph: graph.edges.length > 0 ? graph : null, problems };
}
