/**
 * The offline stage scorer: scores an answer against the rubric without an LLM, always labeled
 * "offline".
 *
 *  1. Read the answer (features.ts): grader-addressed sentences and repeats are dropped, never
 *     obeyed and never quoted; the rest is split into content and padding.
 *  2. Too little to judge (no content at all and under a dozen words, e.g. "not sure"): the
 *     verdict is "not enough to judge", kept out of every average, never a level 1.
 *  3. An answer to another stage's question, or about another scenario, scores 1 on every
 *     criterion, as in a real interview; so does a longer answer with no content at all.
 *  4. Otherwise the stage score is the median level under an ordinal model trained on labeled
 *     answers from independent writers (ordinal-model.ts; weights in weights.json, rebuilt by
 *     `npm run cli -- train-scorer`). Its inputs are what an interviewer weighs: the scenario's
 *     key points made (in any words, either language), criteria addressed, distinct concepts,
 *     reasoned sentences and kinds of reasoning, quantities, hand-waving, certainties stated
 *     where a design weighs trade-offs, things waved away as unneeded, concepts backed by key points made in substance, bare
 *     lists, padding, and drift to other stages. Length earns nothing by itself: only content is read.
 *     An answer in which no sentence explains anything (a reason, a trade-off, a figure) is
 *     held at 2, the rubric's level for naming the right ideas without reasons; one that gets
 *     two or more ideas wrong (misdefined, misused, a known misconception, a choice the
 *     scenario's facts rule out) is held at 1, the rubric's level for wrong content.
 *     Each sentence read as a wrong idea is quoted in a note with the reason (the first three).
 *  5. Each criterion is credited with the sentences that are about it (evidence.ts): none means
 *     "not addressed" (1); sentences that explain are a level at or above the stage's band,
 *     bare mentions one below it.
 */
import { levelOf } from '../engine/levels.ts';
import { readFileSync } from 'node:fs';
import type { StageScorer, StageScoringInput } from '../engine/ports.ts';
import type { ScoreNote } from '../engine/score-notes.ts';
import type { CriterionScore, Level, StageScore } from '../engine/types.ts';
import { type Knowledge, stageById } from '../knowledge/knowledge.ts';
import type { Scenario } from '../knowledge/schema.ts';
import { isVerbatimQuote } from '../knowledge/signals.ts';
import { criterionFeedback, stageFeedback } from './analysis/feedback.ts';
import { lexiconFor } from './analysis/lexicon.ts';
import { isVague } from './analysis/substance.ts';
import { wrongIdeaNotes } from './analysis/wrong-idea-notes.ts';
import { assignEvidence } from './evidence.ts';
import { type AnswerReading, readAnswer } from './features.ts';
import { medianLevel, type OrdinalModel } from './ordinal-model.ts';

/** The highest stage score of an answer that names ideas but explains none (level 2's top). */
const NAMES_ONLY_CEILING = 2.49;
/**
 * The highest stage score of an answer that gets two or more distinct ideas wrong (level 1's
 * top): the rubric's 1 is "wrong", and one slip is a slip, two are a pattern.
 */
const WRONG_IDEAS_CEILING = 1.49;
/**
 * Distinct wrong claims (misconceptions, misdefined or misused terms, metrics read backwards,
 * acronyms spelled out wrongly, misfits) that make it wrong.
 */
export const WRONG_IDEAS = 2;
/**
 * Longer answers are scored on their first this-many characters (a stage answer is a few
 * hundred words; megabytes of text are not an answer and would cost seconds to read).
 */
export const MAX_SCORED_CHARS = 20_000;
/** Under this many words with no content at all, an answer cannot be judged. */
const TOO_SHORT_WORDS = 12;

/**
 * Is the answer's score set by the rules below whatever the model says (1: another stage's or
 * scenario's answer, no content, two ideas or more read as wrong)? Training leaves these out:
 * fitted to the last, the model would learn that the wrong-claims reading explains every low
 * label, and grade the wrong answers no catalogue catches like sound ones.
 */
export function decidedByRules(
  reading: Pick<AnswerReading, 'offStage' | 'offScenario' | 'content' | 'wrongIdeas'>,
): boolean {
  return (
    Boolean(reading.offStage || reading.offScenario) ||
    !reading.content.some(Boolean) ||
    reading.wrongIdeas >= WRONG_IDEAS
  );
}

let shipped: OrdinalModel | undefined;

/** The committed model (src/scorer/weights.json), read once. */
export function shippedModel(): OrdinalModel {
  shipped ??= JSON.parse(
    readFileSync(new URL('./weights.json', import.meta.url), 'utf8'),
  ) as OrdinalModel;
  return shipped;
}

export interface OfflineScorerOptions {
  /**
   * All scenarios, so an answer about another scenario can be recognised and key points are
   * weighed against the whole knowledge base.
   */
  knowledge?: Pick<Knowledge, 'scenarios'>;
  /** The scoring model; the committed one by default (evaluation passes held-out models). */
  model?: OrdinalModel;
}

export class OfflineScorer implements StageScorer {
  readonly kind = 'offline' as const;
  private readonly scenarios: ReadonlyMap<string, Scenario> | undefined;
  private readonly single = new WeakMap<Scenario, ReadonlyMap<string, Scenario>>();
  private readonly model: OrdinalModel;

