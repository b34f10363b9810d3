/**
 * Writes eval/diagrams.jsonl and eval/estimates.jsonl: labeled sets for `eval --review`.
 *
 * Diagrams: for every scenario, a correct design (hand-written below, in English arrow text,
 * Chinese arrow text and Mermaid), and copies with ONE known defect planted (a component
 * removed, a flow cut, features split between training and serving, the model's output fed
 * back as labels, a heavy model on the request path, a box nobody can place). Each item says
 * which finding it must produce. Malformed items are written by hand at the end.
 * Estimates: per scenario, a correct estimate from its facts and copies wrong in one known way
 * (off by 100×, a unit dropped, bits for bytes, a fact misremembered), plus malformed ones.
 *
 *   npx tsx eval/build-review-sets.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { HANDWRITTEN_DIAGRAMS, HANDWRITTEN_ESTIMATES } from './handwritten.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
type Edge = [string, string, string?];
interface Item {
  id: string;
  scenario: string;
  kind: 'correct' | 'defect' | 'malformed';
  lang: 'en' | 'zh';
  answer: string;
  /** Finding keys the item must produce (`code` or `code:subject`); none for correct items. */
  expect: string[];
}

const EN = {
  user: 'user',
  api: 'api gateway',
  cg: 'candidate generation',
  model: 'ranker',
  rerank: 're-ranking',
  logs: 'impression logs',
  td: 'training data',
  train: 'trainer',
  reg: 'model registry',
  fp: 'feature pipeline',
  fs: 'feature store',
  mon: 'monitoring',
  hr: 'human review',
  idx: 'ann index',
  emb: 'embedding model',
  llm: 'LLM ranker',
  split: 'offline features',
  odd: 'flux capacitor',
};
const ZH: typeof EN = {
  user: '用户',
  api: '网关',
  cg: '召回',
  model: '排序模型',
  rerank: '重排',
  logs: '曝光日志',
  td: '训练数据',
  train: '模型训练',
  reg: '模型仓库',
  fp: '特征计算',
  fs: '特征库',
  mon: '监控',
  hr: '人工审核',
  idx: '向量索引',
  emb: '向量化模型',
  llm: '大模型排序',
  split: '离线特征',
  odd: '神秘盒子',
};

/** The correct design for a scenario, as edges between keys of EN/ZH. */
function design(requires: string[]): Edge[] {
  const cg = requires.includes('candidate-generation');
  const edges: Edge[] = cg
    ? [
        ['user', 'api'],
        ['api', 'cg'],
        ['cg', 'model'],
        ['model', 'rerank'],
        ['rerank', 'user'],
      ]
    : [
        ['user', 'api'],
        ['api', 'model'],
        ['model', 'rerank'],
        ['rerank', 'user'],
      ];
  if (requires.includes('index')) edges.push(['idx', 'cg']);
  if (requires.includes('embedding')) edges.push(['emb', 'idx']);
  edges.push(
    ['model', 'logs'],
    ['logs', 'td'],
    ['td', 'train'],
    ['train', 'reg'],
    ['reg', 'model'],
    ['fp', 'fs'],
    ['fs', 'model'],
    ['fs', 'td'],
    ['model', 'mon'],
  );
  if (requires.includes('human-review')) edges.push(['model', 'hr'], ['hr', 'td']);
  return edges;
}

function arrowText(edges: Edge[], words: typeof EN): string {
  return edges
    .map(
      ([a, b, label]) =>
        `${words[a as keyof typeof EN]} ${label ? `-(${label})->` : '->'} ${words[b as keyof typeof EN]}`,
    )
    .join('\n');
}

function mermaid(edges: Edge[], words: typeof EN): string {
  const lines = edges.map(
    ([a, b, label]) =>
      `  ${a}[${words[a as keyof typeof EN]}] -->${label ? `|${label}|` : ''} ${b}[${words[b as keyof typeof EN]}]`,
  );
  return ['```mermaid', 'flowchart LR', ...lines, '```'].join('\n');
}

interface Mutation {
  name: string;
  applies: (requires: string[], latency: number | null) => boolean;
  change: (edges: Edge[]) => Edge[];
  expect: string;
}

const replaceNode = (edges: Edge[], from: string, to: string): Edge[] =>
  edges.map(([a, b, l]) => [a === from ? to : a, b === from ? to : b, l] as Edge);

