/**
 * The interviewer without an LLM. It plays a senior interviewer from the knowledge base alone;
 * what it says is decided by the modules in src/interviewer:
 * - questions are answered exactly: every fact a question asks for and only those, "not
 *   specified, assume and state it" for the rest (clarify.ts);
 * - a design mistake is challenged once, when it is made (mistakes.ts, knowledge/mistakes.yaml);
 * - an answer is acknowledged and, when the engine allows a probe, followed by a question about
 *   an area the candidate has not covered: never naming the expected answer, never about what
 *   they just said, never asked twice, always fitting the scenario (probes.ts);
 * - `followup()` picks the best follow-up the same way; `hint(level)` returns the stage's hints
 *   in order, gentle to specific.
 * Deterministic: the same conversation gets the same moves (tests and benchmarks rely on it).
 */
import { clarify } from './clarify.ts';
import { reviewChallenge } from './review-challenge.ts';
import { newMistake } from './mistakes.ts';
import { phrases, variant } from './phrases.ts';
import { followupAsks, latestCandidateMessage, probeAsks } from './probes.ts';
import { asksForAnswerKey } from './rubric-request.ts';
import { normalize } from '../knowledge/signals.ts';
import type { Interviewer, InterviewerContext, InterviewerMove } from '../engine/ports.ts';

/** The candidate sent this exact message before in the interview. */
function isRepeat(context: InterviewerContext, message: string): boolean {
  const text = normalize(message);
  const earlier = [...context.session.turns, ...context.stageTurns].filter(
    (t) => t.role === 'candidate' && normalize(t.text) === text,
  );
  return new Set(earlier.map((t) => t.id)).size > 1;
}

function interviewerTurnsInStage(context: InterviewerContext): number {
  return context.stageTurns.filter((t) => t.role === 'interviewer').length;
}

export class OfflineInterviewer implements Interviewer {
  readonly kind = 'offline' as const;

  async respond(context: InterviewerContext): Promise<InterviewerMove> {
    const p = phrases(context.lang);
    const message = latestCandidateMessage(context);
    if (asksForAnswerKey(message)) {
      const asked = context.stageTurns.filter((t) => t.role === 'interviewer').length;
      return { move: 'acknowledge', message: variant(p.noAnswerKey, asked), revealedFacts: [] };
    }
    const answer = clarify(context, message);
    const mistake = newMistake(context, message);
    if (answer || mistake) {
      const parts = [answer?.message, mistake?.challenge[context.lang]].filter((s): s is string =>
        Boolean(s),
      );
      const move: InterviewerMove = {
        move: answer ? 'clarify' : 'probe',
        message: parts.join(p.joiner),
        revealedFacts: answer?.revealedFacts ?? [],
      };
      if (mistake) {
        move.challengedMistakes = [mistake.id];
        move.followupKey = `mistake:${mistake.id}`;
      }
      return move;
    }
    const review = await reviewChallenge(context, message);
    if (review) {
      const ack = variant(p.acknowledgements, interviewerTurnsInStage(context));
      return {
        move: review.key ? 'probe' : 'acknowledge',
        message: review.key ? `${ack}${p.joiner}${review.message}` : review.message,
        revealedFacts: [],
        ...(review.key ? { followupKey: review.key } : {}),
      };
    }
    if (isRepeat(context, message)) {
      return {
        move: 'acknowledge',
        message: variant(p.repeated, interviewerTurnsInStage(context)),
        revealedFacts: [],
      };
    }
    return this.acknowledge(context);
  }

  async followup(context: InterviewerContext): Promise<InterviewerMove> {
    const pick = followupAsks(context)[0];
    if (!pick) {
      return {
        move: 'acknowledge',
        message: phrases(context.lang).noFollowupsLeft,
        revealedFacts: [],
      };
    }
    return { move: 'followup', message: pick.question, revealedFacts: [], followupKey: pick.key };
  }

  async hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    const hints = context.stage.hints;
    const hint = hints[Math.min(Math.max(0, level), hints.length - 1)]!;
    return { move: 'hint', message: hint[context.lang], revealedFacts: [] };
  }

  private acknowledge(context: InterviewerContext): InterviewerMove {
    const p = phrases(context.lang);
    const answers = context.stageTurns.filter((t) => t.role === 'candidate').length;
    const ack = variant(p.acknowledgements, answers - 1);
    const probe = (context.probesLeft ?? 1) > 0 ? probeAsks(context)[0] : undefined;
    if (probe) {
      return {
        move: 'probe',
        message: `${ack}${p.joiner}${probe.question}`,
        revealedFacts: [],
        followupKey: probe.key,
      };
    }
    const invite = variant(p.anythingElse(context.stage.title[context.lang]), answers - 1);
    return { move: 'acknowledge', message: `${ack}${p.joiner}${invite}`, revealedFacts: [] };
  }
}
