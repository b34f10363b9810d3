/**
 * Engine errors an adapter keeps quiet about where a message was typed in a conversation (a
 * thread, a DM): "no interview here" and "not your interview" mean the message was not for
 * the bot, and a public refusal would clutter the candidate's thread. An explicit action (a
 * slash command, a button) still gets the refusal, privately.
 */
import type { EngineError, ErrorCode } from '../../engine/types.ts';

export const QUIET_IN_CONVERSATION: readonly ErrorCode[] = ['no-session', 'not-your-session'];

export function isQuietInConversation(error: EngineError): boolean {
  return QUIET_IN_CONVERSATION.includes(error.code);
}
