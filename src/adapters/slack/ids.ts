/**
 * How Slack places map to engine ids. An interview lives in the thread under the message that
 * started it, so the session id names the workspace, the channel and that message's `ts`:
 * `slack:<teamId>:<channel>:<thread_ts>`. The candidate is `slack:<teamId>:<userId>` (user ids
 * are per workspace, so the team keeps two workspaces' users apart).
 */

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

/**
 * The id the engine remembers a candidate's message by, so a redelivered event is answered
 * once. A message's `ts` is unique within its channel and stays the same on every retry.
 */
export function messageIdFor(teamId: string, channel: string, ts: string): string {
  return `${PREFIX}:${teamId}:${channel}:${ts}`;
}
