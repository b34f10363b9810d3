/**
 * Metrics read backwards: "PSI 越高说明模型越准", "a higher p-value means the result is more
 * significant", "MAE 越大说明新模型越好". An answer that stuffs keywords names the right metric
 * and gets its direction wrong. Which way is better is a fact of the metric
 * (knowledge/definitions.yaml, `better`), so the claim is read from that fact, without a
 * catalogue of wrong sentences.
 *
 * A claim is the metric, a direction right next to it ("higher", "越大", "above 0.2", ">", or a
 * p-value stated as 0.1 or more), and later in the same sentence a word that calls the result
 * good ("better", "越准", "more stable"; "significant" for a p-value). It is backwards when the
 * direction is the metric's worse one. Not judged, because the verdict is not the metric's:
 *   - a negated or weakened verdict ("not better", "we fail to reject", "不一定更好");
 *   - advice ("it's better to roll back", "better than waiting");
 *   - a verdict about something else: another metric, model or fix ("lower precision for better
 *     recall", "so the old model was better", "retrain to keep the model healthy", "对召回更好");
 *   - a contrast, a cause or a second clause ("latency goes up, but the ranking is better",
 *     "because the bigger model is more accurate", "higher log loss is bad, lower is better");
 *   - a condition and its consequence ("if PSI is above 0.2, a retrain is better");
 *   - a question ("is a lower AUC better?").
 * Misses are cheap and false flags are not (two wrong ideas hold a stage at level 1), so every
 * doubt leaves the sentence alone.
 */
import { type DefinedTerm, sentencesToRead, whereNamed } from './definitions.ts';
import { wrongWayAimsIn } from './metric-aim.ts';

/**
 * A direction word, either way. "above", "over", "below", "under", "more/less than" only before a
 * figure or a threshold ("recall under the new policy" is a preposition, not a direction).
 */
const THRESHOLD_FOLLOWS = String.raw`(?=\s*(~|≈|about |around |roughly )?[\d.]|\s+(the |our |its )?(threshold|baseline|target|alpha|limit|sla|slo|budget|cut-?off)\b)`;
const HIGHER_WORDS = `(higher|larger|bigger|greater|increases?|increased|increasing|goes up|going up|went up|up(?! to)|rises|rose|rising|grows|grew|growing|jumps?|jumped|climbs?|climbed|spikes?|spiked|doubles?|doubled)(?![a-z])|(above|over|more than|exceeds?|exceeded|exceeding)${THRESHOLD_FOLLOWS}|[>＞≥]|越高|越大|越多|大于|高于|超过|上升|升高|变大|变高|增加|增大|更高|更大|上涨|涨|提高|很高|很大|偏高|较高`;
const LOWER_WORDS = `(lower|smaller|fewer|decreases?|decreased|decreasing|drops|dropped|dropping|falls|fell|falling|goes down|going down|went down|down|shrinks?|shrank|dips?|dipped)(?![a-z])|(below|under|less than)${THRESHOLD_FOLLOWS}|[<＜≤]|越低|越小|越少|小于|低于|下降|降低|变小|变低|减少|减小|更低|更小|降到|降至|下滑|掉|跌|很低|很小|偏低|较低`;
const HIGHER = new RegExp(`^(${HIGHER_WORDS})`, 'iu');
const LOWER = new RegExp(`^(${LOWER_WORDS})`, 'iu');
/** Anywhere in a text, for the other direction named in a later clause. */
const HIGHER_ANYWHERE = new RegExp(`(?<![a-z])(${HIGHER_WORDS}|high(?![a-z]))`, 'iu');
const LOWER_ANYWHERE = new RegExp(`(?<![a-z])(${LOWER_WORDS}|low(?![a-z]))`, 'iu');
/** A verdict that something is bad: "higher log loss is bad, lower is better". */
const BAD = /\b(worse|bad|poor|worst)\b|越差|变差|更差|不好/iu;

/** A verdict that the result is good. 越准确 before 越准, so the verdict is read whole. */
const GOOD =
  /\b(better|good|great|an improvement|improved|more accurate|accurate|healthier|healthy|stronger|more (stable|reliable|confident|trustworthy|precise))\b|越好|更好|越准确|更准确|越准|更准|准确(?!率)|效果好|稳定|健康|可靠|越优|更优/iu;
