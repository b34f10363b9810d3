/**
 * Metrics aimed the wrong way: a design goal that pushes a metric in its worse direction ("we
 * want perplexity as high as possible", "maximise log loss", "minimise recall", "最大化 PSI").
 * Unlike metric-direction.ts, which reads a direction and a verdict on the result, this reads
 * the aim itself: the verb says which way the candidate wants the metric to go, and the metric's
 * `better` (knowledge/definitions.yaml) says whether that is the way that is good for it.
 *
 * Only an aim stated outright is read: an aim verb right before the metric ("maximise", "最大化"),
 * or the metric with "as high/low as possible" after a wish ("we want …", "keep …", "aim for …").
 * A negated or conditional aim, or a question, is left alone.
 */
import { type DefinedTerm, sentencesToRead } from './definitions.ts';

type Direction = 'higher' | 'lower';

/** An aim verb right before the metric (an article or "our" between at most). */
const AIM_BEFORE: { re: RegExp; direction: Direction }[] = [
  {
    re: /\b(maximi[sz]e|maximi[sz]ing|maximi[sz]es)\s+((the|our|its|their|model's|validation|offline|online)\s+){0,2}$|(最大化|尽量提高|尽可能提高)\s*$/iu,
    direction: 'higher',
  },
  {
    re: /\b(minimi[sz]e|minimi[sz]ing|minimi[sz]es)\s+((the|our|its|their|model's|validation|offline|online)\s+){0,2}$|(最小化|尽量降低|尽可能降低)\s*$/iu,
    direction: 'lower',
  },
];
/** The wish and "as high/low as possible" around the metric: "we want perplexity as high as possible". */
const WISH_BEFORE =
  /\b(want|wants|need|needs|aim for|aim to get|target|keep|push|drive|try to get|goal is (to get )?)\s+((the|our|its)\s+)?$/iu;
const AS_POSSIBLE_AFTER: { re: RegExp; direction: Direction }[] = [
  {
    re: /^\s*(to be\s+)?(as (high|large|big) as possible|(very )?(high|large)(?! level)\b(?!\s*(and|or)\b)|越(高|大)越好|尽量(高|大)|尽可能(高|大))/iu,
    direction: 'higher',
  },
  {
    re: /^\s*(to be\s+)?(as (low|small) as possible|(very )?(low|small)\b(?!\s*(and|or)\b)|越(低|小)越好|尽量(低|小)|尽可能(低|小))/iu,
    direction: 'lower',
  },
];
/** Chinese: "让 PSI 越大越好", "希望 log loss 尽量高". */
const WISH_BEFORE_ZH = /(希望|要|让|使|追求|目标是)\s*$/u;
/** The aim negated or put as a condition or a question. */
const NOT_AN_AIM =
  /\b(not|never|no|avoid\w*|if|whether|why|instead of|rather than|unless)\b|n['’]t\b|不要|不能|别|如果|是否|而不是|避免/iu;
/** The metric names what is aimed at, not the aim: "minimise the recall drop", "maximise p99 latency headroom". */
const MODIFIED_AFTER =
  /^\s*(@\s*\w+\s+)?(drop|loss|gap|regression|degradation|decline|headroom|variance|cost|budget|penalty|hit|reduction|下降|损失|差距|回退)/iu;
/** An aim told as a consequence or a trade-off: "maximising precision tends to minimise recall". */
const CONSEQUENCE_BEFORE =
  /\b(tends? to|means|meaning|would|will|can|could|at the (cost|expense) of|trade-?off|usually|often)\b[^,;]*$|(会|意味着|代价是|往往)[^，,；;]*$/iu;

/** Does the sentence aim the metric in its worse direction? */
export function aimsWrongWay(sentence: string, term: DefinedTerm): boolean {
  if (!term.better || /[?？]\s*$/u.test(sentence)) return false;
  for (const re of term.term) {
    for (const match of sentence.matchAll(re)) {
      const before = sentence.slice(Math.max(0, match.index - 40), match.index);
      const after = sentence.slice(
        match.index + match[0].length,
        match.index + match[0].length + 40,
      );
      const aims = [
        ...AIM_BEFORE.filter((a) => a.re.test(before)).map((a) => a.direction),
        ...(WISH_BEFORE.test(before) || WISH_BEFORE_ZH.test(before)
          ? AS_POSSIBLE_AFTER.filter((a) => a.re.test(after)).map((a) => a.direction)
          : []),
      ];
      if (aims.length === 0 || aims.includes(term.better) || MODIFIED_AFTER.test(after)) continue;
      // The clause up to the metric: "we don't want …", "if we maximise …".
      const clause = before.split(/[,;，；。.]/u).pop() ?? '';
      if (NOT_AN_AIM.test(clause) || CONSEQUENCE_BEFORE.test(clause)) continue;
      return true;
    }
  }
  return false;
}

/** An aim word anywhere in the sentence (a cheap first pass). */
const ANY_AIM =
  /maximi[sz]|minimi[sz]|as (high|large|big|low|small) as possible|want|need|aim|target|keep|最大化|最小化|越.越好|尽量|尽可能/iu;

/** The ids of the metrics the sentences aim the wrong way (each once). */
export function wrongWayAimsIn(
  sentences: readonly string[],
  terms: readonly DefinedTerm[],
): string[] {
  const read = sentencesToRead(sentences, ANY_AIM);
  if (read.length === 0) return [];
  return terms.filter((t) => t.better && read.some((s) => aimsWrongWay(s, t))).map((t) => t.id);
}
