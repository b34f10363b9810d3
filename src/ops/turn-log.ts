/**
 * One structured log line per turn: interview, command, stage, the interviewer's move, latency,
 * tokens and outcome. The candidate's text stays out of logs unless LOG_ANSWER_TEXT=true
 * (answers are personal data and logs travel further than the store).
 */
import type { EngineLogger } from '../engine/ports.ts';
import type { FinishedTurn } from './turn-gate.ts';

export function turnLogLine(turn: FinishedTurn, withAnswerText: boolean): Record<string, unknown> {
  const { request, outcome, report } = turn;
  const line: Record<string, unknown> = {
    interview: report.sessionId,
    command: report.command,
    stage: report.stage,
    move: report.move,
    latencyMs: Math.round(turn.latencyMs),
    llmRequests: report.tokens.requests,
    promptTokens: report.tokens.promptTokens,
    completionTokens: report.tokens.completionTokens,
    outcome: outcome.ok ? 'ok' : outcome.error.code,
  };
  if (turn.cut) line.cut = turn.cut;
  if (withAnswerText && request.command.kind === 'answer') line.answer = request.command.text;
  return line;
}

export function logTurns(logger: EngineLogger, withAnswerText: boolean) {
  return (turn: FinishedTurn) => logger.info(turnLogLine(turn, withAnswerText), 'turn');
}
