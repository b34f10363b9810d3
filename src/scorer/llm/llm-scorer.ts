/**
 * The LLM judge: one stage at a time, by checklist. Each rubric criterion's yes/no checks are
 * answered with quotes; a "yes" whose quote is not in the answer counts as "no"; the criterion's
 * level is computed from its checks (checklist.ts). Several samples at a temperature above 0 are
 * combined by the median per criterion, and their spread is the score's confidence.
 * When no sample is usable — the LLM down, rate limited beyond the cap, invalid JSON, checks
 * missing, after the retries — the stage is scored by the offline scorer and says so in a note.
 * A score is never invented.
 */
import { levelOf } from '../../engine/levels.ts';
import type { StageScorer, StageScoringInput } from '../../engine/ports.ts';
import type { StageScore, TokenUsage } from '../../engine/types.ts';
import type { JudgeCheck } from './checklist.ts';
import type { LlmClient, Refined } from '../../llm/client.ts';
import { type CombinedSamples, checkEvidence, combineSamples } from './evidence.ts';
import type { ScoreNote } from '../../engine/score-notes.ts';
import { loadPrompt, type PromptTemplate } from '../../llm/prompts.ts';
import { type StageScoreOutput, scorerMessages, stageChecks, stageScoreSchema } from './prompt.ts';
import { addUsage, emptyUsage } from '../../llm/usage.ts';

export interface LlmScorerOptions {
  client: LlmClient;
  /** Scores the stage when the LLM cannot. */
  fallback: StageScorer;
  /** Samples per stage, combined by median (1 = a single call); JUDGE_SAMPLES. */
  samples: number;
  /** Sampling temperature, above 0 so that samples can disagree; JUDGE_TEMPERATURE. */
  temperature: number;
  template?: PromptTemplate;
}

/** Enough room for some twenty checks with quotes and five criteria's feedback, in Chinese too. */
const MAX_COMPLETION_TOKENS = 3_000;

export class LlmScorer implements StageScorer {
  readonly kind = 'llm' as const;
  private readonly client: LlmClient;
  private readonly fallback: StageScorer;
  private readonly samples: number;
  private readonly temperature: number;
  private readonly template: PromptTemplate;

  constructor(options: LlmScorerOptions) {
    this.client = options.client;
    this.fallback = options.fallback;
    this.samples = Math.max(1, options.samples);
    this.temperature = options.temperature;
    this.template = options.template ?? loadPrompt('scorer');
  }

  get promptVersion(): string {
    return this.template.version;
  }

  async score(input: StageScoringInput): Promise<StageScore & { usage?: TokenUsage }> {
    if (input.answer.trim() === '') {
      // Nothing to grade and nothing to quote: not worth a request.
      const offline = await this.fallback.score(input);
      return {
        ...offline,
        notes: [...offline.notes, { code: 'judge-no-answer' }],
      };
    }
    const criterionIds = input.stage.criteria.map((c) => c.id);
    const checks = stageChecks(input.stage);
    const schema = stageScoreSchema(
      criterionIds,
      checks.map((c) => c.id),
    );
    const messages = scorerMessages(this.template, input);
    const keyPoints = input.scenario.keyPoints[input.stage.id] ?? [];

    const results = await Promise.all(
      Array.from({ length: this.samples }, () =>
        this.client.structured({
          purpose: `scorer:${input.stage.id}`,
          schemaName: 'stage_score',
          schema,
          messages,
          temperature: this.temperature,
          maxCompletionTokens: MAX_COMPLETION_TOKENS,
          refine: (output) => completeChecklist(output, criterionIds, checks),
        }),
      ),
    );
    const usage = results.reduce((sum, r) => addUsage(sum, r.usage), emptyUsage());
    const good = results.flatMap((r) => (r.ok ? [r] : []));
    const firstFailure = results.find((r) => !r.ok);
    const failureReason = firstFailure && !firstFailure.ok ? firstFailure.reason : 'no result';

    if (good.length === 0) {
      const offline = await this.fallback.score(input);
      return {
        ...offline,
        notes: [...offline.notes, { code: 'judge-failed', reason: failureReason }],
        usage: addUsage(offline.usage ?? emptyUsage(), usage),
      };
    }

    const checked = good.map((r) => checkEvidence(r.value, checks, input.answer, keyPoints.length));
    const combined = combineSamples(checked);
    const score =
      Math.round(
        (combined.criteria.reduce((sum, c) => sum + c.level, 0) / combined.criteria.length) * 100,
      ) / 100;
    return {
      stage: input.stage.id,
      scorer: 'llm',
      score,
      level: levelOf(score),
      criteria: combined.criteria.map((c) => ({
        id: c.id,
        level: c.level,
        evidence: c.evidence,
        feedback: c.feedback,
      })),
      feedback: combined.feedback,
      missedKeyPoints: combined.missedKeyPoints.map((n) => keyPoints[n - 1]!.text[input.lang]),
      notes: this.notesFor(combined, good.length, failureReason),
      ...(good.length > 1 ? { confidence: { samples: good.length, spread: combined.spread } } : {}),
      promptVersion: this.template.version,
      model: good[0]!.model,
      usage,
    };
  }

  private notesFor(combined: CombinedSamples, used: number, failureReason: string): ScoreNote[] {
    const notes: ScoreNote[] = [];
    const unsupported = combined.criteria.reduce((sum, c) => sum + c.unsupportedYes, 0);
    if (unsupported > 0) notes.push({ code: 'unsupported-yes', count: unsupported });
    if (used < this.samples) {
      notes.push({
        code: 'dropped-samples',
        dropped: this.samples - used,
        asked: this.samples,
        reason: failureReason,
      });
    }
    if (used > 1) notes.push({ code: 'agreement', samples: used, spread: combined.spread });
    return notes;
  }
}

/** Every check answered and every criterion given feedback, exactly once; else retried. */
function completeChecklist(
  output: StageScoreOutput,
  criterionIds: readonly string[],
  checks: readonly JudgeCheck[],
): Refined<StageScoreOutput> {
  const problems: string[] = [];
  const answered = output.checks.map((c) => c.id);
  const unanswered = checks.map((c) => c.id).filter((id) => !answered.includes(id));
  if (unanswered.length > 0) problems.push(`checks not answered: ${unanswered.join(', ')}`);
  const twice = answered.filter((id, i) => answered.indexOf(id) !== i);
  if (twice.length > 0) problems.push(`checks answered twice: ${[...new Set(twice)].join(', ')}`);
  const graded = output.criteria.map((c) => c.id);
  const noFeedback = criterionIds.filter((id) => !graded.includes(id));
  if (noFeedback.length > 0) problems.push(`criteria without feedback: ${noFeedback.join(', ')}`);
  if (problems.length > 0) return { ok: false, problem: problems.join('; ') };
  return { ok: true, value: output };
}
