/**
 * Misused terms: a sentence that claims one ML technique serves another ML idea it has nothing to
 * do with ("quantization to handle cold start", "SMOTE fixes concept drift", "用 PSI 来提升
 * NDCG"). Stringing the right words together this way sounds like a design and is none: each
 * term is real, the link between them is wrong.
 *
 * A claim is the term, a purpose word soon after it ("to reduce", "helps", "ensures", "用来",
 * "解决"), and the clause that follows. It is judged only when that clause names another
 * catalogued term (knowledge/definitions.yaml) or one of the outcomes a design is judged on
 * (accuracy, latency, drift …, OUTCOME), so "canary to be safe" or "quantization to make it
 * better" are never judged (vague, perhaps, but not wrong), and only for terms whose catalogue
 * entry says what they are for (`purpose`): the claim misuses the term when the clause holds
 * neither its purpose nor its gist. A negated claim ("SMOTE does not fix drift", "instead of
 * SMOTE") states a limit, not a use, and is left alone.
 */
import { type DefinedTerm, sentencesToRead, whereNamed } from './definitions.ts';

/**
 * A purpose word within a few words after the term, in the same clause. A word on its own, not
 * the tail of a hyphenated name: "all-reduce" is an operation, not a claim that it reduces.
 */
const PURPOSE_EN =
  /^[^.;!?。；:,，\n]{0,25}?(?<!-)\b(for|so that|in order to|to (help|make|ensure|reduce|tune|speed up|calibrate|improve|prevent|detect|catch|handle|fix|solve|avoid|measure|evaluate|track|monitor|balance|deal with|guarantee|check|protect|boost|increase|decrease|lower|remove|eliminate|control|capture|optimi[sz]e)|helps?|ensures?|prevents?|reduces?|improves?|fix(es)?|solves?|handles?|detects?|catches|guarantees?|measures?|tracks?|tells us|lets us|allows us to|makes sure|takes care of|deals with|gets rid of|eliminates?|removes?|protects?|boosts?|increases?|decreases?|lowers?|controls?|captures?|optimi[sz]es?|will (reduce|improve|fix|solve|handle|prevent|ensure|catch|detect|increase|boost|lower|remove))\b/i;
const PURPOSE_ZH =
  /^[^。；！？，,、\n]{0,10}?(用来|用于|来(?!自|源|的|说)|可以|能够|帮助|保证|确保|防止|避免|解决|减少|降低|提升|提高|衡量|检测|处理|消除|控制)/u;
/**
 * A role given to the term, right after it (an adverb at most between): "Kafka does candidate
 * generation", "X serves as …", "用 Kafka 做 feature store", "X 作为 …". Only right after it:
 * "after the canary we do an A/B test" and "金丝雀之后再做 A/B" are a sequence, not a role.
 */
const ROLE_EN =
  /^\s*(also |then |just |only |simply |mainly |basically )?((does|do)(?! not\b| no\b| nothing\b)|serves as|acts as|works as|is used as|stores|computes)\b/i;
const ROLE_ZH =
  /^\s*(也|还|就|来|主要)?(做(?!法|得|的|好|完|了)|作为|当作|(?<![内缓保储生依共显留库])存(?![在活量储]))/u;
