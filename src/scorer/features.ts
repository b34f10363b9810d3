/**
 * Reads one answer to one stage into the numbers the offline scoring model weighs (see
 * ordinal-model.ts) and the facts the evidence rules quote (see evidence.ts).
 *
 * Every feature is read from the answer's *content* sentences only: sentences that name a
 * concept of the stage, make one of the scenario's key points in any words, or commit to a
 * quantity. The rest is padding: it enters one feature, its share of the answer, whose weight
 * the training keeps at or below zero. That is why appending generic fluent text can never
 * raise a score: it adds padding and changes nothing else.
 */
import type { Framework, KeyPoint, Lang, Scenario, Stage, StageId } from '../knowledge/schema.ts';
import { normalize } from '../knowledge/signals.ts';
import { conceptsIn, phrasesOf } from './analysis/concepts.ts';
import { type Lexicon, lexiconFor } from './analysis/lexicon.ts';
import { readSentences, type SentenceFacts } from './analysis/sentences.ts';
import { isVague } from './analysis/substance.ts';
import { isAbsolute } from './analysis/absolutes.ts';
import { isDismissive } from './analysis/dismissive.ts';
import { quantitiesIn } from './analysis/quantities.ts';
import { closestOtherStage, detectOffScenario, isFarMore } from './analysis/topic.ts';
import { buildIdeaIndex, type IdeaIndex, matchKeyPoint } from './key-point-match.ts';
import { stageFit, stageProfiles } from './stage-profile.ts';
import { tokenSet } from './tokens.ts';
import {
  catalogueExamples,
  wrongClaimsOf,
  wrongClaimsPerSentence,
} from './analysis/wrong-content.ts';
import {
  buildPairingIndex,
  contextFit,
  type PairingIndex,
  type IndexedSentence,
  indexReference,
  indexSentences,
  pairsUnfamiliarly,
} from './analysis/coherence.ts';
import {
  buildWrongLikenessModel,
  type WrongLikenessModel,
  wrongLikeness,
} from './analysis/wrong-likeness.ts';
import { mean } from '../mean.ts';