const MUTATIONS: Mutation[] = [
  {
    name: 'no-candidate-generation',
    applies: (r) => r.includes('candidate-generation') && !r.includes('index'),
    change: (e) => e.filter(([a, b]) => a !== 'cg' && b !== 'cg').concat([['api', 'model']]),
    expect: 'missing-component:candidate-generation',
  },
  {
    name: 'no-monitoring',
    applies: () => true,
    change: (e) => e.filter(([, b]) => b !== 'mon'),
    expect: 'missing-component:monitoring',
  },
  {
    name: 'no-feature-store',
    applies: () => true,
    change: (e) =>
      replaceNode(
        e.filter(([a, b]) => !(a === 'fp' && b === 'fs')),
        'fs',
        'fp',
      ),
    expect: 'missing-component:feature-store',
  },
  {
    name: 'skew',
    applies: () => true,
    change: (e) =>
      e.map(([a, b, l]) => (a === 'fs' && b === 'td' ? ['split', 'td', l] : [a, b, l]) as Edge),
    expect: 'training-serving-skew',
  },
  {
    name: 'self-labels',
    applies: () => true,
    change: (e) => [...e, ['model', 'td', 'predictions as labels']],
    expect: 'self-labels',
  },
  {
    name: 'heavy-sync',
    applies: (_r, latency) => latency !== null && latency <= 1000,
    change: (e) => replaceNode(e, 'model', 'llm'),
    expect: 'heavy-sync-model',
  },
  {
    name: 'no-feedback',
    applies: () => true,
    change: (e) =>
      e.filter(([a, b]) => !(a === 'logs' && b === 'td') && !(a === 'hr' && b === 'td')),
    expect: 'missing-flow:feedback-to-training',
  },
  {
    name: 'unknown-box',
    applies: () => true,
    change: (e) => [...e, ['model', 'odd'], ['odd', 'rerank']],
    expect: 'unknown-box',
  },
];

const MALFORMED_DIAGRAMS: string[] = [
  '```mermaid\nflowchart LR\n  A[logs --> B[feature store]\n```',
  '```mermaid\nflowchart LR\n  A[logs] --> B[feature store\n  B --> C[ranker]\n```',
  '```mermaid\n\n```',
  '```mermaid\nsequenceDiagram\n  user->>api: request\n```',
  '```mermaid\nflowchart LR\n  A((logs) --> B\n```',
  '```mermaid\nflowchart\n  A[logs] --> --> B[ranker]\n```',
  'logs -> -> ranker',
  '-> feature store -> ranker',
  'my design: logs -> feature store ->',
  '日志 -> -> 排序',
  '```mermaid\nflowchart TD\n  A{ranker --> B[cache]\n```',
  '```mermaid\npie title Traffic\n  "web" : 60\n  "app" : 40\n```',
];

function buildDiagrams(
  scenarios: Map<string, { requires: string[]; latency: number | null }>,
): Item[] {
  const items: Item[] = [];
  for (const [id, s] of scenarios) {
    const base = design(s.requires);
    items.push({
      id: `${id}-correct-en`,
      scenario: id,
      kind: 'correct',
      lang: 'en',
      answer: `My design:\n${arrowText(base, EN)}`,
      expect: [],
    });
    items.push({
      id: `${id}-correct-zh`,
      scenario: id,
      kind: 'correct',
      lang: 'zh',
      answer: `我的设计：\n${arrowText(base, ZH)}`,
      expect: [],
    });
    items.push({
      id: `${id}-correct-mermaid`,
      scenario: id,
      kind: 'correct',
      lang: 'en',
      answer: `Here is the architecture.\n${mermaid(base, EN)}`,
      expect: [],
    });
    MUTATIONS.filter((m) => m.applies(s.requires, s.latency)).forEach((m, i) => {
      const edges = m.change(base);
      const form = i % 3;
      const lang = form === 1 ? 'zh' : 'en';
      const words = lang === 'zh' ? ZH : EN;
      const body = form === 2 ? mermaid(edges, words) : arrowText(edges, words);
      items.push({
        id: `${id}-${m.name}`,
        scenario: id,
        kind: 'defect',
        lang,
        answer: body,
        expect: [m.expect],
      });
    });
  }
  MALFORMED_DIAGRAMS.forEach((answer, i) => {
    items.push({
      id: `malformed-diagram-${i + 1}`,
      scenario: 'youtube-recommendation',
      kind: 'malformed',
      lang: /[\u4e00-\u9fff]/u.test(answer) ? 'zh' : 'en',
      answer,
      expect: ['problem'],
    });
  });
  return items;
}

interface Fact {
  id: string;
  value: number;
  peak?: number;
  words: { en: string[]; zh: string[] };
}

