/** Which handler runs which session command. */
import type { CommandKind } from '../types.ts';
import { abandonHandler } from './abandon.ts';
import { answerHandler } from './answer.ts';
import { endHandler } from './end.ts';
import { exportHandler } from './export.ts';
import { followupHandler } from './followup.ts';
import type { SessionCommandHandler } from './handler.ts';
import { hintHandler } from './hint.ts';
import { modelAnswerHandler } from './model-answer.ts';
import { nextHandler } from './next.ts';
import { scorecardHandler } from './scorecard.ts';
import { selfAssessHandler } from './self-assess.ts';
import { statusHandler } from './status.ts';

export type SessionCommandKind = Exclude<
  CommandKind,
  'start' | 'history' | 'forget' | 'reminders' | 'self-assess-setting'
>;

export const SESSION_COMMANDS: Record<SessionCommandKind, SessionCommandHandler> = {
  answer: answerHandler,
  followup: followupHandler,
  hint: hintHandler,
  next: nextHandler,
  end: endHandler,
  scorecard: scorecardHandler,
  status: statusHandler,
  export: exportHandler,
  abandon: abandonHandler,
  'model-answer': modelAnswerHandler,
  'self-assess': selfAssessHandler,
};
