/**
 * Metrics read backwards: "PSI 越高说明模型越准", "a higher p-value means the result is more
 * significant", "MAE 越大说明新模型越好". An answer that stuffs keywords names the right metric
 * and gets its direction wrong. Which way is better is a fact of the metric
 * (knowledge/definitions.yaml, `better`), so the claim is read from that fact, without a
 * catalogue of wrong sentences.
 *
 * A claim is the metric, a direction right next to it ("higher", "越大", "above", ">"), and later
 * in the same sentence a word that calls the result good ("better", "越准", "more stable"). It is
 * backwards when the direction is the metric's worse one. Not judged:
 *   - a negated or weakened verdict ("not better", "less significant", "不一定更好");
 *   - advice ("it's better to roll back", "better than waiting");
 *   - a verdict about something else ("lower precision for better recall", "对召回更好");
 *   - a contrast between the two ("latency goes up, but the ranking is better");
 *   - a condition and its consequence ("if PSI is above 0.2, a retrain is better").
 */
import { type DefinedTerm, oneSpaced, whereNamed } from './definitions.ts';

/** A direction word, either way. */
const HIGHER =
  /^(higher|larger|bigger|greater|above|more than|exceeds?|exceeding|increases?|increasing|goes up|going up|went up|rises|rising|grows|growing|>|越高|越大|越多|大于|高于|超过|上升|升高|变大|变高|增加|增大|更高|更大)/iu;
const LOWER =
  /^(lower|smaller|less than|fewer|below|under|decreases?|decreasing|drops?|dropping|falls?|falling|goes down|going down|went down|shrinks?|<|越低|越小|越少|小于|低于|下降|降低|变小|变低|减少|减小|更低|更小)/iu;

/** A verdict that the result is good. */
const GOOD =
  /\b(better|good|great|an improvement|improved|more accurate|accurate|healthier|healthy|stronger|more (stable|reliable|confident|trustworthy|precise))\b|越好|更好|越准|更准|准确(?!率)|效果好|稳定|健康|可靠|越优|更优/iu;
/** For a p-value, "significant" is the verdict. */
const SIGNIFICANT = /\b(significant|significance|reject the null|real effect)\b|显著|拒绝原假设/iu;

/** A verdict weakened or negated: "not better", "less significant", "不一定更好". */
const WEAKENED = /\b(not|no|never|less|hardly|neither)\b|n['’]t\b|不|没|非|未必/iu;
/** Advice or a comparison with another course of action, not a verdict on the metric. */
const ADVICE_AFTER = /^\s*(to|than|off|idea|practice|enough)\b/iu;
/**
 * The verdict ends its clause ("… is better.", "越好，", "better, so …"); a verdict that goes on
 * qualifies something else: "better recall", "good for latency", "更好的召回".
 */
const VERDICT_ENDS =
  /^(\s*$|\s*[,，、)）:：]|\s+(and|because|since|so|as|overall|now|here|too|then|already|enough)\b|(了|啊|的话|，|,|\s*$))/iu;
/** The verdict is for something named just before it: "召回率越高，对用户更好". */
const ABOUT_ELSE_BEFORE = /对\s*[^，,。；;]{0,8}$/u;
/** A contrast between the direction and the verdict: two different things. */
const CONTRAST =
  /\b(but|however|although|though|while|whereas|yet|at the cost|in exchange|trade)\b|但|不过|然而|虽然|代价|换来|牺牲/iu;
/** The claim is a condition, and the verdict its consequence about something else. */
const CONDITION_BEFORE =
  /\b(if|when|whenever|once|unless)\b[^.;!?]{0,25}$|(如果|若|当|一旦)[^。；！？]{0,12}$/iu;

/** Characters read after the metric for the verdict. */
const VERDICT_WINDOW = 60;

type Direction = 'higher' | 'lower';

function directionOf(text: string): Direction | null {
  const t = text.replace(/^\s+/u, '');
  if (HIGHER.test(t)) return 'higher';
  if (LOWER.test(t)) return 'lower';
  return null;
}

