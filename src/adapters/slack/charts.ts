/**
 * Charts (PNG) on Slack, uploaded with the client's own `files.uploadV2` (it calls
 * files.getUploadURLExternal, sends the bytes to the URL it gets, then
 * files.completeUploadExternal shares the file): into the interview's thread for the
 * scorecard and the export; into the candidate's messages with the app for `/history`, whose
 * answer only they see (a file in the channel would show their scores to everyone).
 *
 * Charts are extra: when the upload fails the candidate gets the chart's alt text as a short
 * note instead (what it shows, in words), and the log says why. Without the `files:write`
 * scope the log names the scope and the fix.
 */
import type { webApi } from '@slack/bolt';
import type { Lang, ReplyFile } from '../../engine/types.ts';
import type { Logger } from '../../logger.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { context, fallbackText } from './render/blocks.ts';

type WebClient = webApi.WebClient;

const WORDS: Record<Lang, { comment: string; historyIntro: string }> = {
  en: {
    comment: 'Your progress chart.',
    historyIntro: 'Your progress, from `/interview history`:',
  },
  zh: { comment: '你的进步图表。', historyIntro: '你的进步（来自 `/interview history`）：' },
};

/** Slack caps a file's alt text (files.getUploadURLExternal `alt_txt`) at 1,000 characters. */
const ALT_TEXT_MAX = 1000;

/** Slack's `{ ok: false, error: 'missing_scope' }`, as the WebClient throws it. */
function missingScope(error: unknown): boolean {
  const data = (error as { data?: { error?: string } } | null)?.data;
  return data?.error === 'missing_scope';
}

export interface ChartTarget {
  channel: string;
  threadTs?: string;
}

/** Uploads `files` into the target conversation; on failure, their alt text as a note. */
export async function postCharts(
  client: WebClient,
  target: ChartTarget,
  files: readonly ReplyFile[],
  lang: Lang,
  logger: Logger,
): Promise<void> {
  if (files.length === 0) return;
  try {
    await client.files.uploadV2({
      channel_id: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      initial_comment: WORDS[lang].comment,
      file_uploads: files.map((f) => ({
        file: Buffer.from(f.data),
        filename: f.name,
        title: f.name,
        alt_text: f.alt.slice(0, ALT_TEXT_MAX),
      })),
    });
  } catch (error) {
    if (missingScope(error)) {
      logger.warn(
        { channel: target.channel, scope: 'files:write' },
        'charts not uploaded: the Slack app lacks the files:write scope (add it, as in slack-manifest.yaml, and reinstall the app); sending them as text',
      );
    } else {
      logger.warn(
        { err: error, channel: target.channel },
        'chart upload failed; sending it as text',
      );
    }
    const text = files.map((f) => escapeMrkdwn(f.alt)).join('\n');
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: fallbackText([text]),
      blocks: [context(text)],
    });
  }
}

/** `/history`'s chart, in the candidate's messages with the app (the history itself is private). */
export async function postChartsPrivately(
  client: WebClient,
  userId: string,
  files: readonly ReplyFile[],
  lang: Lang,
  logger: Logger,
): Promise<void> {
  if (files.length === 0) return;
  // A user id as the channel: the user's messages with the app; the answer names its id.
  const intro = await client.chat.postMessage({ channel: userId, text: WORDS[lang].historyIntro });
  if (!intro.channel) return;
  await postCharts(client, { channel: intro.channel }, files, lang, logger);
}