/** The model's inputs, in a fixed order (the weights file names them). */
export const FEATURES = [
  'keyPointsCovered',
  'keyPointStrength',
  'criteriaAddressed',
  'stageConcepts',
  'reasonedSentences',
  'reasonKinds',
  'quantities',
  'contentWords',
  'vagueShare',
  'listShare',
  'paddingShare',
  'otherStageShare',
  'stageFit',
  'wrongClaims',
  'definitionShare',
  'keyPointsInSubstance',
  'conceptsBackedByKeyPoints',
  'absoluteShare',
  'unfamiliarPairings',
  'dismissiveShare',
  'contextFit',
  'wrongLikeness',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type FeatureVector = Record<FeatureName, number>;

/** A key point counts as made when a passage holds this share of its weighted idea. */
export const KEY_POINT_MADE = 0.3;
/**
 * An answer is to another stage's question when it is this many times closer to that stage's
 * profile than to the asked one's (see stage-profile.ts).
 */
export const OFF_STAGE_RATIO = 1.6;
/** A reasoned sentence is at least this many words. */
const MIN_REASONED_WORDS = 6;

export interface KeyPointReading {
  point: KeyPoint;
  /** 0–1: how much of the point's idea the best passage holds. */
  strength: number;
  made: boolean;
  /** Index (into `sentences`) of the passage that makes it best, or -1. */
  at: number;
}

export interface AnswerReading {
  /** The answer's sentences, grader-addressed ones and repeats removed, verbatim. */
  sentences: SentenceFacts[];
  /** Sentences addressed to the grader, dropped before anything was read. */
  droppedInstructions: number;
  /** Per sentence: does it carry content (a concept, a key point or a quantity)? */
  content: boolean[];
  /** Per sentence: the stage concepts it names. */
  stageConcepts: Set<string>[];
  /** Per sentence: does it explain (reason, trade-off, number) rather than name? */
  reasoned: boolean[];
  keyPoints: KeyPointReading[];
  /** The stage answered instead; for an answer spread over several, the others it names most. */
  offStage: { stage: StageId; alsoStages?: StageId[] } | null;
  offScenario: { scenario: string } | null;
  /**
   * Ids of the wrong claims the answer makes: knowledge/misconceptions.yaml ids, `misdefined:`
   * and `misused:` terms, `backwards:` metrics and `praised:` problems
   * (knowledge/definitions.yaml), `expanded:`
   * acronyms (knowledge/acronyms.yaml), `dismissed:` practices (knowledge/dismissals.yaml) and
   * `misfit:` choices the scenario's facts rule out.
   */
  wrongClaims: string[];
  /**
   * How many distinct wrong ideas those claims amount to: at most one per sentence, so one wrong
   * sentence that trips two catalogues counts once.
   */
  wrongIdeas: number;
  /** Per sentence: the wrong claims it makes (ids as in `wrongClaims`; empty for most). */
  wrongAt: string[][];
  features: FeatureVector;
}

/**
 * A sentence that defines or glosses a term ("X means Y", "X, meaning Y", "X, which means Y",
 * "X is basically Y", "i.e.", "X = Y", "X 是指 Y", "X 就是 Y", "X 我理解是 Y"). Interviewers do
 * not ask for definitions; candidates who stuff keywords define and gloss them, often wrongly,
 * and a strong answer rarely needs to. "which means" also states a consequence, but glosses
 * are what it mostly introduces in the answers that do this ("pruning at the frame level, which
 * means dropping most frames"); "这就是为什么" (that is why) is a reason, not a gloss. With
 * glosses counted, QWK held or rose on all four labeled sets (README, "How good the scores are").
 */
const DEFINES =
  /\b(means|meaning)\b|\b(is|are) (basically|essentially|just|simply)\b|\b(basically means|is where|stands for|is defined as|in other words|in the sense that)\b|\bi\.e\.|\s=\s|是指|指的是|意思是|(?<![这那])就是(?!为什么|因为)|我(的)?理解(的)?(就)?是|理解为/i;

/**
 * Distinct connective kinds, so "because ... because ..." counts once. English words sit inside
 * `\b` word boundaries; Chinese ones outside them (`\b` never falls between two Chinese
 * characters, so "\b(因为)\b" would match almost nothing a Chinese candidate types).
 */
const REASON_KINDS: RegExp[] = [
  /\b(because|since|due to|given that)\b|因为|由于/i,
  /\b(so that|in order to|to (avoid|prevent|reduce|catch|keep))|以便|为了|避免|防止/i,
  /\b(trade-?offs?|at the cost of|downside|upside)|权衡|取舍|代价|折中/i,
  /\b(instead|rather than|not .{1,30} but|vs\.?|versus|compared (to|with))|而不是|而非|相比/i,
  /\b(if|unless|when|depends on|otherwise)\b|如果|否则|取决于|一旦/i,
  /\b(which means|that means|so|therefore|hence|thus|leads to)\b|所以|因此|导致|意味着/i,
];

/** The cached value for `key`, built by `build` the first time it is asked for. */
function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

const ideaIndexes = new WeakMap<ReadonlyMap<string, Scenario>, IdeaIndex>();
/**
 * Keyed by the lexicon (one per framework and scenarios), whose vocabulary they read with: the
 * reference sentences read once, and the two readings of terms in context built from them.
 */
const referenceReadings = new WeakMap<Lexicon, readonly IndexedSentence[]>();
const pairingIndexes = new WeakMap<Lexicon, PairingIndex>();
const wrongLikenessModels = new WeakMap<Lexicon, WrongLikenessModel>();

function referenceFor(
  scenarios: ReadonlyMap<string, Scenario>,
  lexicon: Lexicon,
): readonly IndexedSentence[] {
  return cached(referenceReadings, lexicon, () =>
    indexReference(scenarios.values(), lexicon.vocabulary),
  );
}

function pairingIndexFor(scenarios: ReadonlyMap<string, Scenario>, lexicon: Lexicon): PairingIndex {
  return cached(pairingIndexes, lexicon, () =>
    buildPairingIndex(scenarios.values(), lexicon.vocabulary, referenceFor(scenarios, lexicon)),
  );
}

/** Wrong side: the catalogues' wrong examples; correct side: their right ones and the reference. */
function wrongLikenessModelFor(
  scenarios: ReadonlyMap<string, Scenario>,
  lexicon: Lexicon,
): WrongLikenessModel {
  return cached(wrongLikenessModels, lexicon, () => {
    const examples = catalogueExamples();
    return buildWrongLikenessModel(
      indexSentences(examples.wrong, lexicon.vocabulary),
      [...indexSentences(examples.right, lexicon.vocabulary), ...referenceFor(scenarios, lexicon)],
      pairingIndexFor(scenarios, lexicon).ownWords,
    );
  });
}

function ideaIndexFor(scenarios: ReadonlyMap<string, Scenario>): IdeaIndex {
  return cached(ideaIndexes, scenarios, () => buildIdeaIndex(scenarios.values()));
}

/** Grader-addressed sentences and repeats out; what is left is what gets read. */
function keptSentences(
  answer: string,
  lexicon: Lexicon,
): { kept: SentenceFacts[]; dropped: number } {
  const all = readSentences(answer, lexicon.vocabulary);
  const seen = new Set<string>();
  const kept = all.filter((s) => {
    const key = normalize(s.text);
    if (s.instruction || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { kept, dropped: all.filter((s) => s.instruction).length };
}

export interface ReadInput {
  framework: Framework;
  scenarios: ReadonlyMap<string, Scenario>;
  scenario: Scenario;
  stage: Stage;
  lang: Lang;
  answer: string;
}

export function readAnswer(input: ReadInput): AnswerReading {
  const { framework, scenarios, scenario, stage, answer } = input;
  const lexicon = lexiconFor(framework, scenarios);
  const stageLexicon = lexicon.stages.get(stage.id)!;
  const { kept, dropped } = keptSentences(answer, lexicon);
  const tokens = kept.map((s) => tokenSet(s.text));
  // Sentences with a technical term. A point's partial strength is read from these
  // only, so generic padding cannot add to it; a sentence that fully makes a point counts anyway.
  const technical = kept.map((s, i) => (s.terms > 0 ? tokens[i]! : new Set<string>()));

  // Five readings of the same failure, getting the ideas wrong: a known wrong claim, a term
  // defined without its gist, a standard practice waved away without a reason, a term said to
  // serve an idea it is not for, a choice the scenario's own facts rule out. Read per sentence:
  // one wrong sentence often trips two catalogues at once ("precision means the share of real
  // fraud we catch" is a misdefinition and a known swap), and that is one wrong idea, not two.
  const texts = kept.map((s) => s.text);
  const wrongClaims = wrongClaimsOf(texts, scenario);
  // Which sentences are wrong (their claim ids): only the entries found are read again.
  const wrongAt = wrongClaimsPerSentence(texts, wrongClaims, scenario);
  const wrongIdeas = Math.min(wrongClaims.length, wrongAt.filter((ids) => ids.length > 0).length);

  const ideas = ideaIndexFor(scenarios);
  const points = scenario.keyPoints[stage.id] ?? [];
  // A key point is made only by a sentence not read as wrong: "PR-AUC means how fast the model
  // answers" names the point's term and makes nothing.
  const isWrong = (i: number) => readAsWrong({ wrongAt }, i);
  const soundTokens = tokens.map((t, i) => (isWrong(i) ? new Set<string>() : t));
  const found = points.map((point) => {
    const soft = matchKeyPoint(ideas, point, soundTokens);
    const phrases = phrasesOf(point.signals);
    const named = kept.findIndex((s, i) => !isWrong(i) && conceptsIn(s.text, phrases).size > 0);
    const made = named >= 0 || soft.signalAt >= 0 || soft.strength >= KEY_POINT_MADE;
    const at = named >= 0 ? named : soft.signalAt >= 0 ? soft.signalAt : soft.at;
    return { point, made, at };
  });
  const keyPointAt = new Set(found.filter((k) => k.made).map((k) => k.at));

  const stageConcepts = kept.map((s) => conceptsIn(s.text, stageLexicon.all));
  // A figure counts only in a sentence that names a concept of this stage: "5 people on the
  // team, 2 meetings a day" is padding with numbers, not an estimate.
  const quantities = kept.map((s, i) =>
    stageConcepts[i]!.size > 0 ? quantitiesIn(s.text) : new Set<string>(),
  );
  const content = kept.map(
    (_, i) => stageConcepts[i]!.size > 0 || keyPointAt.has(i) || quantities[i]!.size > 0,
  );
  // A sentence read as wrong explains nothing, however it is built.
  const reasoned = kept.map(
    (s, i) =>
      content[i]! &&
      !isWrong(i) &&
      !s.listLike &&
      s.words >= MIN_REASONED_WORDS &&
      // A reason or a trade-off, or a figure attached to a concept of the stage. Weak links
      // ("if", "cost", "risk") alone do not make an explanation: a list with ", cost" is a list.
      (s.strongConnective || (quantities[i]!.size > 0 && stageConcepts[i]!.size > 0)),
  );

  const contentIdx = kept.map((_, i) => i).filter((i) => content[i]);
  // A wrong sentence earns nothing: its terms, figures and reasons are not credit (the wrong
  // claims feature already weighs it). Without this, "INT8 also improves recall, since lower
  // precision makes the model less overconfident" would count a reason, a stage concept and half
  // a key point for every one it takes away.
  const sound = content.map((c, i) => c && !isWrong(i));
  const soundIdx = contentIdx.filter((i) => sound[i]);
  // How much of each point's idea the answer holds, read from content sentences only (padding
  // left as gaps): a generic sentence next to a content one must not lend it words. Partial
  // strength comes from sentences with a technical term only, so hand-waving cannot add to it.
  const none = new Set<string>();
  const contentTokens = tokens.map((t, i) => (sound[i] ? t : none));
  const contentTechnical = technical.map((t, i) => (sound[i] ? t : none));
  const keyPoints: KeyPointReading[] = found.map(({ point, made, at }) => {
    const soft = matchKeyPoint(ideas, point, contentTokens).strength;
    const partial = matchKeyPoint(ideas, point, contentTechnical).strength;
    return { point, made, at, strength: soft >= KEY_POINT_MADE ? soft : partial };
  });
  const contentText = contentIdx.map((i) => kept[i]!.text).join('\n');
  // Which question the answer addresses is read from all of it: an answer to another stage
  // has few content sentences for this one.
  const profiles = stageProfiles(framework, scenarios);
  // Sentences with a technical term of any stage: what a drifting answer is made of. Generic
  // padding has none, so it cannot pull an answer to or from a stage.
  const substantive = kept.filter((s, i) => content[i] || s.terms > 0).map((s) => s.text);
  const fit = stageFit(profiles, substantive.join('\n'), stage.id);
  const drifted =
    fit.other && fit.other.similarity >= OFF_STAGE_RATIO * fit.own && fit.other.similarity > 0.05
      ? { stage: fit.other.stage }
      : null;
  // One reading of the other stages serves the off-stage rule and the drift feature below.
  const closest = contentText ? closestOtherStage(contentText, stage.id, lexicon) : null;
  const farMore = isFarMore(closest);
  const offStage = farMore ?? drifted;
  const offScenario =
    contentText && !offStage ? detectOffScenario(contentText, scenario.id, lexicon) : null;

  const allConcepts = new Set(soundIdx.flatMap((i) => [...stageConcepts[i]!]));
  const soundText = soundIdx.map((i) => kept[i]!.text).join('\n');
  const criteriaAddressed = stageLexicon.criteria.filter(
    (c) => conceptsIn(soundText, c.extended).size > 0,
  ).length;
  const distinctQuantities = new Set(soundIdx.flatMap((i) => [...quantities[i]!]));
  const reasonKinds = REASON_KINDS.filter((re) =>
    soundIdx.some((i) => re.test(kept[i]!.text)),
  ).length;
  const words = contentIdx.reduce((n, i) => n + kept[i]!.words, 0);
  const share = (count: number, of: number) => (of > 0 ? count / of : 0);
  const otherStage = closest?.theirs ?? 0;
  const pairingIndex = pairingIndexFor(scenarios, lexicon);
  const pairings = contentIdx.map((i) => pairsUnfamiliarly(kept[i]!.concepts, pairingIndex));
  const fits = contentIdx
    .map((i) => contextFit(tokens[i]!, kept[i]!.concepts, pairingIndex))
    .filter((f) => f !== null);
  const likenessModel = wrongLikenessModelFor(scenarios, lexicon);
  // Sentences read as wrong are weighed by the wrong-claims feature already.
  const likeness = soundIdx
    .map((i) => wrongLikeness(tokens[i]!, kept[i]!.concepts, likenessModel))
    .filter((l) => l !== null);

  const features: FeatureVector = {
    // A stage the scenario lists no key points for says nothing either way (NaN: the model
    // weighs it as an average answer on these two features).
    keyPointsCovered: keyPoints.length
      ? share(keyPoints.filter((k) => k.made).length, keyPoints.length)
      : Number.NaN,
    keyPointStrength: keyPoints.length
      ? share(
          keyPoints.reduce((s, k) => s + k.strength, 0),
          keyPoints.length,
        )
      : Number.NaN,
    criteriaAddressed: share(criteriaAddressed, stage.criteria.length),
    stageConcepts: Math.log1p(allConcepts.size),
    reasonedSentences: Math.log1p(reasoned.filter(Boolean).length),
    reasonKinds: reasonKinds / REASON_KINDS.length,
    quantities: Math.log1p(Math.min(distinctQuantities.size, 12)),
    contentWords: Math.log1p(words),
    vagueShare: share(contentIdx.filter((i) => isVague(kept[i]!.text)).length, contentIdx.length),
    listShare: share(contentIdx.filter((i) => kept[i]!.listLike).length, contentIdx.length),
    paddingShare: share(kept.length - contentIdx.length, kept.length),
    otherStageShare: share(otherStage, otherStage + allConcepts.size),
    stageFit: fitOf(stageFit(profiles, contentText, stage.id)),
    wrongClaims: Math.log1p(wrongIdeas),
    definitionShare: share(
      contentIdx.filter((i) => DEFINES.test(kept[i]!.text)).length,
      contentIdx.length,
    ),
    // Key points whose idea is there in substance (a passage holds enough of it), not only
    // named by one of its terms: naming every right term is what a keyword-stuffed answer does.
    keyPointsInSubstance: keyPoints.length
      ? share(keyPoints.filter((k) => k.strength >= KEY_POINT_MADE).length, keyPoints.length)
      : Number.NaN,
    // The stage's concepts weigh with how much of the key points' ideas the answer holds: naming
    // many right terms while making none of the points (keyword stuffing) earns little from them.
    conceptsBackedByKeyPoints: keyPoints.length
      ? Math.log1p(allConcepts.size) *
        share(
          keyPoints.reduce((s, k) => s + k.strength, 0),
          keyPoints.length,
        )
      : Number.NaN,
    absoluteShare: share(
      contentIdx.filter((i) => isAbsolute(kept[i]!.text)).length,
      contentIdx.length,
    ),
    unfamiliarPairings: share(
      pairings.filter((p) => p === true).length,
      pairings.filter((p) => p !== null).length,
    ),
    // Things waved away as unneeded or outdated ("no point", "overkill", "没必要"): never a plus.
    dismissiveShare: share(
      contentIdx.filter((i) => isDismissive(kept[i]!.text)).length,
      contentIdx.length,
    ),
    // How far the answer talks about its terms in the words correct text uses with them: the
    // right terms surrounded by the wrong ideas is what keyword stuffing is made of. NaN when
    // no sentence can be weighed (the model reads it as an average answer).
    contextFit: mean(fits),
    // How much the sound content sentences read like the catalogues' wrong examples rather than
    // correct text (mean log-odds): wrong ideas no pattern catches still talk about their terms
    // the way known wrong claims do. NaN when no sentence can be weighed.
    wrongLikeness: mean(likeness),
  };
  return {
    sentences: kept,
    droppedInstructions: dropped,
    content,
    stageConcepts,
    reasoned,
    keyPoints,
    offStage: offStage
      ? {
          stage: offStage.stage,
          ...(farMore?.spread
            ? { alsoStages: farMore.named.filter((s) => s !== farMore.stage).slice(0, 2) }
            : {}),
        }
      : null,
    offScenario: offScenario ? { scenario: offScenario.scenario } : null,
    wrongClaims,
    wrongIdeas,
    wrongAt,
    features,
  };
}

/** Was sentence `i` of the reading read as a wrong idea? */
export function readAsWrong(reading: Pick<AnswerReading, 'wrongAt'>, i: number): boolean {
  return (reading.wrongAt[i]?.length ?? 0) > 0;
}

/**
 * How close the content is to the asked stage rather than to any other (0–1). Read from content
 * sentences only, so padding cannot move it.
 */
function fitOf(fit: ReturnType<typeof stageFit>): number {
  if (!fit.other) return 0;
  const best = Math.max(fit.own, fit.other.similarity);
  return best > 0 ? fit.own / best : 0;
}