/** For a p-value, "significant" is the verdict. */
const SIGNIFICANT = /\b(significant|significance|reject the null|real effect)\b|显著|拒绝原假设/iu;

/** A verdict weakened or negated: "not better", "fail to reject", "less significant", "无法拒绝". */
const WEAKENED =
  /\b(not|no|never|less|hardly|neither|non|nothing|none|nowhere|far from|fail(s|ed)? to|lack\w*|hard(er)?|difficult|unable)\b|n['’]t\b|不|没|非(?!常)|未(?!来)|无法|难|缺乏/iu;
/** Where the verdict's own clause starts: it is weighed on its own words. */
const CLAUSE_START = /.*([,，、:：]|\bso\b|所以|因此)/su;
/** Advice or a comparison with another course of action, not a verdict on the metric. */
const ADVICE_AFTER = /^\s*(to|than|off|idea|practice|enough)\b/iu;
/**
 * The verdict ends its clause ("… is better.", "越好，", "better, so …") or says what is better in
 * general words ("a better model", "更好的效果"); a verdict that goes on about something else
 * qualifies it: "better recall", "good for latency", "更好的召回".
 */
const VERDICT_ENDS =
  /^(\s*$|\s*[,，、)）:：]|\s+(and|because|since|so|as|overall|now|here|too|then|already|enough)\b|(了|啊|的话|，|,)|\s+(models?|classifiers?|ranker|ranking|results?|predictions?|probabilities|forecasts?|fit|performance|quality|language models?|translations?)\b|\s+for (the )?(users?|customers?|serving|ranking( quality)?|the model|us)\b|\s+on (production|test|held-out|validation)\b|的?(模型|效果|排序|预测|结果|拟合|泛化))/iu;
/** "better calibrated": a verdict for the metrics that measure calibration (OWN_OUTCOME). */
const CALIBRATED_AFTER = /^\s*-?\s*calibrat\w*/iu;
/** The verdict is for something named just before it: "召回率越高，对用户更好". */
const ABOUT_ELSE_BEFORE = /对\s*[^，,。；;]{0,8}$/u;
/** A contrast between the direction and the verdict: two different things. */
const CONTRAST =
  /\b(but|however|although|though|while|whereas|yet|at the cost|in exchange|trade)\b|但|不过|然而|虽然|代价|换来|牺牲/iu;
/**
 * What makes the verdict another thing's: another model ("so the old model was better", "so B is
 * better"), a fix and what it achieves ("retrain to keep the model healthy", "要扩容，保证稳定",
 * "a bigger index is better"), or a cause ("because the bigger model is more accurate").
 */
const SOMETHING_ELSE = [
  /\b(old|previous|prior|earlier|baseline|control|other|incumbent|alternative|checkpoint|epoch)\b|旧|老|基线|对照|原来|另一/iu,
  /(?<![\w/])[AB](?![\w/])/u,
  /\b(to (keep|make|stay|ensure|avoid)|so that|in order|keeps?|stays?|must|should|needs?|needed)\b|要|需要|保证|保障|保持|让|使|以便|这样|应该|建议|之后|以后|回滚|改用|换成|换回|继续|用(?!户)/iu,
  /\b(a|an)\s+([\w-]+\s+){0,3}(is|would be|was)\s*$/iu,
  /\b(because|since)\b|因为|由于/iu,
];
/** Outcomes that are not catalogued terms but can take the verdict: "latency is better". */
const OTHER_OUTCOME =
  /\b(latency|accuracy|ctr|experience|ux)\b|延迟|准确率|点击率|体验|误报|漏报/iu;
/** What a metric measures, when it is a catalogued term: "Brier score 越高说明校准越好" is its verdict. */
const OWN_OUTCOME: Record<string, string> = {
  'brier-score': 'calibration',
  ece: 'calibration',
  'log-loss': 'calibration',
};
/** The claim is a condition, and the verdict its consequence about something else. */
const CONDITION_BEFORE =
  /\b(if|when|whenever|once|unless)\b[^.;!?]{0,25}$|(如果|若|当|一旦)[^。；！？]{0,12}$/iu;