/** The direction given right before the metric ("a higher p-value", "更高的 AUC"), if any. */
function directionBefore(
  before: string,
): { direction: Direction; at: number; correlative: boolean } | null {
  const m =
    /(higher|larger|bigger|greater|lower|smaller|越高|越大|越低|越小|更高|更大|更低|更小)(\s+the)?\s*(的)?\s*$/iu.exec(
      before,
    );
  if (!m) return null;
  // "the higher the PSI, the more stable the model": the verdict's clause is the second half.
  return { direction: directionOf(m[1]!)!, at: m.index, correlative: Boolean(m[2]) };
}

/** The direction given right after the metric ("PSI 越高", "AUC above 0.8", "RMSE goes down"). */
function directionAfter(rest: string): { direction: Direction; end: number } | null {
  // A verb between may say what the metric does: "PSI is higher", "MAE went up", "p 值变大".
  const m =
    /^\s*[,，:：]?\s*(is |are |was |were |gets |got |becomes |became |keeps |values? |值)?(even |much |far |a bit |slightly )?(getting |being )?/iu.exec(
      rest,
    )!;
  const after = rest.slice(m[0].length);
  const direction = directionOf(after);
  if (!direction) return null;
  const word = (direction === 'higher' ? HIGHER : LOWER).exec(after.replace(/^\s+/u, ''))![0];
  return { direction, end: m[0].length + (after.length - after.trimStart().length) + word.length };
}

/** Does the sentence call the metric good in its worse direction? */
export function readsBackwards(
  sentence: string,
  term: DefinedTerm,
  catalogue: readonly DefinedTerm[],
): boolean {
  if (!term.better) return false;
  const verdicts = term.id === 'p-value' ? [GOOD, SIGNIFICANT] : [GOOD];
  for (const re of term.term) {
    for (const match of sentence.matchAll(re)) {
      const start = match.index;
      const end = start + match[0].length;
      const before = sentence.slice(Math.max(0, start - 30), start);
      const rest = sentence.slice(end);
      const prior = directionBefore(before);
      const next = prior ? null : directionAfter(rest);
      const direction = prior?.direction ?? next?.direction;
      if (!direction || direction === term.better) continue;
      const conditionAt = prior ? before.slice(0, prior.at) : before;
      const conditional = CONDITION_BEFORE.test(conditionAt);
      const window = rest
        .slice(next?.end ?? 0)
        .split(/[;!?。；！？\n]|\.(?!\d)/u)[0]!
        .slice(0, VERDICT_WINDOW);
      for (const verdict of verdicts) {
        const found = verdict.exec(window);
        if (!found) continue;
        const between = window.slice(0, found.index);
        const after = window.slice(found.index + found[0].length);
        if (WEAKENED.test(between.slice(-12)) || CONTRAST.test(between)) continue;
        // "if PSI is above 0.2, a retrain is better": the verdict is the consequence's.
        if (conditional && /[,，]/u.test(between)) continue;
        if (ADVICE_AFTER.test(after)) continue;
        if (!prior?.correlative && !VERDICT_ENDS.test(after)) continue;
        if (ABOUT_ELSE_BEFORE.test(between)) continue;
        // "throughput goes down, and p99 latency is better": the verdict is another metric's.
        if (catalogue.some((o) => o !== term && o.better && whereNamed(o, between) >= 0)) continue;
        return true;
      }
    }
  }
  return false;
}

/** A direction word and a verdict anywhere in the sentence (a cheap first pass). */
const ANY_CLAIM = new RegExp(
  `(${[HIGHER, LOWER].map((re) => re.source.slice(2, -1)).join('|')})[\\s\\S]*(${GOOD.source}|${SIGNIFICANT.source})`,
  'iu',
);

/**
 * The ids of the metrics the sentences read backwards (each once). Only the terms in `judged` are
 * judged (all of them unless given); the whole `catalogue` tells whose verdict a sentence gives.
 */
export function backwardsMetricsIn(
  sentences: readonly string[],
  catalogue: readonly DefinedTerm[],
  judged: readonly DefinedTerm[] = catalogue,
): string[] {
  const claiming = sentences.map(oneSpaced).filter((s) => ANY_CLAIM.test(s));
  if (claiming.length === 0) return [];
  return judged
    .filter(
      (t) =>
        t.better && claiming.some((s) => whereNamed(t, s) >= 0 && readsBackwards(s, t, catalogue)),
    )
    .map((t) => t.id);
}
