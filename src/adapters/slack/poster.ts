/**
 * Sending rendered replies to Slack: messages into the interview's thread, the export as a
 * file, and ephemeral notes that only one person sees.
 *
 * Export: the Markdown is uploaded as a file (files.uploadV2: the candidate keeps a real
 * `.md`, and a long transcript is not cut at message limits). If the upload fails (for example
 * the workspace removed the `files:write` scope), it is posted as text in code blocks instead,
 * escaped like everything else, so the candidate still gets it.
 */
import type { webApi } from '@slack/bolt';
import type { Lang } from '../../engine/types.ts';
import type { Logger } from '../../logger.ts';
import { postCharts } from './charts.ts';
import type { ThreadRef } from './ids.ts';
import { escapeMrkdwn, splitText } from './mrkdwn.ts';
import { type Block, context, fallbackText, mrkdwnText } from './render/blocks.ts';
import { LIMITS } from './render/limits.ts';
import type { Outgoing } from './render/replies.ts';
import type { RenderedMessage } from './render/scorecard-blocks.ts';
import { slackText } from './text.ts';

type WebClient = webApi.WebClient;

/** Room for the code fence around each chunk of the export fallback. */
const CODE_CHUNK = LIMITS.sectionText - 10;

export async function postInThread(
  client: WebClient,
  thread: ThreadRef,
  message: RenderedMessage,
): Promise<void> {
  await client.chat.postMessage({
    channel: thread.channel,
    thread_ts: thread.threadTs,
    text: message.text,
    blocks: message.blocks,
  });
}

/** A message only `user` sees, in the channel (and thread, when given). */
export async function postEphemeral(
  client: WebClient,
  target: { channel: string; user: string; threadTs?: string },
  message: RenderedMessage,
): Promise<void> {
  await client.chat.postEphemeral({
    channel: target.channel,
    user: target.user,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
  });
}

/** The export as code blocks, for when the file upload is not possible. */
export function exportAsText(filename: string, markdown: string, lang: Lang): RenderedMessage {
  const intro = escapeMrkdwn(slackText(lang).exportFallback(filename));
  const chunks = splitText(escapeMrkdwn(markdown), CODE_CHUNK);
  const room = LIMITS.messageBlocks - 2;
  const blocks: Block[] = [context(intro)];
  for (const chunk of chunks.slice(0, room)) {
    blocks.push({ type: 'section', text: mrkdwnText(`\`\`\`${chunk}\`\`\``) });
  }
  if (chunks.length > room) blocks.push(context('…'));
  return { text: fallbackText([intro]), blocks };
}

export async function postExport(
  client: WebClient,
  thread: ThreadRef,
  file: { filename: string; markdown: string },
  lang: Lang,
  logger: Logger,
): Promise<void> {
  try {
    await client.files.uploadV2({
      channel_id: thread.channel,
      thread_ts: thread.threadTs,
      filename: file.filename,
      title: file.filename,
      content: file.markdown,
      initial_comment: slackText(lang).exportComment,
    });
  } catch (error) {
    logger.warn({ err: error, channel: thread.channel }, 'export upload failed; posting as text');
    await postInThread(client, thread, exportAsText(file.filename, file.markdown, lang));
  }
}

/** Every rendered reply, in order, into the thread. */
export async function postReplies(
  client: WebClient,
  thread: ThreadRef,
  outgoing: readonly Outgoing[],
  lang: Lang,
  logger: Logger,
): Promise<void> {
  for (const item of outgoing) {
    if (item.kind === 'file') await postExport(client, thread, item, lang, logger);
    else if (item.kind === 'images')
      await postCharts(
        client,
        { channel: thread.channel, threadTs: thread.threadTs },
        item.files,
        lang,
        logger,
      );
    else await postInThread(client, thread, item);
  }
}
