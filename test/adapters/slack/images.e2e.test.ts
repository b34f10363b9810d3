/**
 * Diagrams as images on Slack, end to end: a file shared in a reply in the interview thread is
 * downloaded from its `url_private_download` with the bot token (the fake serves it only to
 * that token), sent to the LLM stand-in as an `image_url` part with the exact bytes, read into
 * boxes and arrows and critiqued; the critique comes back in the thread. Too big, wrong type, a
 * URL typed in the text (never fetched) and an app without vision each get a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, slashCommand, threadReply } from '../../fakes/slack/payloads.ts';
import { dataUrlOf, imageUrls, useVisionLlm, visionLlmEnv } from '../../fakes/vision-llm.ts';
import { diagramPng, pdfBytes } from '../../fixtures/images.ts';
import {
  BOT_TOKEN,
  CANDIDATE,
  type Harness,
  STRANGER,
  postsInThread,
  startHarness,
  visibleText,
} from './harness.ts';

const llm = useVisionLlm();

let counter = 0;
const next = () => String(++counter).padStart(6, '0');

/** The app for the calling `describe`: the real knowledge base, with `env`'s settings. */
function useApp(env: () => Record<string, string>): () => Harness {
  let h: Harness | null = null;
  beforeAll(async () => {
    h = await startHarness({ env: { KNOWLEDGE_DIR: '', ...env() } });
  });
  afterAll(async () => {
    await h?.close();
  });
  return () => h!;
}

async function startInterview(
  h: Harness,
  channel: string,
): Promise<{ channel: string; threadTs: string }> {
  const mark = h.mark();
  await h.sender.send(
    slashCommand({
      user: CANDIDATE,
      channel,
      text: 'start youtube-recommendation',
      responseUrl: h.fake.responseUrl(`r${next()}`),
    }),
  );
  await h.slack.idle();
  const root = h.since(mark).find((c) => c.method === 'chat.postMessage' && !c.args.thread_ts)!;
  return { channel, threadTs: root.response!.ts as string };
}

/** A reply in the thread (with files), and the text the app posted in the thread after it. */
async function reply(
  h: Harness,
  thread: { channel: string; threadTs: string },
  text: string,
  files?: unknown[],
  user = CANDIDATE,
): Promise<string> {
  const mark = h.mark();
  const ts = `1720000000.${next()}`;
  const res = await h.sender.send(
    eventCallback(
      threadReply({
        user,
        channel: thread.channel,
        threadTs: thread.threadTs,
        ts,
        text,
        files,
      }),
      `EvIMG${next()}`,
    ),
  );
  expect(res.status).toBe(200);
  await h.slack.idle();
  const calls = h.since(mark);
  return [
    ...postsInThread(calls, thread.channel, thread.threadTs),
    ...calls.filter((c) => c.method === 'chat.postEphemeral'),
  ]
    .map(visibleText)
    .join('\n');
}

describe('Slack: diagrams as images (LLM that takes images)', () => {
  const app = useApp(() => visionLlmEnv(llm(), { OPENAI_MODEL: 'gpt-4o' }));

  it('a shared PNG is downloaded with the bot token, reaches the LLM as an image part, and the critique comes back', async () => {
    const h = app();
    const thread = await startInterview(h, 'C0IMG1');
    const file = h.fake.shareFile({ name: 'board.png', data: diagramPng() });
    const before = llm().requests.length;
    const text = await reply(h, thread, 'Here is my design.', [file]);
    const downloads = h.fake.callsOf('file_download');
    expect(downloads.map((c) => [c.args.path, c.token])).toEqual([
      [new URL(file.url_private_download).pathname, BOT_TOKEN],
    ]);
    const sent = llm()
      .requests.slice(before)
      .filter((r) => r.schemaName === 'diagram_from_image');
    expect(imageUrls(sent)).toEqual([dataUrlOf('image/png', diagramPng())]);
    expect(text).toContain('I read this diagram');
    expect(text).toContain('Spark feature job');
    expect(text).toContain('training gets its features from');
  });

  it("a stranger's file in the candidate's thread is never downloaded, and the candidate's still is", async () => {
    const h = app();
    const thread = await startInterview(h, 'C0IMG4');
    const downloads = h.fake.callsOf('file_download').length;
    const theirs = h.fake.shareFile({ name: 'theirs.png', data: diagramPng() });
    await reply(h, thread, 'My design instead.', [theirs], STRANGER);
    expect(h.fake.callsOf('file_download')).toHaveLength(downloads);
    const mine = h.fake.shareFile({ name: 'mine.png', data: diagramPng() });
    const text = await reply(h, thread, 'Here is my design.', [mine]);
    expect(h.fake.callsOf('file_download').map((c) => c.args.path)).toContain(
      new URL(mine.url_private_download).pathname,
    );
    expect(text).toContain('I read this diagram');
  });

  it('a URL typed in the reply is never fetched', async () => {
    const h = app();
    const thread = await startInterview(h, 'C0IMG2');
    const downloads = h.fake.callsOf('file_download').length;
    const before = llm().requests.length;
    await reply(
      h,
      thread,
      `My diagram: <${h.fake.fileUrl('T0FAKE-F9/secret.png')}> logs feed the ranker.`,
    );
    expect(h.fake.callsOf('file_download')).toHaveLength(downloads);
    expect(imageUrls(llm().requests.slice(before))).toEqual([]);
  });

  it('too big (by the declared size: not downloaded) and wrong type (by the bytes): clear messages', async () => {
    const h = app();
    const thread = await startInterview(h, 'C0IMG3');
    const huge = h.fake.shareFile({ name: 'huge.png', data: diagramPng(), size: 12 * 1024 * 1024 });
    const pdf = h.fake.shareFile({ name: 'design.png', data: pdfBytes() });
    const text = await reply(h, thread, 'Two files.', [huge, pdf]);
    expect(text).toContain('huge.png');
    expect(text).toContain('is larger than 4 MB');
    expect(text).toContain('is not an image (it is application/pdf)');
    expect(
      h.fake.callsOf('file_download').some((c) => String(c.args.path).includes('huge.png')),
    ).toBe(false);
  });
});

describe('Slack: diagrams as images without an LLM (offline)', () => {
  const app = useApp(() => ({}));

  it('the candidate is told plainly and invited to paste text; the text is taken', async () => {
    const h = app();
    const thread = await startInterview(h, 'C0IMG4');
    const file = h.fake.shareFile({ name: 'board.png', data: diagramPng() });
    const text = await reply(h, thread, 'Logs feed a feature store.', [file]);
    expect(text).toContain('I cannot read images in this setup');
    expect(text).toContain('logs -&gt; feature store -&gt; ranker');
    expect(text).toContain('The text of your message was taken as your answer.');
  });
});
