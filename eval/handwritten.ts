/**
 * Hand-written items in free styles (bullets, labels on arrows, dotted async arrows, mixed
 * languages, prose around the figures) that the template builder does not produce; merged into
 * the sets by build-review-sets.ts.
 */
export const HANDWRITTEN_DIAGRAMS = [
  {
    id: 'hw-yt-correct-bullets',
    scenario: 'youtube-recommendation',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer:
      'Serving path:\n- client → API → candidate retrieval (two-tower + ANN) → ranking service → re-ranker (diversity) → client\n- feature pipeline (Flink) → feature store → ranking service\n- feature store → training examples\nLearning loop:\n- ranking service --impressions--> event logs (Kafka) → label join → trainer → model registry → ranking service\n- ranking service → dashboards & drift alerts',
  },
  {
    id: 'hw-fraud-correct-mermaid',
    scenario: 'fraud-detection',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer:
      '```mermaid\ngraph TD\n  pay[Payment API] --> risk[Fraud model service]\n  stream[Streaming features] --> fstore[(Feature store)]\n  fstore --> risk\n  fstore --> train[Training pipeline]\n  risk --> rules[Decision rules / thresholds]\n  rules --> queue[Manual review queue]\n  queue -->|confirmed fraud| labels[Labels]\n  cb[Chargebacks] --> labels\n  labels --> train\n  train --> reg[Model registry]\n  reg --> risk\n  risk -.-> mon[Monitoring]\n```',
  },
  {
    id: 'hw-search-correct-zh',
    scenario: 'search-ranking',
    kind: 'correct',
    lang: 'zh',
    expect: [],
    answer:
      '整体架构：\n用户 → 搜索服务 → 召回（倒排 + 向量） → 精排 → 重排 → 用户\n特征计算 → 特征库 → 精排\n特征库 → 训练样本\n精排 → 曝光日志 → 样本拼接 → 模型训练 → 模型仓库 → 精排\n精排 → 监控告警',
  },
  {
    id: 'hw-pymk-correct',
    scenario: 'people-you-may-know',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer:
      'app -> PYMK service -> candidate generation (friends of friends) -> ranker -> filter -> app\nbatch features -> feature store -> ranker\nfeature store -> training data\nranker -> impression logs -> training data -> trainer -> model registry -> ranker\nranker -> monitoring',
  },
  {
    id: 'hw-yt-skew',
    scenario: 'youtube-recommendation',
    kind: 'defect',
    lang: 'en',
    expect: ['training-serving-skew'],
    answer:
      'client -> api -> candidate generation -> ranker -> client\nspark batch features -> training data -> trainer -> model registry -> ranker\nonline feature service -> ranker\nranker -> impression logs -> training data\nranker -> monitoring',
  },
  {
    id: 'hw-ads-self-labels',
    scenario: 'ads-click-prediction',
    kind: 'defect',
    lang: 'en',
    expect: ['self-labels'],
    answer:
      '```mermaid\nflowchart LR\n  req[Ad request] --> cg[Candidate ads]\n  cg --> ctr[CTR model]\n  fs[Feature store] --> ctr\n  fs --> td[Training data]\n  ctr -->|predicted clicks used as labels| td\n  td --> tr[Trainer]\n  tr --> ctr\n  logs[Impression logs] --> td\n  ctr --> mon[Monitoring]\n```',
  },
  {
    id: 'hw-search-llm-sync',
    scenario: 'search-ranking',
    kind: 'defect',
    lang: 'en',
    expect: ['heavy-sync-model'],
    answer:
      'user -> search API -> retrieval -> GPT-4 reranker -> user\nfeature store -> GPT-4 reranker\nfeature store -> training data\nclick logs -> training data -> trainer -> GPT-4 reranker\nGPT-4 reranker -> monitoring',
  },
  {
    id: 'hw-feed-no-cg-zh',
    scenario: 'feed-engagement',
    kind: 'defect',
    lang: 'zh',
    expect: ['missing-component:candidate-generation'],
    answer:
      '用户 → 网关 → 排序模型 → 用户\n特征库 → 排序模型\n特征库 → 训练数据\n排序模型 → 曝光日志 → 训练数据 → 模型训练 → 排序模型\n排序模型 → 监控',
  },
  {
    id: 'hw-violent-no-feedback',
    scenario: 'violent-content-detection',
    kind: 'defect',
    lang: 'en',
    expect: ['missing-flow:feedback-to-training'],
    answer:
      'upload -> video classifier -> thresholds -> human review\nfeature pipeline -> feature store -> video classifier\nfeature store -> training data -> trainer -> video classifier\nvideo classifier -> monitoring\nuser flags -> human review',
  },
  {
    id: 'hw-churn-no-monitoring',
    scenario: 'churn-prediction',
    kind: 'defect',
    lang: 'en',
    expect: ['missing-component:monitoring'],
    answer:
      'billing + listening logs -> feature pipeline -> feature store\nfeature store -> churn model\nfeature store -> training set -> trainer -> churn model\nchurn model -> retention campaign\nretention campaign -> outcomes -> training set',
  },
  {
    id: 'hw-visual-unknown',
    scenario: 'visual-search',
    kind: 'defect',
    lang: 'en',
    expect: ['unknown-box'],
    answer:
      'client -> query service -> image encoder -> ANN index -> retrieval -> ranker -> Orion -> client\nfeature store -> ranker\nfeature store -> training data\nranker -> impression logs -> training data -> trainer -> ranker\nranker -> monitoring',
  },
  {
    id: 'hw-delivery-no-fs',
    scenario: 'delivery-time-estimation',
    kind: 'defect',
    lang: 'en',
    expect: ['missing-component:feature-store'],
    answer:
      'checkout -> ETA service -> ETA model -> checkout\nGPS pings -> stream processing -> ETA model\norder timestamps -> training data -> trainer -> ETA model\nETA model -> monitoring\ndelivered orders -> event logs -> training data',
  },
] as const;

