/**
 * What a sentence does besides naming things: does it give a reason, a trade-off, a condition
 * or a concrete number? A list of terms does none of that, a reasoned design choice does.
 */

/** Connectives that tie a choice to a reason, a consequence, an alternative or a condition. */
const EN_CONNECTIVES =
  /\b(because|since|so that|so we|so the|so it|which means|that means|this means|meaning|trade-?offs?|trade off|instead|rather than|otherwise|therefore|thus|hence|in order to|to avoid|to prevent|to reduce|to keep|to handle|to make sure|to ensure|to catch|to detect|depends on|depending on|at the cost of|costs?|downside|upside|versus|vs\.?|compared (to|with)|but|however|although|whereas|while|unless|if|when|as a result|due to|given that|which lets|lets us|allows us|avoids?|prevents?|caused by|leads to|risk|balance|why)\b/i;

const ZH_CONNECTIVES =
  /(因为|由于|所以|因此|从而|以便|为了|以免|避免|防止|权衡|取舍|折中|取决于|视.{0,6}而定|否则|而不是|而非|但是|但|不过|然而|如果|假如|一旦|那么|这样|导致|意味着|相比|相对于|代价|成本|好处|坏处|缺点|优点|风险|原因|既.{0,10}又|虽然|尽管|只有|才能|使得|让)/;

/**
 * Numbers, magnitudes and units: signs of a concrete, checked design rather than buzzwords.
 * A digit inside a name ("p99", "int8", "ndcg@10", "gpt-4") is not a specific.
 */
const SPECIFICS =
  /(?<![a-z0-9@_.-])\d|\b(hundreds?|thousands?|millions?|billions?|dozens?|twice|daily|hourly|weekly|monthly|nightly|per (day|hour|minute|second|user|request|query))\b|[万亿]|几十|几百|几千|每天|每小时|每周|每月|每秒/i;

export function hasConnective(sentence: string): boolean {
  return EN_CONNECTIVES.test(sentence) || ZH_CONNECTIVES.test(sentence);
}

export function hasSpecifics(sentence: string): boolean {
  return SPECIFICS.test(sentence);
}
