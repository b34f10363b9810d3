/**
 * The critique of one diagram against what the scenario needs (knowledge/diagrams/): missing
 * components, missing flows, flows that imply a mistake, and boxes we cannot place. Findings
 * are data (codes and the boxes' own labels); src/review words them in either language.
 */
import type { ScenarioDiagram } from '../knowledge/diagram-schema.ts';
import type { DiagramGraph } from './graph.ts';
import { type ResolvedGraph, resolveGraph } from './resolve.ts';

export type DiagramFinding =
  | { code: 'missing-component'; component: string }
  | { code: 'missing-flow'; flow: string }
  /** Training and serving get features from different boxes: the values will drift apart. */
  | { code: 'training-serving-skew'; trainingSide: string; servingSide: string }
  /** The model's own outputs feed its training data: it learns from itself. */
  | { code: 'self-labels'; model: string; target: string }
  /** A heavy model sits on the request path of a scenario with a tight latency budget. */
  | { code: 'heavy-sync-model'; box: string; budgetMs: number }
  | { code: 'unknown-box'; box: string };

export type DiagramFindingCode = DiagramFinding['code'];

const SERVING = new Set(['model', 'candidate-generation']);
const TRAINING = new Set(['training', 'training-data']);
const FEATURES = new Set(['feature-store', 'feature-pipeline']);
const OUTCOME_SOURCES = new Set([
  'event-logging',
  'human-review',
  'feature-store',
  'feature-pipeline',
  'data-warehouse',
]);
const REQUEST_ROOTS = new Set(['client', 'api-service']);
const MODEL_LIKE = new Set(['model', 'candidate-generation', 'reranking']);

/** Labels that say a model is big enough to blow a latency budget of a few hundred ms. */
const HEAVY =
  /(?<![a-z])(llm|gpt[-\w.]*|large language model|bert(-large)?|transformer|cross[- ]encoder|ensemble|big model|heavy model|huge model|大模型|大语言模型)(?![a-z])/iu;
/** Words on a box or arrow that take it off the synchronous request path. */
const OFF_PATH =
  /(async|offline|batch|nightly|precomput|pre-comput|cached|distill|queue|离线|异步|批量|预计算|蒸馏|队列)/iu;
/** Arrow labels saying a model→training arrow carries logged outcomes, not its own decisions. */
const LOGGED = /(impression|logged|log|outcome|click|feedback|engagement|曝光|日志|反馈|点击)/iu;

/** …unless the label says the arrow carries the model's own predictions or decisions. */
const OWN_OUTPUT = /(predict|decision|score|as labels?|预测|决策|打分|当作标签)/iu;

/** Only diagrams of at least this many boxes are read as a whole design (not a detail). */
const WHOLE_DESIGN_MIN_NODES = 3;
/** Latency budgets above this leave room for a large model (e.g. a RAG answer in 2 s). */
const TIGHT_BUDGET_MS = 1000;

function reach(
  g: ResolvedGraph,
  starts: string[],
  isTarget: (id: string) => boolean,
  avoid: (id: string) => boolean = () => false,
  edgeOk: (label: string | undefined, dotted: boolean) => boolean = () => true,
): string | null {
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const e of g.edges) {
      if (e.from !== at || seen.has(e.to) || !edgeOk(e.label, Boolean(e.dotted))) continue;
      if (isTarget(e.to)) return e.to;
      if (avoid(e.to)) continue;
      seen.add(e.to);
      queue.push(e.to);
    }
  }
  return null;
}

function label(g: DiagramGraph, id: string): string {
  return g.nodes.find((n) => n.id === id)?.label ?? id;
}

function nodesOf(g: ResolvedGraph, kinds: Set<string>): string[] {
  return g.nodes.filter((n) => kinds.has(g.kinds.get(n.id) ?? '')).map((n) => n.id);
}

