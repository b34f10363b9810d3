/**
 * How candidates ask about each kind of fact, in words no scenario has to list: "How quickly
 * must we respond?" asks for the latency fact even when its aliases only say "latency" and
 * "p99". Two vocabularies, both languages:
 * - by topic (every fact has one: latency, scale, users, data, labels, business, constraints,
 *   product);
 * - by kind, recognised from the fact's id (a catalogue size and a request rate are both
 *   "scale" but are asked about differently).
 * The fact matcher (fact-match.ts) adds these words to each fact's own aliases and answer.
 */
import type { Fact } from '../knowledge/schema.ts';

interface Words {
  en: string[];
  zh: string[];
}

const BY_TOPIC: Record<Fact['topic'], Words> = {
  latency: {
    en: [
      'latency',
      'fast',
      'quickly',
      'quick',
      'response time',
      'respond',
      'millisecond',
      'ms',
      'sla',
      'deadline',
      'real-time',
      'realtime',
      'p99',
      'p95',
      'time budget',
      'time limit',
      'slow',
    ],
    zh: [
      '延迟',
      '时延',
      '多快',
      '多短',
      '响应',
      '耗时',
      '毫秒',
      '实时',
      '时间要求',
      '时间内',
      '给出结果',
    ],
  },
  scale: {
    en: ['scale', 'volume', 'size', 'big', 'large', 'number', 'total', 'amount'],
    zh: ['规模', '量级', '多大', '数量', '一共', '总共'],
  },
  users: {
    en: ['user', 'customer', 'audience', 'people', 'person', 'member', 'subscriber', 'who'],
    zh: ['用户', '客户', '人群', '多少人', '会员', '订阅', '谁'],
  },
  data: {
    en: [
      'data',
      'log',
      'logged',
      'signal',
      'history',
      'information',
      'record',
      'recorded',
      'event',
      'dataset',
      'collect',
      'track',
      'learn from',
    ],
    zh: ['数据', '日志', '信号', '记录', '历史', '信息', '事件', '学习'],
  },
  labels: {
    en: [
      'label',
      'ground truth',
      'annotate',
      'annotation',
      'target',
      'train on',
      'supervision',
      'outcome',
      'true',
    ],
    zh: ['标签', '标注', '真实', '目标标签', '训练用', '结果'],
  },
  business: {
    en: [
      'goal',
      'objective',
      'kpi',
      'success',
      'business',
      'optimize',
      'optimise',
      'revenue',
      'achieve',
      'accomplish',
      'purpose',
      'aim',
      'want',
      'care',
      'company',
      'north star',
    ],
    zh: ['目标', '业务', '成功', '收入', '关心', '达成', '达到', '希望', '公司', '想要'],
  },
  constraints: {
    en: [
      'constraint',
      'limit',
      'regulation',
      'regulatory',
      'privacy',
      'legal',
      'law',
      'compliance',
      'rule',
      'restrict',
      'gdpr',
      'policy',
      'respect',
      'allowed',
    ],
    zh: ['约束', '限制', '法规', '法律', '隐私', '合规', '规定', '政策', '遵守', '允许'],
  },
  product: {
    en: [
      'product',
      'surface',
      'where',
      'shown',
      'show',
      'page',
      'screen',
      'today',
      'currently',
      'existing',
      'in place',
      'action',
      'decision',
      'do about',
    ],
    zh: ['产品', '场景', '展示', '页面', '现在', '目前', '现有', '动作', '决策', '哪些地方'],
  },
};

