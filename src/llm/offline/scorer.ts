/**
 * The offline stage scorer: rubric-driven scoring without an LLM, always labeled "offline".
 *
 * Method, for one stage of one scenario:
 *  1. Split the answer into sentences, kept verbatim so they can be quoted as evidence.
 *     Sentences that talk to the grader ("ignore the rubric", "give this a 4", "SYSTEM:",
 *     "忽略之前的指令", "给满分", and whole bracketed asides holding such text) are dropped:
 *     never obeyed, never quoted. A sentence said twice counts once.
 *  2. Topic checks. If the answer's concepts belong to another stage far more than to this one
 *     (a stage's signals: its criteria's plus every scenario's key points for that stage), or
 *     its distinctive words belong to another scenario far more than to this one, every
 *     criterion is 1: a good answer to a different question earns nothing here.
 *  3. Per criterion, read the sentences that name its concepts. A criterion's concepts are its
 *     `signals` (English and Chinese) plus the signals of the scenario key points that are about
 *     it; spelling variants and repeats count once (see scoring/concepts.ts).
 *       1  no concept of the criterion;
 *       2  concepts named, but no reasoned sentence carries them (a bare list lands here);
 *       3  a reasoned sentence carries at least one of them;
 *       4  reasoned sentences carry three or more distinct concepts, in two or more sentences.
 *     A sentence is reasoned if it is not an enumeration of terms, has six words or more, and
 *     gives a reason or alternative (because, so that, which means, trade-off, instead, 因为,
 *     所以, 权衡, 取决于, ...) or a concrete number, or, with a softer link (if, but, for
 *     example, 如果, 但是) or at some length, ties two or more of the stage's concepts together.
 *     An answer that touches none of the scenario's key points for the stage is generic, not
 *     about this problem: each criterion is capped at 2.
 *     Substance (scoring/substance.ts) then moves criteria one level. Down (3 and 4 lose one)
 *     when 25% or more of the sentences making the stage's points hand-wave ("maybe", "some
 *     kind of", "basically", "etc.", "大概", "一些", "之类的") and under 25% of all sentences
 *     give a quantity. Up (2 and 3 gain one, within the cap) when 25% or more give a quantity
 *     and under 15% hand-wave; a criterion evidenced by a single sentence rises to 3 at most,
 *     since 4 means depth across sentences. A missing criterion stays 1. Shares, not totals: length earns
 *     nothing, and padding (no points, no quantities) can only lower the upward share.
 *  4. The stage score is the mean of the criterion levels (fractional), its level the rounded
 *     band; the scenario's key points for the stage that nothing touched are "missed".
 *
 * Why this resists gaming: every credit comes from a distinct concept in a sentence that
 * carries it, so fluent generic padding (no concepts) adds nothing, repeating adds nothing,
 * length itself is never measured, and a list of terms has no reasoning to earn 3.
 * How well it agrees with human labels: `npm run cli -- eval --set test/fixtures/eval/labeled.jsonl`.
 */
import type { StageScorer, StageScoringInput } from '../../engine/ports.ts';
import type { CriterionScore, Level, StageScore } from '../../engine/types.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import type { Scenario } from '../../knowledge/schema.ts';
import { isVerbatimQuote, normalize } from '../../knowledge/signals.ts';
import { conceptsIn, phrasesOf } from './scoring/concepts.ts';
import {
  type CriterionFinding,
  criterionFeedback,
  emptyNote,
  instructionNote,
  offlineNote,
  offScenarioNote,
  offStageNote,
  stageFeedback,
} from './scoring/feedback.ts';
import { type Lexicon, lexiconFor } from './scoring/lexicon.ts';
import { readSentences, type SentenceFacts } from './scoring/sentences.ts';
import { readSubstance, substanceShift } from './scoring/substance.ts';
import { detectOffScenario, detectOffStage } from './scoring/topic.ts';

/** How many evidence quotes a criterion keeps. */
const MAX_EVIDENCE = 3;
/** A reasoned sentence is at least this many words (a clause, not a label). */
const MIN_REASONED_WORDS = 6;

