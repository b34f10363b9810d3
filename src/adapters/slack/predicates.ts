/**
 * Named checks on incoming Slack messages, used as listener filters before the translator
 * (see listeners/thread-messages.ts). Pure functions on the event's fields.
 */

import type { SlackFileLike } from './files.ts';

/** The fields of a Slack `message` event we look at. */
export interface MessageEventLike {
  type?: string;
  subtype?: string;
  channel?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  /** Set on thread replies: who wrote the message the thread hangs under. */
  parent_user_id?: string;
  /** Files shared with the message (subtype `file_share`). */
  files?: SlackFileLike[];
}

/**
 * Subtypes that are still a person writing in the conversation. Everything else (edits,
 * deletions, joins, bot messages...) is not an answer.
 */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** Written by a bot, by this app, or by no person at all: never an answer. */
export function isFromBotOrSelf(message: MessageEventLike, botUserId: string | undefined): boolean {
  if (message.bot_id || message.subtype === 'bot_message') return true;
  if (!message.user) return true;
  return botUserId !== undefined && message.user === botUserId;
}

/** A person's new message (not an edit, a deletion or a channel notice). */
export function isPersonMessage(message: MessageEventLike): boolean {
  return message.subtype === undefined || PERSON_SUBTYPES.has(message.subtype);
}

export function isThreadReply(message: MessageEventLike): boolean {
  return Boolean(message.thread_ts && message.ts && message.thread_ts !== message.ts);
}

/**
 * A reply in a thread this app started. Interviews run under the app's own start message, so
 * a reply under anybody else's message is not for us. (When Slack leaves `parent_user_id` out,
 * the engine still answers "no session" for threads that are not interviews.)
 */
export function isInterviewThread(
  message: MessageEventLike,
  botUserId: string | undefined,
): boolean {
  if (!isThreadReply(message) || !message.channel) return false;
  if (message.parent_user_id === undefined || botUserId === undefined) return true;
  return message.parent_user_id === botUserId;
}
