/**
 * What kind of thing a clarifying question asks about, in words no scenario has to list: the
 * fallback when none of a scenario's fact aliases match ("How quickly must we respond?" is a
 * latency question even if the scenario's latency fact only lists "latency" and "p99").
 * Matched on word stems (English) or substrings (Chinese) inside one question clause.
 */
import type { Fact } from '../knowledge/schema.ts';
import { normalize } from '../knowledge/signals.ts';
import { hasChinese, stems } from './words.ts';

type Topic = Fact['topic'];

const TOPIC_WORDS: Record<Topic, { en: string[]; zh: string[] }> = {
  latency: {
    en: [
      'latency',
      'fast',
      'quickly',
      'response time',
      'respond',
      'millisecond',
      'ms',
      'sla',
      'slo',
      'deadline',
      'real-time',
      'realtime',
      'real time',
      'p99',
      'p95',
      'time budget',
      'time limit',
      'how long',
    ],
    zh: ['延迟', '时延', '多快', '响应时间', '耗时', '毫秒', '实时', '时间要求', '多久'],
  },
  labels: {
    en: [
      'label',
      'ground truth',
      'annotat',
      'positive',
      'negative',
      'rare',
      'how common',
      'find out',
      'confirm',
      'learn',
      'outcome',
      'when do we know',
      'feedback',
      'target',
    ],
    zh: ['标签', '标注', '真实值', '正样本', '负样本', '反馈', '怎么知道', '多久知道', '确认'],
  },
  users: {
    en: [
      'user',
      'customer',
      'audience',
      'who use',
      'people',
      'member',
      'subscriber',
      'viewer',
      'buyer',
      'seller',
      'new user',
    ],
    zh: ['用户', '客户', '人群', '谁在用', '会员', '订阅'],
  },
  business: {
    en: [
      'goal',
      'objective',
      'kpi',
      'success',
      'business',
      'optimi',
      'care about',
      'revenue',
      'win',
      'purpose',
      'aim',
      'achieve',
      'accomplish',
      'trying to',
      'north star',
      'matter most',
    ],
    zh: ['目标', '业务', '成功', '收入', '关心', '优化', '达到', '想要'],
  },
  constraints: {
    en: [
      'constraint',
      'limit',
      'regulat',
      'privacy',
      'legal',
      'compliance',
      'budget',
      'cost',
      'restrict',
      'gdpr',
      'policy',
      'hardware',
      'gpu',
      'team',
    ],
    zh: ['约束', '限制', '法规', '隐私', '合规', '预算', '成本', '政策', '硬件', '团队'],
  },
  data: {
    en: [
      'data',
      'log',
      'signal',
      'history',
      'information',
      'record',
      'event',
      'dataset',
      'collect',
      'track',
    ],
    zh: ['数据', '日志', '信号', '记录', '历史', '信息', '事件'],
  },
  scale: {
    en: [
      'scale',
      'how many',
      'how much',
      'volume',
      'traffic',
      'qps',
      'throughput',
      'size',
      'how big',
      'how large',
      'number of',
      'per day',
      'per second',
      'peak',
      'requests',
    ],
    zh: ['规模', '量级', '多少', '流量', '数量', '多大', '峰值', '每天', '每秒'],
  },
  product: {
    en: [
      'product',
      'surface',
      'where',
      'shown',
      'ui',
      'page',
      'feature of the product',
      'today',
      'currently',
      'existing',
      'baseline',
      'action',
      'decision',
    ],
    zh: ['产品', '场景', '展示', '页面', '现在', '目前', '现有', '动作', '决策'],
  },
};

/** The topic the clause asks about: the first that matches, in the order above (most specific first). */
export function topicsAskedIn(clause: string): Topic[] {
  const text = normalize(clause);
  const words = stems(clause);
  const joined = ` ${words.join(' ')} `;
  const found: Topic[] = [];
  for (const [topic, lists] of Object.entries(TOPIC_WORDS) as [
    Topic,
    { en: string[]; zh: string[] },
  ][]) {
    const hit =
      lists.zh.some((w) => text.includes(w)) ||
      lists.en.some((w) => (hasChinese(w) ? false : joined.includes(` ${stems(w).join(' ')}`)));
    if (hit) found.push(topic);
  }
  // One topic per clause: the first found is the most specific in this ordering.
  return found.slice(0, 1);
}
