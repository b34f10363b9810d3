/**
 * Choices that contradict the scenario's own facts: a term used right in general but wrong here.
 * Catalogues of wrong claims (knowledge/misconceptions.yaml) read a sentence alone; whether
 * "we optimise accuracy" is wrong depends on the problem. When the scenario's facts say the
 * positives are rare (fraud at 0.1%, a 0.9% click rate), predicting "no" everywhere already
 * scores 99% accuracy, so naming accuracy as the measure of success is a wrong choice, however
 * fluently it is argued. An answer that names accuracy only to set it aside ("accuracy is
 * misleading here", "PR-AUC rather than accuracy") makes no such choice.
 *
 * The rare-positive fact is read from the scenario itself (knowledge/scenarios/*.yaml `facts`),
 * never from answers: a fact about labels or rates whose smallest stated share is under
 * RARE_SHARE.
 */
import type { Scenario } from '../../knowledge/schema.ts';

/** Positives under this share of cases make accuracy uninformative. */
export const RARE_SHARE = 0.05;

/** A fact about how often the positive outcome happens. */
const RATE_FACT =
  /\b(positive rate|base rate|prevalence|how rare|imbalance|fraud rate|churn rate|click rate|conversion|booking rate|labels?)\b/i;
/** "0.1%", "4 %", "1 in 300". */
const SHARE = /(\d+(?:\.\d+)?)\s*%|\b1 in ([\d,]+)\b/g;

/** The smallest positive share the scenario's facts state, or null if none is stated. */
export function smallestPositiveShare(scenario: Scenario): number | null {
  let smallest: number | null = null;
  for (const fact of scenario.facts) {
    const about = `${fact.topic} ${fact.asks.en.join(' | ')}`;
    if (!RATE_FACT.test(about)) continue;
    for (const m of fact.answer.en.matchAll(SHARE)) {
      const share = m[1] !== undefined ? Number(m[1]) / 100 : 1 / Number(m[2]!.replace(/,/g, ''));
      if (Number.isFinite(share) && share > 0) smallest = Math.min(smallest ?? 1, share);
    }
  }
  return smallest;
}

const rareCache = new WeakMap<Scenario, boolean>();

/** Are the scenario's positives rare (under RARE_SHARE by its own facts)? */
export function hasRarePositives(scenario: Scenario): boolean {
  let rare = rareCache.get(scenario);
  if (rare === undefined) {
    const share = smallestPositiveShare(scenario);
    rare = share !== null && share < RARE_SHARE;
    rareCache.set(scenario, rare);
  }
  return rare;
}

/**
 * Accuracy named as a measure (a metric, a target, something optimised or reported). Chinese
 * "准确率" often means precision when it sits next to recall ("准确率和召回率"), so it is read
 * as accuracy only without recall or precision in the sentence.
 */
const ACCURACY_EN = /\baccuracy\b/i;
const ACCURACY_ZH = /准确率|准确度|正确率/;
const PRECISION_SENSE_ZH = /召回|recall|precision|精确|查准/i;
/** The sentence uses accuracy as a yardstick, not as an everyday word ("label accuracy"). */
const AS_MEASURE =
  /\b(metrics?|measures?|measured|measuring|optimi[sz]\w*|maximi[sz]\w*|evaluat\w*|track\w*|monitor\w*|report\w*|targets?|goals?|kpis?|objectives?|success|primary|main|north[- ]star|score|aim|judge|compare)\b|\d+(\.\d+)?\s*%|指标|评估|评价|优化|目标|监控|衡量|看|达到|提升/i;
/** Accuracy of something that is not the model's decisions. */
const NOT_MODEL_ACCURACY =
  /\b(label|labels|labeling|labelling|annotat\w*|rater|raters|timestamp|timestamps|location|gps|eta|data) accuracy\b|\baccuracy of (the )?(labels?|annotat\w*|raters?|timestamps?|data|locations?|gps)\b|标注(的)?(准确率|准确度)/i;
/** Accuracy named to be set aside, or with the imbalance it fails under. */
const SET_ASIDE =
  /\b(not|n't|never|no|misleading|useless|meaningless|uninformative|trivial|instead|rather than|over|beyond|alone|ignore|imbalanc\w*|skew\w*|all[- ]negatives?|always (predict|say)\w*|majority|naive|dumb|inflat\w*|fool\w*|wrong metric)\b|不|误导|没有意义|没意义|无意义|而不是|代替|全部预测|全预测|不平衡|不均衡|虚高/i;

/** Does the sentence choose accuracy as the measure? (Rare positives are the caller's fact.) */
export function choosesAccuracy(sentence: string): boolean {
  const named =
    ACCURACY_EN.test(sentence) ||
    (ACCURACY_ZH.test(sentence) && !PRECISION_SENSE_ZH.test(sentence));
  return (
    named &&
    AS_MEASURE.test(sentence) &&
    !NOT_MODEL_ACCURACY.test(sentence) &&
    !SET_ASIDE.test(sentence)
  );
}

/** Ids of the scenario misfits the sentences make (each once). */
export function scenarioMisfitsIn(sentences: readonly string[], scenario: Scenario): string[] {
  const found: string[] = [];
  if (hasRarePositives(scenario) && sentences.some(choosesAccuracy)) {
    found.push('accuracy-with-rare-positives');
  }
  return found;
}
