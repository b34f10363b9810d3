/**
 * One reading of an answer's diagrams and estimates against its scenario: what the interviewer
 * challenges, what the scorer counts and what the scorecard notes all come from here.
 */
import { type DiagramFinding, critiqueDiagram } from '../diagrams/critique.ts';
import { extractDiagrams } from '../diagrams/extract.ts';
import type { DiagramGraph, DiagramProblem } from '../diagrams/graph.ts';
import { resolveGraph } from '../diagrams/resolve.ts';
import { type EstimateCredit, type EstimateFinding, checkEstimates } from '../estimates/check.ts';
import type { ScenarioDiagram } from '../knowledge/diagram-schema.ts';
import type { Lang, Scenario } from '../knowledge/schema.ts';

export interface AnswerReview {
  graph: DiagramGraph | null;
  /** Diagrams that could not be read, with the parser's reason. */
  problems: DiagramProblem[];
  diagram: DiagramFinding[];
  estimates: EstimateFinding[];
  credits: EstimateCredit[];
}

export const EMPTY_REVIEW: AnswerReview = {
  graph: null,
  problems: [],
  diagram: [],
  estimates: [],
  credits: [],
};

/** Cheap test first: most answers have neither a diagram nor a figure. */
const MAY_HAVE_DIAGRAM = /```\s*mermaid|->|→|⟶|=>|➔|➜|—>|^\s*(?:flowchart|graph)\s/imu;
const MAY_HAVE_NUMBER = /\d|[万亿]/u;

/**
 * Async because the parser and units libraries are loaded at first use (not at start-up), and
 * only when the answer may hold a diagram or a figure.
 */
export async function reviewAnswer(scenario: Scenario, answer: string): Promise<AnswerReview> {
  const expects = scenario.diagram;
  if (!expects) return EMPTY_REVIEW;
  const review: AnswerReview = {
    ...EMPTY_REVIEW,
    problems: [],
    diagram: [],
    estimates: [],
    credits: [],
  };
  let prose = answer;
  if (MAY_HAVE_DIAGRAM.test(answer)) {
    const found = await extractDiagrams(answer);
    review.graph = found.graph;
    review.problems = found.problems;
    prose = found.prose;
    if (found.graph) review.diagram = critiqueDiagram(found.graph, expects);
  }
  if (MAY_HAVE_NUMBER.test(prose)) {
    const estimates = await checkEstimates(prose, expects.numbers);
    review.estimates = estimates.findings;
    review.credits = estimates.credits;
  }
  return review;
}

export function hasContent(review: AnswerReview): boolean {
  return (
    review.graph !== null ||
    review.problems.length > 0 ||
    review.estimates.length > 0 ||
    review.credits.length > 0
  );
}

/**
 * The diagram in words, for the scorer: "logs (event logging) feeds feature store (feature
 * store)." Arrow syntax and Mermaid ids mean nothing to a text scorer; the components do.
 */
export function diagramProse(graph: DiagramGraph, expects: ScenarioDiagram, lang: Lang): string {
  const g = resolveGraph(graph, expects.catalogue);
  const name = (id: string) => {
    const node = g.nodes.find((n) => n.id === id);
    const kind = expects.catalogue.find((c) => c.id === g.kinds.get(id));
    const label = node?.label ?? id;
    return kind && kind.name[lang].toLowerCase() !== label.toLowerCase()
      ? `${label} (${kind.name[lang]})`
      : label;
  };
  const feeds = lang === 'zh' ? ' 流向 ' : ' feeds ';
  const lines = g.edges.map(
    (e) =>
      `${name(e.from)}${feeds}${name(e.to)}${e.label ? ` (${e.label})` : ''}${lang === 'zh' ? '。' : '.'}`,
  );
  return lines.join(' ');
}