/**
 * A condition right after the claim: "PSI 超过 0.2 的时候", "延迟升高时", "ECE goes up when we
 * skip calibration".
 */
const CONDITION_AFTER =
  /^[^，,。；]{0,15}?(时|的时候|的话|之后|后)|^[^,;]{0,20}\b(when|whenever|if|once)\b/iu;
/** A condition whose consequence is still a reading of the metric: "if p > 0.05, that means …". */
const MEANS = /\b(means?|meaning|shows?|indicates?|implies)\b|说明|表示|意味着|代表/iu;

/** Characters read after the metric for its claim. */
const MAX_CLAIM_CHARS = 200;
/** How far after the direction a verdict may start (it is then read to the end of its words). */
const VERDICT_WINDOW = 60;

type Direction = 'higher' | 'lower';

/** The direction word `text` starts with (after spaces), and how long it is with them. */
function directionOf(text: string): { direction: Direction; length: number } | null {
  const spaces = text.length - text.trimStart().length;
  const t = text.slice(spaces);
  const higher = HIGHER.exec(t);
  if (higher) return { direction: 'higher', length: spaces + higher[0].length };
  const lower = LOWER.exec(t);
  if (lower) return { direction: 'lower', length: spaces + lower[0].length };
  return null;
}

/**
 * The direction given right before the metric ("a higher p-value", "high PSI", "更高的 AUC"), if
 * any. In Chinese only with 的: in "阈值越低召回率越好" the 越低 is the threshold's.
 */
function directionBefore(
  before: string,
): { direction: Direction; at: number; correlative: boolean } | null {
  const m =
    /(?<![a-z])(higher|larger|bigger|greater|lower|smaller|high|low)(\s+the)?\s*$|(越高|越大|越低|越小|更高|更大|更低|更小)\s*的\s*$/iu.exec(
      before,
    );
  if (!m) return null;
  const word = (m[1] ?? m[3])!.toLowerCase();
  const direction: Direction = /^(higher|larger|bigger|greater|high)$|高|大/u.test(word)
    ? 'higher'
    : 'lower';
  // "the higher the PSI, the more stable the model": the verdict's clause is the second half.
  return { direction, at: m.index, correlative: Boolean(m[2]) };
}

/** The direction given right after the metric ("PSI 越高", "AUC above 0.8", "RMSE goes down"). */
function directionAfter(rest: string): { direction: Direction; end: number } | null {
  // A verb between may say what the metric does: "PSI is higher", "MAE went up", "p 值变大".
  const m =
    /^\s*[,，:：]?\s*(is |are |was |were |gets |got |becomes |became |keeps |stays |is still |scores? |values? |的?值|的?数值|指标|分数|得分)?(even |much |far |a bit |slightly )?(getting |being )?/iu.exec(
      rest,
    )!;
  const found = directionOf(rest.slice(m[0].length));
  return found ? { direction: found.direction, end: m[0].length + found.length } : null;
}

/**
 * A p-value stated as 0.1 or more reads as a high one: "the p-value is 0.8, so it is highly
 * significant" is backwards without any direction word.
 */
