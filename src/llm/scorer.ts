/**
 * The LLM rubric scorer: one stage at a time, at temperature 0, optionally the median of several
 * samples. Every score is held to the candidate's words (evidence.ts). When the LLM cannot give
 * a valid score — down, rate limited beyond the cap, invalid JSON, levels out of range, criteria
 * missing, after the retries — the stage is scored by the offline scorer and says so in a note.
 * A score is never invented.
 */
import type { StageScorer, StageScoringInput } from '../engine/ports.ts';
import type { Level, StageScore, TokenUsage } from '../engine/types.ts';
import type { LlmClient, Refined } from './client.ts';
import { type CheckedSample, checkEvidence, combineSamples } from './evidence.ts';
import { loadPrompt, type PromptTemplate } from './prompts.ts';
import { type StageScoreOutput, scorerMessages, stageScoreSchema } from './scorer-prompt.ts';
import { addUsage, emptyUsage } from './usage.ts';

export interface LlmScorerOptions {
  client: LlmClient;
  /** Scores the stage when the LLM cannot. */
  fallback: StageScorer;
  /** Median of this many samples (1 = a single call). */
  samples?: number;
  template?: PromptTemplate;
}

/** Enough room for five criteria with quotes and reasoning, in Chinese too. */
const MAX_COMPLETION_TOKENS = 2_500;

/** The integer band of a stage score: the nearest level, halves rounded up (as offline). */
function levelOf(score: number): Level {
  return Math.min(4, Math.max(1, Math.round(score))) as Level;
}

export class LlmScorer implements StageScorer {
  readonly kind = 'llm' as const;
  private readonly client: LlmClient;
  private readonly fallback: StageScorer;
  private readonly samples: number;
  private readonly template: PromptTemplate;

  constructor(options: LlmScorerOptions) {
    this.client = options.client;
    this.fallback = options.fallback;
    this.samples = Math.max(1, options.samples ?? 1);
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
        notes: [...offline.notes, 'scored offline: there was no answer to grade'],
      };
    }
    const ids = input.stage.criteria.map((c) => c.id);
    const schema = stageScoreSchema(ids);
    const messages = scorerMessages(this.template, input);
    const keyPoints = input.scenario.keyPoints[input.stage.id] ?? [];

    const results = await Promise.all(
      Array.from({ length: this.samples }, () =>
        this.client.structured({
          purpose: `scorer:${input.stage.id}`,
          schemaName: 'stage_score',
          schema,
          messages,
          temperature: 0,
          maxCompletionTokens: MAX_COMPLETION_TOKENS,
          refine: (output) => completeCriteria(output, ids),
        }),
      ),
    );
    const usage = results.reduce((sum, r) => addUsage(sum, r.usage), emptyUsage());
    const good = results.flatMap((r) => (r.ok ? [r] : []));

    if (good.length === 0) {
      const failed = results.find((r) => !r.ok);
      const reason = failed && !failed.ok ? failed.reason : 'no result';
      const offline = await this.fallback.score(input);
      return {
        ...offline,
        notes: [...offline.notes, `scored offline: the LLM scorer failed (${reason})`],
        usage: addUsage(offline.usage ?? emptyUsage(), usage),
      };
    }

    const checked = good.map((r) => checkEvidence(r.value, input.answer, keyPoints.length));
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
      notes: notesFor(combined, good.length, this.samples),
      promptVersion: this.template.version,
      model: good[0]!.model,
      usage,
    };
  }
}

/** Every criterion graded exactly once; anything else is retried. */
function completeCriteria(
  output: StageScoreOutput,
  ids: readonly string[],
): Refined<StageScoreOutput> {
  const seen = output.criteria.map((c) => c.id);
  const missing = ids.filter((id) => !seen.includes(id));
  if (missing.length > 0) return { ok: false, problem: `criteria missing: ${missing.join(', ')}` };
  const twice = seen.filter((id, i) => seen.indexOf(id) !== i);
  if (twice.length > 0) return { ok: false, problem: `criteria graded twice: ${twice.join(', ')}` };
  // Grade in the rubric's order, whatever order the model used.
  const ordered = ids.map((id) => output.criteria.find((c) => c.id === id)!);
  return { ok: true, value: { ...output, criteria: ordered } };
}

function notesFor(result: CheckedSample, used: number, asked: number): string[] {
  const notes: string[] = [];
  const dropped = result.criteria.reduce((sum, c) => sum + c.droppedQuotes, 0);
  if (dropped > 0) {
    notes.push(
      `${dropped} evidence quote${dropped === 1 ? '' : 's'} not found in the answer ${dropped === 1 ? 'was' : 'were'} dropped`,
    );
  }
  const capped = result.criteria.filter((c) => c.cappedFrom !== undefined);
  if (capped.length > 0) {
    notes.push(
      `capped at level 1 for lack of verbatim evidence: ${capped.map((c) => `${c.id} (LLM said ${c.cappedFrom})`).join(', ')}`,
    );
  }
  if (asked > 1) notes.push(`median of ${used} of ${asked} LLM samples`);
  return notes;
}