/** Kinds of fact, by id, and how candidates ask for them. */
const BY_KIND: { id: RegExp; words: Words }[] = [
  {
    id: /traffic|request|volume|qps|throughput/,
    words: {
      en: [
        'traffic',
        'requests',
        'request rate',
        'load',
        'qps',
        'per second',
        'per day',
        'peak',
        'throughput',
        'how much',
      ],
      zh: ['流量', '请求量', '请求', '峰值', '每秒', '每天', '并发', '承受'],
    },
  },
  {
    id: /catalog|corpus|inventory|listings|graph-size|content$/,
    words: {
      en: [
        'items',
        'catalog',
        'catalogue',
        'inventory',
        'corpus',
        'choose from',
        'how many',
        'collection',
        'library',
        'candidates',
      ],
      zh: ['内容', '一共有多少', '库', '候选', '物品', '可供选择', '多少个'],
    },
  },
  {
    id: /users|subscriber|accounts|daily|audience/,
    words: {
      en: ['people', 'users', 'how many people', 'customers', 'use the product'],
      zh: ['多少人', '用户', '在用'],
    },
  },
  {
    id: /label|ground|churn-definition|evaluation-data/,
    words: {
      en: [
        'label',
        'labels',
        'target',
        'train on',
        'ground truth',
        'outcome',
        'annotation',
        'come from',
      ],
      zh: ['标签', '训练用', '真实结果', '标注', '从哪里来'],
    },
  },
  {
    id: /prevalence|fraud-rate|-rate$/,
    words: {
      en: [
        'share',
        'rare',
        'common',
        'how often',
        'positives',
        'positive rate',
        'base rate',
        'percentage',
        'fraction',
      ],
      zh: ['比例', '占多少', '正例', '多少比例', '多常见', '多少是'],
    },
  },
  {
    id: /delay/,
    words: {
      en: ['how long', 'when', 'learn', 'find out', 'delay', 'late'],
      zh: ['多久', '才能知道', '什么时候', '延迟多久'],
    },
  },
  {
    // Records of what happened; "metadata" describes items and is not one.
    id: /(?<!meta)data|logs|sessions|history|timestamps|flags/,
    words: {
      en: ['recorded', 'record', 'logged', 'logs', 'learn from', 'collect', 'track', 'data'],
      zh: ['记录', '日志', '数据', '学习', '收集'],
    },
  },
  {
    id: /compute|hosting|hardware|training-volume/,
    words: {
      en: ['hardware', 'compute', 'gpu', 'gpus', 'machines', 'cluster', 'budget', 'cloud', 'host'],
      zh: ['硬件', '算力', 'gpu', '机器', '集群', '预算', '部署在'],
    },
  },
  {
    id: /current|baseline|existing/,
    words: {
      en: ['currently', 'in place', 'existing', 'now', 'before'],
      zh: ['现在', '目前', '现有', '之前', '线上是怎么做'],
    },
  },
  {
    id: /actions|interventions|dispatch/,
    words: {
      en: [
        'do about',
        'action',
        'actions',
        'act on',
        'what can we do',
        'intervene',
        'respond to a prediction',
      ],
      zh: ['动作', '采取', '干预', '怎么处理预测'],
    },
  },
  {
    id: /adversar/,
    words: {
      en: [
        'bad actors',
        'attackers',
        'adversaries',
        'game the system',
        'get around',
        'evade',
        'abuse',
      ],
      zh: ['绕过', '对抗', '攻击', '作弊', '故意'],
    },
  },
  {
    id: /language/,
    words: { en: ['languages', 'language', 'locales', 'multilingual'], zh: ['语言', '语种'] },
  },
  {
    id: /cold-start|new-/,
    words: {
      en: ['brand-new', 'new items', 'new accounts', 'new users', 'how often do new', 'no history'],
      zh: ['全新', '新内容', '新账号', '新用户', '没有历史', '出现', '新的'],
    },
  },
  {
    id: /quer/,
    words: {
      en: ['queries', 'query', 'typical', 'look like', 'searches'],
      zh: ['查询', '典型', '长什么样'],
    },
  },
  {
    id: /privacy|regulat|policy|permission|safety|constraints/,
    words: {
      en: ['legal', 'privacy', 'policy', 'rules', 'regulation', 'allowed', 'must respect'],
      zh: ['法律', '隐私', '政策', '规定', '遵守', '合规'],
    },
  },
  {
    id: /surfaces|where-shown|query-types|suggestion-types/,
    words: {
      en: ['where', 'which parts', 'surfaces', 'shown', 'show', 'screens'],
      zh: ['哪些地方', '展示', '页面', '入口'],
    },
  },
  {
    id: /business-goal|error-costs|engagement-definition/,
    words: {
      en: ['achieve', 'goal', 'want', 'success', 'ultimately'],
      zh: ['达成', '目标', '希望', '最终'],
    },
  },
];

/**
 * The words candidates use when asking for `fact`'s kind only (not its whole topic): "recorded"
 * asks for a log, not for the item metadata that shares its "data" topic.
 */
export function kindWords(fact: Fact): Words {
  const kinds = BY_KIND.filter((k) => k.id.test(fact.id)).map((k) => k.words);
  return { en: kinds.flatMap((k) => k.en), zh: kinds.flatMap((k) => k.zh) };
}

/** The words candidates use when asking for `fact`, beyond its own aliases. */
export function askingWords(fact: Fact): Words {
  const topic = BY_TOPIC[fact.topic];
  const kinds = BY_KIND.filter((k) => k.id.test(fact.id)).map((k) => k.words);
  return {
    en: [...topic.en, ...kinds.flatMap((k) => k.en)],
    zh: [...topic.zh, ...kinds.flatMap((k) => k.zh)],
  };
}
