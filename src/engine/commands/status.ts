/**
 * `status`: where the interview stands. A turn left pending by a crash is completed first, so
 * resuming an interview (which starts with `status`) answers the interrupted message.
 */
import { notices } from '../notices.ts';
import { stageElapsedMs } from '../pacing.ts';
import type { SessionTurn } from '../session-turn.ts';
import type { StatusView } from '../types.ts';
import type { SessionCommandHandler } from './handler.ts';

export function statusView(turn: SessionTurn): StatusView {
  const { session, services } = turn;
  const now = turn.now();
  const stage = turn.stage();
  const lastInterviewerTurn = session.turns.findLast((t) => t.role === 'interviewer');
  const outage = services.llmHealth.outage();
  return {
    sessionId: session.id,
    scenarioId: session.scenarioId,
    scenarioTitle: turn.scenario.title[turn.lang],
    mode: session.mode,
    lang: session.lang,
    difficulty: session.difficulty,
    status: session.status,
    stage: stage.id,
    stageTitle: stage.title[turn.lang],
    stageNumber: session.stageIndex + 1,
    stageCount: session.plan.length,
    stageElapsedMs: stageElapsedMs(turn.progress(), now),
    stageBudgetMs: stage.timeBudgetMinutes * 60_000,
    elapsedMs: Math.max(0, (session.finishedAt ?? now) - session.createdAt),
    hintsUsed: session.stages.reduce((sum, s) => sum + s.hintsUsed, 0),
    usage: { ...session.usage },
    // The path actually in use: offline while the LLM is switched off by the breaker.
    interviewer: outage ? 'offline' : services.interviewer.kind,
    scorer: outage ? 'offline' : services.scorer.kind,
    lastInterviewerMessage: lastInterviewerTurn?.text,
  };
}

export const statusHandler: SessionCommandHandler = {
  allowedIn: ['active', 'finished', 'abandoned'],
  usesLlm: false,
  completesPending: true,
  async run(turn) {
    turn.replies.push({ kind: 'status', status: statusView(turn) });
    const outage = turn.services.llmHealth.outage();
    if (outage) {
      const seconds = Math.max(1, Math.ceil((outage.retryAt - turn.now()) / 1000));
      turn.note(notices(turn.lang).llmOffline(outage.reason, seconds), 'warning');
    }
  },
};
