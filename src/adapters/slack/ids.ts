/**
 * How Slack places map to engine ids. An interview lives in the thread under the message that
 * started it, so the session id names the workspace, the channel and that message's `ts`:
 * `slack:<teamId>:<channel>:<thread_ts>`. The candidate is `slack:<teamId>:<userId>` (user ids
 * are per workspace, so the team keeps two workspaces' users apart).
 *
 * Places (for `engine.sessionAt`): a channel is shared by many people, each with their own
 * interview there (`slack:<teamId>:<channel>`, per candidate); the workspace as a whole is the
 * place of "your newest interview anywhere" (`slack:<teamId>`, per candidate).
 */
import type { Place } from '../../engine/types.ts';
import type { IdCodec } from '../kit/ids.ts';

export interface ThreadRef {
  teamId: string;
  channel: string;
  /** The `ts` of the message the interview's thread hangs under. */
  threadTs: string;
}

const PREFIX = 'slack';

export function sessionIdFor(thread: ThreadRef): string {
  return `${PREFIX}:${thread.teamId}:${thread.channel}:${thread.threadTs}`;
}

/** The thread a session id points at; null for ids that are not Slack threads. */
export function threadOf(sessionId: string): ThreadRef | null {
  const parts = sessionId.split(':');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, teamId, channel, threadTs] = parts as [string, string, string, string];
  if (!teamId || !channel || !/^\d+\.\d+$/.test(threadTs)) return null;
  return { teamId, channel, threadTs };
}

export function actorFor(teamId: string, userId: string): string {
  return `${PREFIX}:${teamId}:${userId}`;
}

export function channelPlace(teamId: string, channel: string): Place {
  return { key: `${PREFIX}:${teamId}:${channel}`, perCandidate: true };
}

export function workspacePlace(teamId: string): Place {
  return { key: `${PREFIX}:${teamId}`, perCandidate: true };
}

export const slackIds: IdCodec<
  { teamId: string; userId: string },
  { teamId: string; channel: string }
> = {
  actor: ({ teamId, userId }) => actorFor(teamId, userId),
  place: ({ teamId, channel }) => channelPlace(teamId, channel),
};

/**
 * The id the engine remembers a candidate's message by, so a redelivered event is answered
 * once. A message's `ts` is unique within its channel and stays the same on every retry.
 */
export function messageIdFor(teamId: string, channel: string, ts: string): string {
  return `${PREFIX}:${teamId}:${channel}:${ts}`;
}

/** The channel and ts a `messageIdFor` id names; null for anything else. */
export function messageOf(messageId: string): { channel: string; ts: string } | null {
  const thread = threadOf(messageId);
  return thread ? { channel: thread.channel, ts: thread.threadTs } : null;
}
