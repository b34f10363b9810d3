/**
 * How Discord things map to engine ids.
 *
 * - Actor: `discord:<userId>` (the engine's platform-qualified candidate id).
 * - Session in a server: one per interview thread, `discord:<threadId>`; a thread id is never
 *   reused, so the thread is the session.
 * - Session in a DM: the DM channel lives forever and may hold many interviews one after the
 *   other, so each gets `discord:dm:<channelId>:<startInteractionId>`; messages in the DM go to
 *   the candidate's newest unfinished interview of that DM.
 * - Buttons carry their session: custom id `mli:<action>:<sessionId>` (at most 100 characters;
 *   ours are under 70), so a press never needs a lookup.
 */
import { ACTIONS, type Action, type CandidateId } from '../../engine/types.ts';

export function actorId(userId: string): CandidateId {
  return `discord:${userId}`;
}

export function threadSessionId(threadId: string): string {
  return `discord:${threadId}`;
}

export function dmSessionId(channelId: string, interactionId: string): string {
  return `discord:dm:${channelId}:${interactionId}`;
}

/** Whether `sessionId` is an interview held in the DM channel `channelId`. */
export function isSessionOfDm(sessionId: string, channelId: string): boolean {
  return sessionId.startsWith(`discord:dm:${channelId}:`);
}

const BUTTON_PREFIX = 'mli';

export function buttonCustomId(action: Action, sessionId: string): string {
  return `${BUTTON_PREFIX}:${action}:${sessionId}`;
}

/** The action and session of one of our buttons; null for any other custom id. */
export function parseButtonCustomId(
  customId: string,
): { action: Action; sessionId: string } | null {
  const [prefix, action, ...rest] = customId.split(':');
  const sessionId = rest.join(':');
  if (prefix !== BUTTON_PREFIX || !sessionId) return null;
  if (!(ACTIONS as readonly string[]).includes(action ?? '')) return null;
  return { action: action as Action, sessionId };
}