export function critiqueDiagram(graph: DiagramGraph, expects: ScenarioDiagram): DiagramFinding[] {
  const g = resolveGraph(graph, expects.catalogue);
  const kindOf = (id: string) => g.kinds.get(id) ?? '';
  const findings: DiagramFinding[] = [];

  // Features reaching training without passing through serving, and serving without training.
  const featureNodes = nodesOf(g, FEATURES);
  const feedsTraining = featureNodes.filter((f) =>
    reach(
      g,
      [f],
      (id) => TRAINING.has(kindOf(id)),
      (id) => SERVING.has(kindOf(id)),
    ),
  );
  const feedsServing = featureNodes.filter((f) =>
    reach(
      g,
      [f],
      (id) => SERVING.has(kindOf(id)),
      (id) => TRAINING.has(kindOf(id)),
    ),
  );
  const shared = feedsTraining.some((f) => feedsServing.includes(f));
  const skew = !shared && feedsTraining.length > 0 && feedsServing.length > 0;
  if (skew) {
    findings.push({
      code: 'training-serving-skew',
      trainingSide: label(g, feedsTraining[0]!),
      servingSide: label(g, feedsServing[0]!),
    });
  }

  for (const model of nodesOf(g, MODEL_LIKE)) {
    const target = reach(
      g,
      [model],
      (id) => TRAINING.has(kindOf(id)),
      (id) => OUTCOME_SOURCES.has(kindOf(id)) || MODEL_LIKE.has(kindOf(id)),
      (edgeLabel) => !edgeLabel || !LOGGED.test(edgeLabel) || OWN_OUTPUT.test(edgeLabel),
    );
    if (target && !OUTCOME_SOURCES.has(kindOf(target))) {
      findings.push({ code: 'self-labels', model: label(g, model), target: label(g, target) });
      break;
    }
  }

  if (expects.latencyMs !== null && expects.latencyMs <= TIGHT_BUDGET_MS) {
    let roots = nodesOf(g, REQUEST_ROOTS);
    if (roots.length === 0) roots = nodesOf(g, new Set(['candidate-generation']));
    const heavy = g.nodes.filter((n) => HEAVY.test(n.label) && !OFF_PATH.test(n.label));
    for (const node of heavy) {
      const onPath =
        roots.includes(node.id) ||
        reach(
          g,
          roots,
          (id) => id === node.id,
          (id) => TRAINING.has(kindOf(id)),
          (edgeLabel, dotted) => !dotted && !(edgeLabel && OFF_PATH.test(edgeLabel)),
        ) !== null;
      if (onPath) {
        findings.push({ code: 'heavy-sync-model', box: node.label, budgetMs: expects.latencyMs });
        break;
      }
    }
  }

  if (g.nodes.length >= WHOLE_DESIGN_MIN_NODES) {
    const present = new Set(g.kinds.values());
    for (const flow of expects.flows) {
      const starts = nodesOf(g, new Set(flow.from));
      const ends = new Set(flow.to);
      if (starts.length === 0 || ![...present].some((k) => ends.has(k))) continue;
      if (flow.id === 'features-to-training' && skew) continue;
      const toTraining = [...ends].some((k) => TRAINING.has(k));
      const toServing = [...ends].some((k) => SERVING.has(k));
      const avoid = (id: string) =>
        (toTraining && starts.some((s) => FEATURES.has(kindOf(s))) && SERVING.has(kindOf(id))) ||
        (toServing && TRAINING.has(kindOf(id)));
      if (!reach(g, starts, (id) => ends.has(kindOf(id)), avoid))
        findings.push({ code: 'missing-flow', flow: flow.id });
    }
    for (const component of expects.requires) {
      if (!present.has(component.id))
        findings.push({ code: 'missing-component', component: component.id });
    }
  }

  for (const node of g.nodes) {
    if (!g.kinds.has(node.id)) findings.push({ code: 'unknown-box', box: node.label });
  }
  return findings;
}