function words(n: number): string {
  if (n >= 1e9) return `${Number((n / 1e9).toPrecision(3))}B`;
  if (n >= 1e6) return `${Number((n / 1e6).toPrecision(3))}M`;
  if (n >= 1e3) return `${Number((n / 1e3).toPrecision(3))}k`;
  return String(Number(n.toPrecision(3)));
}
function zhWords(n: number): string {
  if (n >= 1e8) return `${Number((n / 1e8).toPrecision(3))}亿`;
  if (n >= 1e4) return `${Number((n / 1e4).toPrecision(3))}万`;
  return String(Number(n.toPrecision(3)));
}

const MALFORMED_ESTIMATES: string[] = [
  '100M × = 5 TB',
  'Storage: 5B × KB × = lots',
  '1e8 / ÷ 86400 = ? QPS',
  'QPS = 100M / 86400 = ',
  'Bandwidth ≈ 60k × × 100 KB = 6 GB/s',
  '每天 1亿 × = 多少 QPS',
  '存储 = 5亿 × × 1KB = 500GB',
  'machines = 150k / / 1k = 150',
  '10^ × 1 KB = 5 TB',
  'training data = 1B × ~ = 1 TB',
];

function buildEstimates(scenarios: Map<string, { numbers: Fact[] }>): Item[] {
  const items: Item[] = [];
  for (const [id, s] of scenarios) {
    const daily = s.numbers.find((n) => /per-day|events-per-day|posts-per-day/.test(n.id));
    const users = s.numbers.find((n) => n.id === 'daily-active-users');
    const corpus = s.numbers.find(
      (n) => n.id === 'corpus-items' || n.id === 'chunks' || n.id === 'graph-edges',
    );
    if (daily) {
      const perSecond = daily.value / 86_400;
      const noun = daily.words.en[0]!.replace(/ (a|per) day$/, '');
      items.push({
        id: `${id}-rate-ok`,
        scenario: id,
        kind: 'correct',
        lang: 'en',
        answer: `We see about ${words(daily.value)} ${noun} a day, so roughly ${words(perSecond)} QPS on average.`,
        expect: [],
      });
      items.push({
        id: `${id}-rate-ok-zh`,
        scenario: id,
        kind: 'correct',
        lang: 'zh',
        answer: `每天大约 ${zhWords(daily.value)} 次，平均约 ${zhWords(perSecond)} QPS。`,
        expect: [],
      });
      items.push({
        id: `${id}-rate-100x`,
        scenario: id,
        kind: 'defect',
        lang: 'en',
        answer: `We see about ${words(daily.value)} ${noun} a day, so roughly ${words(perSecond * 100)} QPS on average.`,
        expect: ['rate-off'],
      });
      items.push({
        id: `${id}-rate-100x-zh`,
        scenario: id,
        kind: 'defect',
        lang: 'zh',
        answer: `每天大约 ${zhWords(daily.value)} 次，平均约 ${zhWords(perSecond / 100 < 1 ? perSecond * 100 : perSecond / 100)} QPS。`,
        expect: ['rate-off'],
      });
      items.push({
        id: `${id}-rate-arith-ok`,
        scenario: id,
        kind: 'correct',
        lang: 'en',
        answer: `${words(daily.value)}/day ÷ 86,400 ≈ ${words(perSecond)} QPS.`,
        expect: [],
      });
    }
    if (users) {
      items.push({
        id: `${id}-dau-ok`,
        scenario: id,
        kind: 'correct',
        lang: 'en',
        answer: `Assume ${words(users.value)} DAU, each making 10 requests a day, so about ${words((users.value * 10) / 86_400)} QPS.`,
        expect: [],
      });
      items.push({
        id: `${id}-dau-fact-off`,
        scenario: id,
        kind: 'defect',
        lang: 'en',
        answer: `We have ${words(users.value * 10)} DAU to serve.`,
        expect: ['fact-off:daily-active-users'],
      });
      items.push({
        id: `${id}-dau-fact-off-zh`,
        scenario: id,
        kind: 'defect',
        lang: 'zh',
        answer: `日活 ${zhWords(users.value / 10)}。`,
        expect: ['fact-off:daily-active-users'],
      });
    }
    if (corpus) {
      const tb = (corpus.value * 1e3) / 1e12;
      items.push({
        id: `${id}-storage-ok`,
        scenario: id,
        kind: 'correct',
        lang: 'en',
        answer: `Metadata: ${words(corpus.value)} items × 1 KB = ${Number(tb.toPrecision(3))} TB.`,
        expect: [],
      });
      items.push({
        id: `${id}-storage-1000x`,
        scenario: id,
        kind: 'defect',
        lang: 'en',
        answer: `Metadata: ${words(corpus.value)} items × 1 KB = ${Number(tb.toPrecision(3))} GB.`,
        expect: ['arithmetic-off'],
      });
      items.push({
        id: `${id}-storage-ok-zh`,
        scenario: id,
        kind: 'correct',
        lang: 'zh',
        answer: `元数据存储：${zhWords(corpus.value)} × 1KB = ${Number(tb.toPrecision(3))}TB。`,
        expect: [],
      });
    }
    const rate = s.numbers.find((n) => n.id === 'requests-per-second');
    if (rate) {
      const peak = rate.peak ?? rate.value;
      const gbps = (peak * 100e3) / 1e9;
      items.push({
        id: `${id}-bandwidth-ok`,
        scenario: id,
        kind: 'correct',
        lang: 'en',
        answer: `Bandwidth at peak: ${words(peak)} QPS × 100 KB = ${Number(gbps.toPrecision(3))} GB/s.`,
        expect: [],
      });
      items.push({
        id: `${id}-bandwidth-unit`,
        scenario: id,
        kind: 'defect',
        lang: 'en',
        answer: `Bandwidth at peak: ${words(peak)} QPS × 100 KB = ${Number(gbps.toPrecision(3))} GB.`,
        expect: ['unit-error'],
      });
      items.push({
        id: `${id}-bandwidth-bits`,
        scenario: id,
        kind: 'defect',
        lang: 'en',
        answer: `Bandwidth at peak: ${words(peak)} QPS × 1 MB = ${Number(((peak * 1e6) / 1e9).toPrecision(3))} Gbps.`,
        expect: ['arithmetic-off'],
      });
      const machines = Math.ceil(peak / 1000);
      items.push({
        id: `${id}-machines-ok`,
        scenario: id,
        kind: 'correct',
        lang: 'en',
        answer: `Machines: ${words(peak)} QPS / 1k QPS per machine = ${machines} machines.`,
        expect: [],
      });
      items.push({
        id: `${id}-machines-off`,
        scenario: id,
        kind: 'defect',
        lang: 'en',
        answer: `Machines: ${words(peak)} QPS / 1k QPS per machine = ${machines * 20} machines.`,
        expect: ['arithmetic-off'],
      });
    }
    items.push({
      id: `${id}-training-ok`,
      scenario: id,
      kind: 'correct',
      lang: 'en',
      answer: 'Training data: 1B examples × 2 KB = 2 TB.',
      expect: [],
    });
    items.push({
      id: `${id}-training-off`,
      scenario: id,
      kind: 'defect',
      lang: 'zh',
      answer: '训练数据：10亿 条样本 × 2KB = 2GB。',
      expect: ['arithmetic-off'],
    });
  }
  MALFORMED_ESTIMATES.forEach((answer, i) => {
    items.push({
      id: `malformed-estimate-${i + 1}`,
      scenario: 'fraud-detection',
      kind: 'malformed',
      lang: /[\u4e00-\u9fff]/u.test(answer) ? 'zh' : 'en',
      answer,
      expect: ['problem'],
    });
  });
  return items;
}

