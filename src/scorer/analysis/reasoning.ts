/**
 * What a sentence does besides naming things: does it give a reason, a trade-off, a condition
 * or a concrete number? A list of terms does none of that, a reasoned design choice does.
 */

/** Connectives that tie a choice to a reason, a consequence or an alternative. */
const EN_STRONG =
  /\b(because|since|so that|so|which (usually |often |typically )?means|that means|this means|meaning|trade-?offs?|trade off|instead|rather than|otherwise|therefore|thus|hence|in order to|to (avoid|prevent|reduce|keep|handle|make sure|ensure|catch|detect|limit|fix|correct|remove|protect)|depends on|depending on|at the cost of|the cost is|downside|upside|versus|vs\.?|compared (to|with)|unless|as a result|due to|given that|which lets|lets us|allows us|caused by|leads to|why)\b/i;

const ZH_STRONG =
  /(因为|由于|所以|因此|从而|以便|为了|以免|避免|防止|权衡|取舍|折中|取决于|视.{0,6}而定|否则|而不是|而非|导致|意味着|相比|相对于|代价|好处|坏处|缺点|优点|原因|这样才|才能|使得)/;

/** Softer links: a condition, a contrast, an example. They count when the sentence has substance. */
const EN_WEAK =
  /\b(but|however|although|whereas|while|if|when|once|in case|for example|e\.g\.|risk|costs?|balance|avoids?|prevents?|helps?)\b/i;

const ZH_WEAK =
  /(但是|但|不过|然而|如果|假如|一旦|那么|这样|虽然|尽管|只有|让|比如|例如|成本|风险|既.{0,10}又)/;

export function hasStrongConnective(sentence: string): boolean {
  return EN_STRONG.test(sentence) || ZH_STRONG.test(sentence);
}

export function hasWeakConnective(sentence: string): boolean {
  return EN_WEAK.test(sentence) || ZH_WEAK.test(sentence);
}

/**
 * Numbers, magnitudes and units: signs of a concrete, checked design rather than buzzwords.
 * A digit inside a name ("p99", "int8", "ndcg@10", "gpt-4") is not a specific.
 */
const SPECIFICS =
  /(?<![a-z0-9@_.-])\d|\b(hundreds?|thousands?|millions?|billions?|dozens?|twice|daily|hourly|weekly|monthly|nightly|per (day|hour|minute|second|user|request|query))\b|[万亿]|几十|几百|几千|每天|每小时|每周|每月|每秒/i;

export function hasConnective(sentence: string): boolean {
  return hasStrongConnective(sentence) || hasWeakConnective(sentence);
}

export function hasSpecifics(sentence: string): boolean {
  return SPECIFICS.test(sentence.normalize('NFKC'));
}