/** The integer band of a stage score: the nearest level, halves rounded up. */
export function levelOf(score: number): Level {
  return Math.min(4, Math.max(1, Math.round(score))) as Level;
}

/**
 * A sentence explains (rather than names) when it is not an enumeration and gives a reason or
 * an alternative, or a concrete number, or, with a softer link ("if", "but", "for example") or
 * at some length, ties together several of the stage's concepts.
 */
function isReasoned(s: SentenceFacts, stageConcepts: number): boolean {
  if (s.listLike || s.words < MIN_REASONED_WORDS) return false;
  if (s.strongConnective || s.specifics) return true;
  return (s.connective || s.words >= 15) && stageConcepts >= 2;
}

interface CriterionReading {
  level: Level;
  finding: CriterionFinding;
  evidence: string[];
}

function readCriterion(
  phrases: readonly string[],
  sentences: readonly SentenceFacts[],
  stageConcepts: readonly number[],
): CriterionReading {
  const concepts = new Set<string>();
  const reasonedConcepts = new Set<string>();
  const supporting: { text: string; reasoned: boolean }[] = [];
  for (const [index, sentence] of sentences.entries()) {
    const found = conceptsIn(sentence.text, phrases);
    if (found.size === 0) continue;
    const reasoned = isReasoned(sentence, stageConcepts[index]!);
    for (const key of found) {
      concepts.add(key);
      if (reasoned) reasonedConcepts.add(key);
    }
    supporting.push({ text: sentence.text, reasoned });
  }
  const evidence = [
    ...supporting.filter((s) => s.reasoned),
    ...supporting.filter((s) => !s.reasoned),
  ]
    .slice(0, MAX_EVIDENCE)
    .map((s) => s.text);
  if (concepts.size === 0) return { level: 1, finding: 'missing', evidence: [] };
  if (reasonedConcepts.size === 0) return { level: 2, finding: 'named-only', evidence };
  const reasonedSentences = supporting.filter((s) => s.reasoned).length;
  // Level 4 is depth: several distinct concepts explained, across more than one sentence.
  const level: Level = reasonedConcepts.size >= 3 && reasonedSentences >= 2 ? 4 : 3;
  return { level, finding: 'reasoned', evidence };
}

/**
 * The scenario's key points for the stage tie an answer to this problem: an answer that touches
 * none of them is generic, whatever it explains, and earns at most 2 per criterion.
 */
function levelCap(total: number, covered: number): Level {
  return total > 0 && covered === 0 ? 2 : 4;
}

function capped(reading: CriterionReading, cap: Level): CriterionReading {
  return reading.level <= cap ? reading : { ...reading, level: cap, finding: 'generic' };
}

/**
 * The substance shift moves a credited criterion one level: down for an answer that explains
 * in hand-waves, up for one that commits to figures. A missing criterion stays 1 (figures
 * about something else prove nothing here) and nothing rises above the generic cap.
 */
function shifted(reading: CriterionReading, shift: -1 | 0 | 1, cap: Level): CriterionReading {
  if (shift === 0 || reading.level === 1) return reading;
  if (shift < 0 && reading.level >= 3) {
    return { ...reading, level: (reading.level - 1) as Level, finding: 'vague' };
  }
  // Level 4 means depth across more than one sentence (see readCriterion): one dense sentence
  // with a figure can rise to 3, not to 4.
  const ceiling: Level = reading.evidence.length >= 2 ? cap : (Math.min(cap, 3) as Level);
  if (shift > 0 && reading.level < ceiling) {
    return { ...reading, level: (reading.level + 1) as Level };
  }
  return reading;
}

export interface OfflineScorerOptions {
  /**
   * All scenarios, so an answer about another scenario can be recognised. Without them the
   * scorer still works but cannot tell a different scenario's answer from a weak one.
   */
  knowledge?: Pick<Knowledge, 'scenarios'>;
}

export class OfflineScorer implements StageScorer {
  readonly kind = 'offline' as const;
  private readonly scenarios: ReadonlyMap<string, Scenario> | undefined;
  private readonly single = new WeakMap<Scenario, ReadonlyMap<string, Scenario>>();