/** The term is the object of the role ("对 embedding 做量化", "把 CTR 当作标签"), not its agent. */
const OBJECT_BEFORE = /(对|给|把|将)\s*$/u;
/** The term names what is measured, not what is used: "GPU utilisation", "CPU 利用率". */
const MEASURE_OF = /^\s*(utili[sz]ation|usage|util\b|load\b|利用率|使用率|占用|负载)/iu;
/** The claim is negated or the term set aside (or traded away): a limit, not a use. */
const NEGATED = /\b(not|never|no|cannot|without|neither|nor)\b|n['’]t\b|不|没|无法|未必|并非/iu;
/** "X, which reduces …": the purpose said in a relative clause right after the term. */
const WHICH_AFTER = /^\s*,\s*(which|that)\s+(also\s+|then\s+)?/iu;

/** The purpose word after the term, if any (its match covers the text from the term on). */
function purposeAfter(rest: string): RegExpExecArray | null {
  const which = WHICH_AFTER.exec(rest);
  if (which) {
    const cue = PURPOSE_EN.exec(rest.slice(which[0].length));
    if (cue) {
      cue[0] = which[0] + cue[0];
      return cue;
    }
  }
  return PURPOSE_EN.exec(rest) ?? PURPOSE_ZH.exec(rest);
}

/** A verdict before "for": whom the term flatters or fails, not what it is for. */
const VERDICT_FOR =
  /\b(great|good|well|fine|bad|poorly|poor|misleading|optimistic|inflated|high|low|useless|even|enough|okay|ok)\s+for$/iu;

/** A Chinese purpose verb negated right after it: "协同过滤解决不了冷启动". */
const NEGATED_AFTER_ZH = /^\s*(不了|不掉|不到)/u;
const SET_ASIDE_BEFORE =
  /\b(instead of|rather than|not|unlike|than|over|replace|replacing|without)\s+(the |a |an )?$|(而不是|代替|不用|不是|取代)\s*$|\b(trad(e|es|ed|ing)|sacrific\w*|giv(e|es|ing) up|at the (cost|expense) of)\s+(off\s+)?((a )?(bit|little|some) of\s+)?(the )?$|(牺牲|换取|代价是)(一点|一些|少量)?\s*$/iu;

/** Outcomes a design is judged on: a claim that a term serves one of them is judged too. */
const OUTCOME =
  /\b(accuracy|latency|overfitting|cold[- ]start|ranking|ranked|retrieval|labels?|drift|imbalance|calibration|calibrat\w+|fairness|bias|freshness|throughput|(vanishing|exploding) gradients?|interpretab\w*|explainab\w*|model size|memory footprint|training (time|speed)|inference (time|speed)|missing values|catastrophic forgetting|training[- ]serving skew|generali[sz]ation)\b|准确率|延迟|过拟合|冷启动|排序|召回|标签|漂移|不平衡|不均衡|校准|偏差|梯度消失|梯度爆炸|可解释|稀疏|模型太大|模型大小|显存|训练(时间|速度)|推理(速度|太慢|时间)|缺失|特征不一致|线上线下不一致|灾难性遗忘/iu;

/** Characters of a claim's clause that are read. */
const MAX_CLAUSE = 150;

/**
 * The claim's clause: up to the end of the sentence or the next clause. `inParenthesis`: the term
 * was said inside an open parenthesis, so the claim ends where it closes.
 */
function clauseOf(text: string, inParenthesis: boolean): string {
  // A claim is a few words: a run-on transcript must not make every claim cost its length.
  const clause =
    text
      .slice(0, MAX_CLAUSE)
      .split(/[.;!?。；！？\n]|,\s*(?:and|but|so|which|while)\b|，(?:但|而|所以)/u)[0] ?? '';
  if (!inParenthesis) return clause;
  // In "(GBDT handles raw values fine), target encoding for merchant IDs" the encoding is the
  // next item of the list, not what GBDT is for. Only then: in "SMOTE to fix 1) drift" the ")"
  // is a list marker and the claim goes on.
  const close = clause.search(/[)）]/u);
  return close >= 0 ? clause.slice(0, close) : clause;
}

/** Is the text before a term inside a parenthesis still open? */
function opensParenthesis(before: string): boolean {
  const opened = (before.match(/[(（]/gu) ?? []).length;
  const closed = (before.match(/[)）]/gu) ?? []).length;
  return opened > closed;
}

/** Does the sentence claim the term serves another catalogued idea it is not for? */
export function misuses(
  sentence: string,
  term: DefinedTerm,
  catalogue: readonly DefinedTerm[],
): boolean {
  if (term.purpose.length === 0) return false;
  for (const re of term.term) {
    for (const match of sentence.matchAll(re)) {
      const before = sentence.slice(Math.max(0, match.index - 20), match.index);
      if (SET_ASIDE_BEFORE.test(before)) continue;
      const rest = sentence.slice(match.index + match[0].length);
      // "GPU utilisation for autoscaling", "GPU 利用率做扩缩容": a reading of the resource.
      if (MEASURE_OF.test(rest)) continue;
      const role = OBJECT_BEFORE.test(before) ? null : (ROLE_EN.exec(rest) ?? ROLE_ZH.exec(rest));
      const cue = role ?? purposeAfter(rest);
      // "ROC-AUC looks great even for a weak model": "for" after a verdict is no purpose.
      if (cue && VERDICT_FOR.test(cue[0])) continue;
      // "解决不了": the negation follows a Chinese purpose verb.
      if (
        !cue ||
        NEGATED.test(cue[0]) ||
        NEGATED_AFTER_ZH.test(rest.slice(cue.index + cue[0].length))
      )
        continue;
      const goal = clauseOf(
        rest.slice(cue[0].length),
        opensParenthesis(sentence.slice(0, match.index)),
      );
      if (servesWrongGoal(goal, term, catalogue)) return true;
    }
  }
  return passiveMisuse(sentence, term, catalogue);
}

