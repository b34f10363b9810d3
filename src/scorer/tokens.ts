/**
 * Content tokens for matching meaning rather than exact phrases: English words stemmed with the
 * Porter stemmer (the `stemmer` package), so "partitioned" and "partitioning" meet; Chinese
 * segmented into words with Intl.Segmenter (no dictionary to ship), so "标签延迟" and
 * "标签的延迟" meet on 标签 and 延迟. Function words are dropped: they carry no idea.
 */
import { stemmer } from 'stemmer';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const EN_STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing done down during each either else even ever
  every few for from further get gets getting go goes going got had has have having here how i if in
  into is it its itself just let like may me might more most much must my no nor not now of off on
  once only or other our out over own per quite rather really same should so some such than that the
  their them then there these they this those though through to too under until up upon us very via
  was way we were what when where whether which while who whom why will with would yet you your
  um uh yeah okay ok hmm basically actually gonna wanna kinda sorta thing things stuff`.split(
    /\s+/,
  ),
);

const ZH_STOPWORDS = new Set(
  `的 了 和 是 在 就 也 都 而 及 与 或 一个 我们 你 我 他 她 它 这 那 这个 那个 这些 那些 然后 就是 还是 可以 需要 因为 所以 如果 但是 一些 比如 以及 还有 进行 使用 用 做 会 要 对 把 被 让 给 从 到 等 嗯 啊 吧 呢 吗 的话 什么 怎么 可能 应该 其实 主要 一下 这样 那么`.split(
    /\s+/,
  ),
);

const CJK = /[\u3400-\u9fff]/;

/**
 * Stems that mean the same idea but do not meet under Porter stemming: time adverbs ("hourly"
 * is "every hour"), and a few spelling families.
 */
const SAME_IDEA: Record<string, string> = {
  hourli: 'hour',
  daili: 'dai',
  weekli: 'week',
  monthli: 'month',
  nightli: 'night',
  yearli: 'year',
  retrain: 'train',
  finetun: 'tune',
};

/** One token per content word: stemmed English words of 2+ letters, Chinese words, numbers. */
export function contentTokens(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.normalize('NFKC').toLowerCase();
  for (const { segment, isWordLike } of segmenter.segment(lower)) {
    if (!isWordLike) continue;
    if (CJK.test(segment)) {
      if (!ZH_STOPWORDS.has(segment)) tokens.push(segment);
    } else if (/^[a-z][a-z0-9]*$/.test(segment)) {
      if (segment.length >= 2 && !EN_STOPWORDS.has(segment)) {
        const stem = stemmer(segment);
        tokens.push(SAME_IDEA[stem] ?? stem);
      }
    }
  }
  return tokens;
}

export function tokenSet(text: string): Set<string> {
  return new Set(contentTokens(text));
}
