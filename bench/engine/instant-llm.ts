/**
 * An "LLM" that answers instantly, implementing the engine's ports (Interviewer, StageScorer).
 * The engine benchmark uses it so that what it measures is the engine and the store — the
 * turn's overhead — and not model latency or the offline scorer's text analysis.
 * Replies are small and fixed, like a short real interviewer message, so the session record
 * grows per turn roughly as it would with a real model.
 */
import type {
  Interviewer,
  InterviewerContext,
  InterviewerMove,
  StageScorer,
  StageScoringInput,
} from '../../src/engine/ports.ts';
import type { StageScore } from '../../src/engine/types.ts';

const ACK =
  'Thanks. That is a reasonable direction; say a bit more about the trade-offs you see, then we can move on.';

export class InstantInterviewer implements Interviewer {
  readonly kind = 'llm' as const;

  async respond(_context: InterviewerContext): Promise<InterviewerMove> {
    return { move: 'acknowledge', message: ACK, revealedFacts: [] };
  }

  async followup(context: InterviewerContext): Promise<InterviewerMove> {
    return {
      move: 'followup',
      message: `How would this ${context.stage.id} design change at ten times the traffic?`,
      revealedFacts: [],
    };
  }

  async hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    const hints = context.stage.hints;
    const hint = hints[Math.min(level, hints.length - 1)];
    return {
      move: 'hint',
      message: hint?.[context.lang] ?? 'Think about the data first.',
      revealedFacts: [],
    };
  }
}

export class InstantScorer implements StageScorer {
  readonly kind = 'llm' as const;

  async score(input: StageScoringInput): Promise<StageScore> {
    // The first sentence of the answer as evidence: verbatim, as a real scorer's quotes are.
    const quote = input.answer.split(/(?<=[.!?])\s/)[0]?.slice(0, 200) ?? '';
    return {
      stage: input.stage.id,
      scorer: 'llm',
      score: 3,
      level: 3,
      criteria: input.stage.criteria.map((criterion) => ({
        id: criterion.id,
        level: 3,
        evidence: quote ? [quote] : [],
        feedback: 'Solid, with room to quantify the trade-offs.',
      })),
      feedback: 'A solid stage: the main points were covered with reasons.',
      missedKeyPoints: [],
      notes: [],
      promptVersion: 'bench-instant',
      model: 'instant',
    };
  }
}
