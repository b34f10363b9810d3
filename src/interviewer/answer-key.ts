/**
 * The answer key an interviewer must never hand out: the terms a strong answer is expected to
 * name. A probe or follow-up may ask about an area ("how would you evaluate the candidate
 * generator?") but may not name the expected answer ("recall@k", "two-tower") unless the
 * candidate already said it.
 *
 * The key is the scenario's key-point signals (every stage: a probe in one stage must not give
 * away the next) plus common ML answer terms that no scenario lists but every interviewer would
 * recognise as an answer rather than a question.
 */
import type { Scenario } from '../knowledge/schema.ts';
import { normalize, phrasePatternSource } from '../knowledge/signals.ts';

/** Answer terms common to ML system design, in both languages. */
const COMMON_ANSWER_TERMS = [
  'two-tower',
  'two tower',
  'parameter server',
  'all-reduce',
  'allreduce',
  'recall@k',
  'precision@k',
  'ndcg',
  'map@k',
  'mrr',
  'pr-auc',
  'pr auc',
  'roc-auc',
  'auc',
  'gbdt',
  'xgboost',
  'lightgbm',
  'gradient-boosted',
  'gradient boosted',
  'transformer',
  'bert',
  'faiss',
  'hnsw',
  'scann',
  'approximate nearest neighbor',
  'approximate nearest neighbour',
  'ann index',
  'feature hashing',
  'hashing trick',
  'negative sampling',
  'focal loss',
  'smote',
  'downsample',
  'downsampling',
  'calibration',
  'distillation',
  'quantization',
  'quantisation',
  'pruning',
  'a/b test',
  'canary',
  'shadow deployment',
  'shadow mode',
  'population stability',
  'psi',
  'kl divergence',
  'cold start',
  'cold-start',
  'exploration',
  'bandit',
  'thompson sampling',
  'epsilon-greedy',
  'training-serving skew',
  'training/serving skew',
  'train-serve skew',
  'feature store',
  'importance weighting',
  'inverse propensity',
  'propensity',
  'counterfactual',
  'cross-entropy',
  'sampled softmax',
  'logistic regression',
  'wide & deep',
  'wide and deep',
  'deepfm',
  'dcn',
  'matrix factorization',
  'matrix factorisation',
  'collaborative filtering',
  'bm25',
  'learning to rank',
  'lambdamart',
  'listwise',
  'pairwise loss',
  'data parallelism',
  'model parallelism',
  'synchronous sgd',
  'asynchronous sgd',
  'stale gradient',
  'straggler',
  'consistent hashing',
  'knowledge distillation',
  'int8',
  'fp16',
  'time-based split',
  'out-of-time',
  'active learning',
  'weak supervision',
  'label smoothing',
  'cuped',
  'interleaving',
  'graph neural network',
  'gnn',
  'drift',
  'a/b',
  'embedding',
  'embeddings',
  '嵌入',
  'node2vec',
  'contrastive',
  'clip',
  'isolation forest',
  '双塔',
  '参数服务器',
  '召回率',
  '负采样',
  '知识蒸馏',
  '蒸馏',
  '量化',
  '剪枝',
  '特征哈希',
  '冷启动',
  '特征存储',
  '特征平台',
  '训练服务偏差',
  '线上线下不一致',
  '漂移',
  '校准',
  '探索',
  '多臂老虎机',
  '协同过滤',
  '矩阵分解',
  '梯度提升',
  '逻辑回归',
  '数据并行',
  '模型并行',
  '同步sgd',
  '异步sgd',
  '灰度发布',
  '金丝雀',
  '影子部署',
  '主动学习',
  '弱监督',
  '按时间划分',
];

const cache = new Map<string, string[]>();

/** Every answer term for a scenario: its key-point signals (all stages) and the common ones. */
export function answerKeyTerms(scenario: Scenario): string[] {
  const cached = cache.get(scenario.id);
  if (cached) return cached;
  const fromScenario = Object.values(scenario.keyPoints).flatMap((points) =>
    (points ?? []).flatMap((p) => [...p.signals.en, ...p.signals.zh]),
  );
  const terms = [...new Set([...fromScenario, ...COMMON_ANSWER_TERMS].map(normalize))].filter(
    (t) => t.length >= 2,
  );
  cache.set(scenario.id, terms);
  return terms;
}

const patterns = new Map<string, RegExp>();

function pattern(term: string): RegExp {
  let re = patterns.get(term);
  if (!re) {
    re = new RegExp(phrasePatternSource(term), 'u');
    patterns.set(term, re);
  }
  return re;
}

/**
 * The answer terms `text` names that are not in `allowed` (what the candidate said, the
 * scenario's own prompt and facts already revealed): a non-empty list means the text gives
 * part of the answer away.
 */
export function leakedTerms(
  text: string,
  scenario: Scenario,
  allowed: readonly string[],
): string[] {
  const haystack = normalize(text);
  const said = normalize(allowed.join('\n'));
  return answerKeyTerms(scenario).filter(
    // The substring test first: cheap, and false for almost every term.
    (term) =>
      haystack.includes(term) &&
      pattern(term).test(haystack) &&
      !(said.includes(term) && pattern(term).test(said)),
  );
}