  constructor(options: OfflineScorerOptions = {}) {
    this.scenarios = options.knowledge?.scenarios;
    this.model = options.model ?? shippedModel();
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

  /** The reading the score is computed from (for eval, training and tests). */
  read(input: StageScoringInput): AnswerReading {
    return readAnswer({ ...input, scenarios: this.scenariosFor(input.scenario) });
  }

  async score(full: StageScoringInput): Promise<StageScore> {
    const cut = full.answer.length > MAX_SCORED_CHARS;
    const input = cut ? { ...full, answer: full.answer.slice(0, MAX_SCORED_CHARS) } : full;
    const { framework, scenario, stage, lang } = input;
    const reading = this.read(input);
    const notes: ScoreNote[] = [{ code: 'scored-offline' }];
    if (cut) notes.push({ code: 'answer-truncated', chars: MAX_SCORED_CHARS });
    if (reading.droppedInstructions > 0) {
      notes.push({ code: 'instructions-ignored', count: reading.droppedInstructions });
    }
    const words = reading.sentences.reduce((n, s) => n + s.words, 0);
    const hasContent = reading.content.some(Boolean);
    const keyPoints = scenario.keyPoints[stage.id] ?? [];
    const missedKeyPoints = reading.keyPoints.filter((k) => !k.made).map((k) => k.point.text[lang]);

    if (!hasContent && words < TOO_SHORT_WORDS) {
      notes.push({ code: 'nothing-to-score' });
      return {
        stage: stage.id,
        scorer: 'offline',
        score: 1,
        level: 1,
        insufficient: true,
        criteria: stage.criteria.map((c) => ({
          id: c.id,
          level: 1,
          evidence: [],
          feedback: criterionFeedback(c, 1, 'insufficient', lang),
        })),
        feedback: stageFeedback(stage, null, undefined, undefined, keyPoints.length, lang),
        missedKeyPoints: keyPoints.map((k) => k.text[lang]),
        notes,
      };
    }

    const offTopic = reading.offStage ?? reading.offScenario;
    // What held the score down, quoted, so the candidate can see it (and contest a misreading).
    if (!offTopic) notes.push(...wrongIdeaNotes(reading.sentences, reading.wrongAt));
    if (reading.offStage) {
      const also = (reading.offStage.alsoStages ?? []).map((id) => stageById(framework, id).title);
      notes.push({
        code: 'off-stage',
        stage: stageById(framework, reading.offStage.stage).title,
        ...(also.length ? { also } : {}),
      });
    } else if (reading.offScenario) {
      const other = this.scenariosFor(scenario).get(reading.offScenario.scenario);
      const id = reading.offScenario.scenario;
      notes.push({ code: 'off-scenario', scenario: other?.title ?? { en: id, zh: id } });
    }
    // No content at all (only padding): nothing of the stage to grade, the lowest level.
    let score = offTopic || !hasContent ? 1 : medianLevel(this.model, reading.features);
    // The rubric's 3 needs an explanation: an answer in which no sentence gives a reason, a
    // trade-off or a figure (a list of the right terms) stays at 2 whatever it names.
    if (!reading.reasoned.some(Boolean)) score = Math.min(score, NAMES_ONLY_CEILING);
    if (reading.wrongIdeas >= WRONG_IDEAS) score = Math.min(score, WRONG_IDEAS_CEILING);
    const band = levelOf(score);
    const lexicon = lexiconFor(framework, this.scenariosFor(scenario)).stages.get(stage.id)!;
    const evidence = assignEvidence(reading, stage, lexicon, input.answer);
    const criteria: CriterionScore[] = stage.criteria.map((criterion, i) => {
      const found = evidence[i]!;
      let level: Level = 1;
      let finding: Parameters<typeof criterionFeedback>[2] = offTopic ? 'off-topic' : 'missing';
      if (!offTopic && found.sentences.length > 0) {
        level = found.reasoned ? (Math.max(2, band) as Level) : (Math.max(2, band - 1) as Level);
        finding = found.reasoned ? (level >= 3 ? 'reasoned' : 'thin') : 'named-only';
        // Explained only in hand-waves ("some kind of", "basically", "大概"): say so.
        if (found.sentences.every((i) => isVague(reading.sentences[i]!.text))) {
          finding = 'vague';
          level = Math.max(2, Math.min(level, band - 1)) as Level;
        }
      }
      return {
        id: criterion.id,
        level,
        // Quotes are the candidate's own words; the check guards against any slip.
        evidence: offTopic ? [] : found.quotes.filter((q) => isVerbatimQuote(q, input.answer)),
        feedback: criterionFeedback(criterion, level, finding, lang),
      };
    });
    const ranked = [...criteria].sort((a, b) => b.level - a.level);
    const byId = (id: string | undefined) => stage.criteria.find((c) => c.id === id);
    return {
      stage: stage.id,
      scorer: 'offline',
      score: Math.round(score * 100) / 100,
      level: band,
      criteria,
      feedback: stageFeedback(
        stage,
        score,
        byId(ranked[0] && ranked[0].level > 1 ? ranked[0].id : undefined),
        byId(ranked.at(-1)?.level !== 4 ? ranked.at(-1)?.id : undefined),
        offTopic ? keyPoints.length : missedKeyPoints.length,
        lang,
      ),
      missedKeyPoints: offTopic ? keyPoints.map((k) => k.text[lang]) : missedKeyPoints,
      notes,
    };
  }
}