function largePValue(
  rest: string,
  term: DefinedTerm,
): { direction: Direction; end: number } | null {
  if (term.id !== 'p-value') return null;
  // The whole number: "1e-5" is tiny, not 1.
  const m = /^\s*(is|was|of|=|at|是|为|等于)?\s*(\d*\.?\d+(?:e-?\d+)?)(?![\d%×])/iu.exec(rest);
  if (!m || Number(m[2]) < 0.1) return null;
  return { direction: 'higher', end: m[0].length };
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
      // A claim is a few words: a run-on sentence must not make every mention cost its length.
      const rest = sentence.slice(end, end + MAX_CLAIM_CHARS);
      const prior = directionBefore(before);
      const next = prior ? null : (directionAfter(rest) ?? largePValue(rest, term));
      const direction = prior?.direction ?? next?.direction;
      if (!direction || direction === term.better) continue;
      const claim = rest.slice(next?.end ?? 0);
      const window = claim.split(/[;!?。；！？\n]|\.(?!\d)/u)[0]!;
      // A question is no claim: "Is a lower AUC better? No."
      if (/^[?？]/u.test(claim.slice(window.length))) continue;
      const conditional =
        CONDITION_BEFORE.test(prior ? before.slice(0, prior.at) : before) ||
        CONDITION_AFTER.test(window);
      for (const verdict of verdicts) {
        const found = verdict.exec(window);
        if (!found || found.index > VERDICT_WINDOW) continue;
        const between = window.slice(0, found.index);
        const after = window.slice(found.index + found[0].length);
        const reading = { between, after, correlative: prior?.correlative ?? false };
        if (verdictIsAnotherThings(reading, term, catalogue)) continue;
        // "if PSI is above 0.2, retrain": the verdict is the consequence's, unless the
        // consequence still reads the metric ("if p > 0.05, that means it is significant").
        if (conditional && !MEANS.test(between)) continue;
        return true;
      }
    }
  }
  return false;
}

/** Is the verdict found after the direction about something other than the metric? */
function verdictIsAnotherThings(
  { between, after, correlative }: { between: string; after: string; correlative: boolean },
  term: DefinedTerm,
  catalogue: readonly DefinedTerm[],
): boolean {
  const ownClause = between.replace(CLAUSE_START, '');
  if (WEAKENED.test(ownClause) || CONTRAST.test(between)) return true;
  if (ADVICE_AFTER.test(after) || ABOUT_ELSE_BEFORE.test(between)) return true;
  const calibrated = OWN_OUTCOME[term.id] === 'calibration' && CALIBRATED_AFTER.test(after);
  if (!correlative && !calibrated && !VERDICT_ENDS.test(after)) return true;
  if (SOMETHING_ELSE.some((re) => re.test(between))) return true;
  // Two clauses side by side, not a reading: "p99 latency increased slightly and the results are
  // better".
  if (/\band\b/iu.test(between) && !/\b(which|so)\b/iu.test(between) && !MEANS.test(between))
    return true;
  // The worse direction called bad, or the better one named (a second threshold too), before
  // the verdict: "higher log loss is bad, lower is better", "AUC 越低，模型越差，越高越好",
  // "PSI above 0.25 means retrain, below 0.1 is healthy".
  const better = term.better === 'higher' ? HIGHER_ANYWHERE : LOWER_ANYWHERE;
  if (BAD.test(between) || better.test(between)) return true;
  // Another term or outcome named between ("throughput goes down, and p99 latency is better"),
  // or right after a correlative verdict ("the lower the recall, the better the precision").
  const own = OWN_OUTCOME[term.id];
  const named = (text: string) =>
    OTHER_OUTCOME.test(text) ||
    catalogue.some((o) => o !== term && o.id !== own && whereNamed(o, text) >= 0);
  if (named(between) || (correlative && named(after.slice(0, 20)))) return true;
  return false;
}

/**
 * A direction word (or a figure, for a p-value stated as large) and a verdict anywhere in the
 * sentence (a cheap first pass, two linear scans).
 */
const ANY_DIRECTION = new RegExp(`${HIGHER_WORDS}|${LOWER_WORDS}|high|low|\\d`, 'iu');
const ANY_VERDICT = new RegExp(`${GOOD.source}|${SIGNIFICANT.source}`, 'iu');

/**
 * The ids of the metrics the sentences read backwards (each once). Only the terms in `judged` are
 * judged (all of them unless given); the whole `catalogue` tells whose verdict a sentence gives.
 */
export function backwardsMetricsIn(
  sentences: readonly string[],
  catalogue: readonly DefinedTerm[],
  judged: readonly DefinedTerm[] = catalogue,
): string[] {
  const claiming = sentencesToRead(sentences, ANY_DIRECTION, ANY_VERDICT);
  // An aim the wrong way ("maximise log loss") is the same mistake said as a goal.
  const aimed = new Set(wrongWayAimsIn(sentences, judged));
  return judged
    .filter(
      (t) => t.better && (aimed.has(t.id) || claiming.some((s) => readsBackwards(s, t, catalogue))),
    )
    .map((t) => t.id);
}
