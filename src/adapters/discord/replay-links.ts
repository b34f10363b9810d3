/**
 * Replay links on Discord: a scorecard gap or mistake links to the candidate's message that
 * decided it, `https://discord.com/channels/<guild or @me>/<channel>/<message>`. The channel
 * is the interview's thread (or DM channel), named by the session id; the message id is the one
 * the adapter gave the engine with the answer. Without a guild (a thread seen from nowhere) or a
 * message id (turns stored before replay links), the line says the turn number instead.
 */
import type { ReplayLink } from '../../engine/replay.ts';
import { replayText } from '../../engine/replay-wording.ts';
import type { Lang } from '../../engine/types.ts';
import { sessionChannel } from './ids.ts';

const SNOWFLAKE = /^\d{1,20}$/;

export function discordMessageLink(guild: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guild}/${channelId}/${messageId}`;
}

/** The link maker for one interview's scorecard; `guildId` null in DMs. */
export function discordReplayLink(
  sessionId: string | null,
  guildId: string | null | undefined,
  lang: Lang,
): ReplayLink {
  const channel = sessionId ? sessionChannel(sessionId) : null;
  const guild = channel?.dm ? '@me' : guildId;
  if (!channel || !guild) return () => null;
  return (ref) =>
    ref.messageId && SNOWFLAKE.test(ref.messageId)
      ? `[${replayText(lang).jump(ref.turn)}](${discordMessageLink(guild, channel.channelId, ref.messageId)})`
      : null;
}
