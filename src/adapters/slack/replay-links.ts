/**
 * Replay links on Slack: a scorecard gap or mistake links to the candidate's message that
 * decided it. The engine keeps the message id the adapter gave it with the answer
 * (`slack:<team>:<channel>:<ts>`, ids.ts); before a scorecard is posted, each one is turned
 * into a permalink with `chat.getPermalink` (Bolt's web client). When the API does not give
 * one (an error, a missing scope, Slack down), the link is built from the ts in Slack's own
 * permalink shape, `https://slack.com/archives/<channel>/p<ts without the dot>?thread_ts=
 * <thread>&cid=<channel>`, which opens in the workspace the reader is signed in to.
 */
import type { webApi } from '@slack/bolt';
import type { ReplayLink } from '../../engine/replay.ts';
import { scorecardRefs } from '../../engine/replay.ts';
import { replayText } from '../../engine/replay-wording.ts';
import type { Lang, Reply } from '../../engine/types.ts';
import type { Logger } from '../../logger.ts';
import { messageOf, type ThreadRef } from './ids.ts';

type WebClient = webApi.WebClient;

/** A permalink in the shape Slack gives, built from the message's ts (no API call). */
export function builtPermalink(channel: string, ts: string, threadTs?: string): string {
  const base = `https://slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channel}` : base;
}

async function permalink(
  client: WebClient,
  message: { channel: string; ts: string },
  thread: ThreadRef | null,
  logger: Logger,
): Promise<string> {
  try {
    const answer = await client.chat.getPermalink({
      channel: message.channel,
      message_ts: message.ts,
    });
    if (answer.permalink) return answer.permalink;
  } catch (error) {
    logger.debug({ err: error, channel: message.channel }, 'no permalink; building one');
  }
  const threadTs = thread?.channel === message.channel ? thread.threadTs : undefined;
  return builtPermalink(message.channel, message.ts, threadTs);
}

/**
 * The link maker for the scorecards among `replies`: every message they refer to is looked up
 * once, before rendering (rendering itself makes no Slack calls).
 */
export async function slackReplayLink(
  client: WebClient,
  replies: readonly Reply[],
  thread: ThreadRef | null,
  lang: Lang,
  logger: Logger,
): Promise<ReplayLink> {
  const ids = new Set<string>();
  for (const reply of replies) {
    if (reply.kind !== 'scorecard') continue;
    for (const ref of scorecardRefs(reply.scorecard)) if (ref.messageId) ids.add(ref.messageId);
  }
  const links = new Map<string, string>();
  await Promise.all(
    [...ids].map(async (id) => {
      const message = messageOf(id);
      if (message) links.set(id, await permalink(client, message, thread, logger));
    }),
  );
  return (ref) => {
    const url = ref.messageId ? links.get(ref.messageId) : undefined;
    // `<url|label>`: Slack's link markup; neither part holds user text.
    return url ? `<${url}|${replayText(lang).jump(ref.turn)}>` : null;
  };
}