export const HANDWRITTEN_ESTIMATES = [
  {
    id: 'hw-fraud-issue-example',
    scenario: 'fraud-detection',
    kind: 'defect',
    lang: 'en',
    expect: ['rate-off'],
    answer: 'With 100M transactions a day we need to handle about 100k TPS.',
  },
  {
    id: 'hw-fraud-ok',
    scenario: 'fraud-detection',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer:
      '100 million transactions per day is roughly 1.2k per second on average; I would plan for a peak of about 10x that.',
  },
  {
    id: 'hw-yt-dau-zh-ok',
    scenario: 'youtube-recommendation',
    kind: 'correct',
    lang: 'zh',
    expect: [],
    answer: '日活 8亿，每人每天大约 6 次首页请求，算下来平均 5.6万 QPS，峰值按 3 倍算约 17万。',
  },
  {
    id: 'hw-yt-dau-zh-off',
    scenario: 'youtube-recommendation',
    kind: 'defect',
    lang: 'zh',
    expect: ['rate-off'],
    answer: '日活 8亿，每人每天大约 6 次首页请求，所以平均大约 500 QPS。',
  },
  {
    id: 'hw-yt-storage-ok',
    scenario: 'youtube-recommendation',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer:
      'Embeddings: 5 billion videos * 256 floats * 4 bytes ≈ 5 TB, so the ANN index must be sharded.',
  },
  {
    id: 'hw-yt-storage-off',
    scenario: 'youtube-recommendation',
    kind: 'defect',
    lang: 'en',
    expect: ['arithmetic-off'],
    answer: 'Embeddings: 5 billion videos * 256 floats * 4 bytes ≈ 5 GB, so it fits on one box.',
  },
  {
    id: 'hw-search-bw-unit',
    scenario: 'search-ranking',
    kind: 'defect',
    lang: 'en',
    expect: ['unit-error'],
    answer: 'Peak 15k QPS × 50 KB per response = 750 MB of egress.',
  },
  {
    id: 'hw-search-bw-ok',
    scenario: 'search-ranking',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer: 'Peak 15k QPS × 50 KB per response = 750 MB/s of egress, about 6 Gbps.',
  },
  {
    id: 'hw-ads-training-ok',
    scenario: 'ads-click-prediction',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer: 'Training data: 15B impressions a day × 90 days × 500 bytes = 675 TB.',
  },
  {
    id: 'hw-ads-training-off',
    scenario: 'ads-click-prediction',
    kind: 'defect',
    lang: 'en',
    expect: ['arithmetic-off'],
    answer: 'Training data: 15B impressions a day × 90 days × 500 bytes = 675 GB.',
  },
  {
    id: 'hw-mt-machines-ok',
    scenario: 'multilingual-translation',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer: 'At 150k QPS peak and ~500 QPS per GPU we need 150k / 500 = 300 GPUs.',
  },
  {
    id: 'hw-mt-machines-off',
    scenario: 'multilingual-translation',
    kind: 'defect',
    lang: 'en',
    expect: ['arithmetic-off'],
    answer: 'At 150k QPS peak and ~500 QPS per GPU we need 150k / 500 = 30 GPUs.',
  },
  {
    id: 'hw-pymk-dau-off',
    scenario: 'people-you-may-know',
    kind: 'defect',
    lang: 'en',
    expect: ['fact-off:daily-active-users'],
    answer: 'Say 40M daily active users open the app.',
  },
  {
    id: 'hw-feed-zh-ok',
    scenario: 'feed-engagement',
    kind: 'correct',
    lang: 'zh',
    expect: [],
    answer: '日活 3亿，每人每天刷 6 次，每天约 18亿 次请求，平均约 2万 QPS。',
  },
  {
    id: 'hw-prose-no-estimate',
    scenario: 'feed-engagement',
    kind: 'correct',
    lang: 'en',
    expect: [],
    answer:
      'I would use a two-stage funnel with about 1,500 candidates per request and rank them in 100 ms.',
  },
  {
    id: 'hw-malformed-words',
    scenario: 'fraud-detection',
    kind: 'malformed',
    lang: 'en',
    expect: ['problem'],
    answer: 'Throughput = 100M ÷ = about a lot per second',
  },
] as const;