const knowledge = await loadKnowledge();
const diagramScenarios = new Map<string, { requires: string[]; latency: number | null }>();
const estimateScenarios = new Map<string, { numbers: Fact[] }>();
for (const [id, scenario] of knowledge.scenarios) {
  if (!scenario.diagram) continue;
  diagramScenarios.set(id, {
    requires: scenario.diagram.requires.map((c) => c.id),
    latency: scenario.diagram.latencyMs,
  });
  estimateScenarios.set(id, { numbers: [...scenario.diagram.numbers] });
}
const write = (name: string, items: Item[]) =>
  writeFileSync(path.join(here, name), `${items.map((i) => JSON.stringify(i)).join('\n')}\n`);
const diagrams = [
  ...buildDiagrams(diagramScenarios),
  ...(HANDWRITTEN_DIAGRAMS as unknown as Item[]),
];
const estimates = [
  ...buildEstimates(estimateScenarios),
  ...(HANDWRITTEN_ESTIMATES as unknown as Item[]),
];
write('diagrams.jsonl', diagrams);
write('estimates.jsonl', estimates);
const count = (items: Item[], kind: Item['kind']) => items.filter((i) => i.kind === kind).length;
console.log(
  `diagrams: ${diagrams.length} (${count(diagrams, 'correct')} correct, ${count(diagrams, 'defect')} defect, ${count(diagrams, 'malformed')} malformed)`,
);
console.log(
  `estimates: ${estimates.length} (${count(estimates, 'correct')} correct, ${count(estimates, 'defect')} defect, ${count(estimates, 'malformed')} malformed)`,
);
