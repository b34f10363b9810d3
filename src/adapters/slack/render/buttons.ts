/**
 * The buttons under an interviewer message. Each carries the session id as its value, so a
 * press names the interview it is for even in an old message; the engine decides whether the
 * presser may act.
 */
import { actionLabel } from '../../../engine/messages.ts';
import type { Action, Lang } from '../../../engine/types.ts';
import { actionNamed } from '../../kit/ids.ts';
import { clampPlain } from '../mrkdwn.ts';
import type { Block } from './blocks.ts';
import { LIMITS } from './limits.ts';

const PREFIX = 'interview_';

export function actionIdFor(action: Action): string {
  return `${PREFIX}${action}`;
}

/** Matches the action ids of our interview buttons (for `app.action(...)`). */
export const INTERVIEW_ACTION_ID = /^interview_(followup|hint|next|end)$/;

export function actionFromId(actionId: string): Action | null {
  if (!actionId.startsWith(PREFIX)) return null;
  return actionNamed(actionId.slice(PREFIX.length));
}

export function buttonsBlock(sessionId: string, actions: readonly Action[], lang: Lang): Block {
  return {
    type: 'actions',
    block_id: 'interview_actions',
    elements: actions.map((action) => ({
      type: 'button',
      action_id: actionIdFor(action),
      text: { type: 'plain_text', text: clampPlain(actionLabel(action, lang), LIMITS.buttonText) },
      value: sessionId,
      ...(action === 'next' ? { style: 'primary' as const } : {}),
      ...(action === 'end' ? { style: 'danger' as const } : {}),
    })),
  };
}