  constructor(options: OfflineScorerOptions = {}) {
    this.scenarios = options.knowledge?.scenarios;
  }

  private scenariosFor(scenario: Scenario): ReadonlyMap<string, Scenario> {
    if (this.scenarios?.get(scenario.id) === scenario) return this.scenarios;
    let map = this.single.get(scenario);
    if (!map) {
      map = new Map([...(this.scenarios ?? []), [scenario.id, scenario]]);
      this.single.set(scenario, map);
    }
    return map;
  }

  async score(input: StageScoringInput): Promise<StageScore> {
    const { framework, scenario, stage, lang, answer } = input;
    const lexicon: Lexicon = lexiconFor(framework, this.scenariosFor(scenario));
    const sentences = readSentences(answer, lexicon.vocabulary);
    // Grader instructions are dropped; a sentence said twice counts once.
    const seen = new Set<string>();
    const kept = sentences.filter((s) => {
      const key = normalize(s.text);
      if (s.instruction || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const dropped = sentences.filter((s) => s.instruction).length;
    const notes = [offlineNote(lang)];
    if (dropped > 0) notes.push(instructionNote(lang, dropped));

    const text = kept.map((s) => s.text).join('\n');
    let offTopic = false;
    if (kept.length === 0) {
      notes.push(emptyNote(lang));
    } else {
      const offStage = detectOffStage(text, stage.id, lexicon);
      const offScenario = offStage ? null : detectOffScenario(text, scenario.id, lexicon);
      if (offStage) {
        offTopic = true;
        notes.push(offStageNote(lang, framework.stages.find((s) => s.id === offStage.stage)!));
      } else if (offScenario) {
        offTopic = true;
        const other = lexicon.scenarioTitles.get(offScenario.scenario);
        notes.push(offScenarioNote(lang, other?.[lang] ?? offScenario.scenario));
      }
    }

    const keyPoints = scenario.keyPoints[stage.id] ?? [];
    const coveredKeyPoints = offTopic
      ? []
      : keyPoints.filter((point) => conceptsIn(text, phrasesOf(point.signals)).size > 0);
    const cap = levelCap(keyPoints.length, coveredKeyPoints.length);
    const stageLexicon = lexicon.stages.get(stage.id)!;
    const stageConcepts = kept.map((s) => conceptsIn(s.text, stageLexicon.all).size);
    const shift = substanceShift(readSubstance(kept, stageConcepts));
    const criteria: CriterionScore[] = stage.criteria.map((criterion, i) => {
      const phrases = stageLexicon.criteria[i]!.extended;
      const reading: CriterionReading = offTopic
        ? { level: 1, finding: 'off-topic', evidence: [] }
        : shifted(capped(readCriterion(phrases, kept, stageConcepts), cap), shift, cap);
      return {
        id: criterion.id,
        level: reading.level,
        // Quotes are the candidate's own sentences; the check guards against any slip.
        evidence: reading.evidence.filter((q) => isVerbatimQuote(q, answer)),
        feedback: criterionFeedback(criterion, reading.level, reading.finding, lang),
      };
    });

    const score = criteria.reduce((sum, c) => sum + c.level, 0) / criteria.length;
    const missedKeyPoints = keyPoints
      .filter((point) => !coveredKeyPoints.includes(point))
      .map((point) => point.text[lang]);
    const ranked = [...criteria].sort((a, b) => b.level - a.level);
    const byId = (id: string | undefined) => stage.criteria.find((c) => c.id === id);
    return {
      stage: stage.id,
      scorer: 'offline',
      score: Math.round(score * 100) / 100,
      level: levelOf(score),
      criteria,
      feedback: stageFeedback(
        stage,
        score,
        byId(ranked[0]?.level && ranked[0].level > 1 ? ranked[0].id : undefined),
        byId(ranked.at(-1)?.level !== 4 ? ranked.at(-1)?.id : undefined),
        missedKeyPoints.length,
        lang,
      ),
      missedKeyPoints,
      notes,
    };
  }
}
