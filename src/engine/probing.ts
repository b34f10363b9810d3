/**
 * Difficulty sets how often the interviewer probes without being asked (a probe digs into a
 * point the candidate has not covered yet). Kept deliberately simple:
 * - easy: rarely, at most one unprompted probe in the whole interview;
 * - medium: at most one per stage;
 * - hard: at most two per stage.
 * Follow-ups the candidate asks for (the `followup` command) are not limited.
 */
import type { Difficulty, Session } from './types.ts';

export const PROBE_LIMITS: Record<Difficulty, { perStage: number; perInterview: number }> = {
  easy: { perStage: 1, perInterview: 1 },
  medium: { perStage: 1, perInterview: Number.POSITIVE_INFINITY },
  hard: { perStage: 2, perInterview: Number.POSITIVE_INFINITY },
};

/** How many more unprompted probes the interviewer may make in the current stage. */
export function probesLeft(session: Readonly<Session>): number {
  const limits = PROBE_LIMITS[session.difficulty];
  const stage = session.plan[session.stageIndex];
  const probes = session.turns.filter((t) => t.role === 'interviewer' && t.kind === 'probe');
  const inStage = probes.filter((t) => t.stage === stage).length;
  return Math.max(0, Math.min(limits.perStage - inStage, limits.perInterview - probes.length));
}
