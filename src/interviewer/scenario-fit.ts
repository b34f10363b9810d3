/**
 * Does a piece of the framework's text fit this scenario? The framework is written for every
 * scenario at once, so some of its follow-ups and rubric examples belong to one domain ("If the
 * business goal is engagement…", "e.g. 'CTR'", "creators vs. viewers"). Asked in a fraud
 * interview they give the interviewer away.
 *
 * A text fits when every domain it names (see DOMAINS) is one the scenario itself talks about:
 * its title, summary, prompt, tags, facts, key points and follow-ups.
 */
import type { Scenario } from '../knowledge/schema.ts';
import { containsPhrase, normalize } from '../knowledge/signals.ts';

/** Domain vocabularies: naming one in a question ties the question to scenarios that have it. */
const DOMAINS: Record<string, string[]> = {
  engagement: ['engagement', 'engaging', '参与度'],
  clicks: ['ctr', 'click-through', 'click through', 'clicks', 'clicked', '点击率', '点击'],
  clickbait: ['clickbait', '标题党'],
  watchTime: ['watch time', 'watch-time', '观看时长'],
  watching: ['watched', 'watching', 'already-watched', '看过', '观看'],
  creators: ['creator', 'creators', '创作者'],
  viewers: ['viewer', 'viewers', '观众'],
  likes: ['likes', 'liked', '点赞'],
  loggedOut: ['logged out', 'logged-out', 'not logged in', '未登录'],
  video: ['video', 'videos', '视频'],
  feed: ['feed', 'feeds', '信息流'],
  queries: ['query', 'queries', 'search results', '查询词', '搜索词'],
  ads: ['advertiser', 'advertisers', 'auction', 'bid', 'bids', '广告主', '竞价'],
  fraud: ['fraud', 'fraudulent', 'chargeback', 'chargebacks', '欺诈', '拒付'],
  popular: ['popular items', '热门物品'],
  translation: ['translation', 'translate', 'bleu', '翻译'],
  delivery: ['delivery time', 'courier', 'eta', '配送', '骑手'],
};

const domainCache = new Map<string, Set<string>>();

/** The domains the scenario's own texts talk about (computed once per scenario). */
function scenarioDomains(scenario: Scenario): Set<string> {
  const cached = domainCache.get(scenario.id);
  if (cached) return cached;
  const parts: string[] = [
    scenario.title.en,
    scenario.title.zh,
    scenario.summary.en,
    scenario.summary.zh,
    scenario.prompt.en,
    scenario.prompt.zh,
    scenario.tags.join(' ').replace(/-/g, ' '),
    ...scenario.facts.flatMap((f) => [f.answer.en, f.answer.zh]),
    ...Object.values(scenario.keyPoints).flatMap((points) =>
      (points ?? []).flatMap((p) => [p.text.en, p.text.zh, ...p.signals.en, ...p.signals.zh]),
    ),
    ...scenario.followups.flatMap((f) => [f.question.en, f.question.zh]),
  ];
  const corpus = normalize(parts.join('\n'));
  const domains = new Set(
    Object.entries(DOMAINS)
      .filter(([, terms]) => terms.some((t) => containsPhrase(corpus, t)))
      .map(([domain]) => domain),
  );
  domainCache.set(scenario.id, domains);
  return domains;
}

/** The domains `text` names that the scenario never talks about. */
export function foreignDomains(text: string, scenario: Scenario): string[] {
  const own = scenarioDomains(scenario);
  const haystack = normalize(text);
  return Object.entries(DOMAINS)
    .filter(
      ([domain, terms]) =>
        !own.has(domain) &&
        terms.some((t) => haystack.includes(normalize(t)) && containsPhrase(haystack, t)),
    )
    .map(([domain]) => domain);
}

export function fitsScenario(text: string, scenario: Scenario): boolean {
  return foreignDomains(text, scenario).length === 0;
}

/**
 * Rubric text with the examples that belong to other domains taken out: "(e.g. 'CTR')" goes in
 * a fraud interview, "(new vs. returning, creators vs. viewers, logged-out)" keeps "new vs.
 * returning". Text outside brackets that names a foreign domain is left as it is (the scorer
 * wrote it), only the examples are trimmed.
 */
export function fitRubricText(text: string, scenario: Scenario): string {
  if (fitsScenario(text, scenario)) return text;
  const trimmed = text.replace(/\s*[(（]([^()（）]*)[)）]/g, (whole, inner: string) => {
    const close = whole.trimEnd().endsWith('）') ? '）' : ')';
    const open = close === '）' ? '（' : '(';
    const lead = /^(e\.g\.|for example|such as|例如|比如)\s*/i.exec(inner.trim())?.[0] ?? '';
    const items = inner
      .trim()
      .slice(lead.length)
      .split(/\s*[,，、;；]\s*/)
      .filter((item) => item.length > 0 && fitsScenario(item, scenario));
    if (items.length === 0) return '';
    const joiner = /[\u3400-\u9fff]/.test(inner) ? '、' : ', ';
    return ` ${open}${lead}${items.join(joiner)}${close}`;
  });
  // "e.g. 'CTR'" outside brackets, up to the end of the clause.
  const withoutExamples = trimmed
    .replace(/,?\s*(e\.g\.|for example|such as)\s+[^,.;)]*[,.;]?/gi, (example) =>
      fitsScenario(example, scenario) ? example : example.trimEnd().endsWith('.') ? '.' : '',
    )
    .replace(/\s+([.,;])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return withoutForeignClauses(withoutExamples, scenario);
}

/**
 * What is left naming another domain ("explains why clicks alone can mislead" in a churn
 * interview) goes clause by clause; a sentence with nothing left goes whole.
 */
function withoutForeignClauses(text: string, scenario: Scenario): string {
  if (fitsScenario(text, scenario)) return text;
  const sentences = text.split(/(?<=[.!?。！？])\s*/);
  return sentences
    .map((sentence) => {
      if (fitsScenario(sentence, scenario)) return sentence;
      const chinese = /[\u3400-\u9fff]/.test(sentence);
      const clauses = sentence.split(chinese ? /[，；、]/ : /,\s+(?:and\s+)?|;\s+|\s+and\s+/);
      const kept = clauses.filter((c) => fitsScenario(c, scenario));
      if (kept.length === 0) return '';
      const joined = kept.join(chinese ? '，' : ', ').trim();
      return /[.!?。！？]$/.test(joined) ? joined : `${joined}${chinese ? '。' : '.'}`;
    })
    .filter((s) => s.length > 0)
    .join(/[\u3400-\u9fff]/.test(text) ? '' : ' ');
}