/**
 * Is the goal one the claim can be judged on (another catalogued term or an outcome) and none
 * the term is for?
 */
function servesWrongGoal(
  goal: string,
  term: DefinedTerm,
  catalogue: readonly DefinedTerm[],
): boolean {
  if (
    !OUTCOME.test(goal) &&
    !catalogue.some((other) => other !== term && whereNamed(other, goal) >= 0)
  )
    return false;
  return ![...term.purpose, ...term.gist].some((p) => p.test(goal));
}

/**
 * The goal said first and the term last: "cold start (is) handled by dropout", "冷启动用 dropout
 * 解决". The goal is the clause before the verb.
 */
const HANDLED_BY = String.raw`(handled|solved|fixed|addressed|mitigated|prevented|avoided|taken care of|dealt with|corrected|tackled|removed|eliminated)\s+(by|with|via|using|through)`;
const USING_ZH = '(用|靠|通过|使用|采用)';
const SOLVE_ZH = '(解决|处理|缓解|搞定|应对|避免|防止|消除)';
const PASSIVE_EN = new RegExp(
  String.raw`([^,;:，；：.!?]{3,80}?)\s+((is|are|gets|get|will be|can be|would be|being|was|were)\s+)?${HANDLED_BY}\s+((a|an|the|some)\s+)?$`,
  'iu',
);
const PASSIVE_ZH_BEFORE = new RegExp(
  String.raw`([^，,；;。：:！？]{2,30}?)\s*${USING_ZH}\s*$`,
  'u',
);
/** The verb ends the clause: in "排序模型用 dropout 防止过拟合" the goal follows it, not the subject. */
const PASSIVE_ZH_AFTER = new RegExp(
  String.raw`^\s*(来)?${SOLVE_ZH}(了|掉)?\s*([，,。；;！!？?]|$)`,
  'u',
);
/** The passive shapes' words anywhere, for cheap first passes. */
const PASSIVE_VERB = new RegExp(String.raw`\b${HANDLED_BY}\b`, 'iu');
const PASSIVE_ZH_VERB = new RegExp(`${USING_ZH}.{1,40}?${SOLVE_ZH}`, 'u');

function passiveMisuse(
  sentence: string,
  term: DefinedTerm,
  catalogue: readonly DefinedTerm[],
): boolean {
  if (!PASSIVE_VERB.test(sentence) && !PASSIVE_ZH_VERB.test(sentence)) return false;
  for (const re of term.term) {
    for (const match of sentence.matchAll(re)) {
      const before = sentence.slice(Math.max(0, match.index - 120), match.index);
      const rest = sentence.slice(match.index + match[0].length);
      const en = PASSIVE_EN.exec(before);
      const zh = en ? null : PASSIVE_ZH_BEFORE.exec(before);
      const goal = en?.[1] ?? (zh && PASSIVE_ZH_AFTER.test(rest) ? zh[1] : undefined);
      // "… is not solved by X", "冷启动不能用 X 解决": a limit, not a use.
      if (goal === undefined || NEGATED.test(en?.[0] ?? zh?.[0] ?? '')) continue;
      if (servesWrongGoal(goal, term, catalogue)) return true;
    }
  }
  return false;
}

/** Any purpose word anywhere in the sentence (a cheap first pass). */
const ANY_PURPOSE = new RegExp(
  [PURPOSE_EN, PURPOSE_ZH, ROLE_EN, ROLE_ZH, PASSIVE_VERB, PASSIVE_ZH_AFTER]
    .map((re) => re.source.replace(/^\^\[[^\]]*\]\{0,\d+\}\?/, '').replace(/^\^\\s\*/, ''))
    .join('|'),
  'iu',
);

/**
 * The ids of the terms the sentences misuse (each term once). Only the terms in `judged` are
 * judged (all of them unless given); what they are claimed to serve is read from the whole
 * `catalogue`.
 */
export function misusedTermsIn(
  sentences: readonly string[],
  catalogue: readonly DefinedTerm[],
  judged: readonly DefinedTerm[] = catalogue,
): string[] {
  // Most sentences claim no purpose: only those with a purpose word are read term by term.
  const claiming = sentencesToRead(sentences, ANY_PURPOSE);
  if (claiming.length === 0) return [];
  return judged
    .filter((t) => t.purpose.length > 0 && claiming.some((s) => misuses(s, t, catalogue)))
    .map((t) => t.id);
}
