/**
 * Diagrams as images on Discord, end to end: a file attached to an answer in the interview
 * thread is downloaded from the attachment URL in Discord's payload (the fake's CDN), sent to
 * the LLM stand-in as an `image_url` part with the exact bytes, read into boxes and arrows, and
 * critiqued; the critique comes back in the thread. Too big, wrong type, a URL typed in the text
 * (never fetched) and a bot without vision each get a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChannel, FakeUser } from '../../fakes/discord/server.ts';
import { dataUrlOf, imageUrls, useVisionLlm, visionLlmEnv } from '../../fakes/vision-llm.ts';
import { diagramPng, pdfBytes } from '../../fixtures/images.ts';
import { type Harness, startBot, startInterview as startIn, textAfter } from './harness.ts';

const llm = useVisionLlm();
const startInterview = (h: Harness, name: string) =>
  startIn(h.discord, name, 'youtube-recommendation');

/** A bot on the vision LLM stand-in for the calling `describe`, with `extra` settings. */
function useBot(extra: Record<string, string> = {}): () => Harness {
  let h: Harness | null = null;
  beforeAll(async () => {
    h = await startBot({ env: visionLlmEnv(llm(), extra) });
  });
  afterAll(async () => {
    await h?.close();
  });
  return () => h!;
}

/** Posts in the thread and returns the text the bot sent up to its next message with buttons. */
async function answer(
  h: Harness,
  where: { thread: FakeChannel; user: FakeUser },
  content: string,
  files: Parameters<Harness['discord']['say']>[0]['files'] = [],
): Promise<string> {
  const seq = h.discord.lastSeq();
  h.discord.say({ user: where.user, channel: where.thread, content, files });
  await h.discord.waitForCall(
    (c) =>
      c.route === 'channel-message' &&
      c.params.channel === where.thread.id &&
      c.body.components?.length > 0,
    seq,
  );
  return textAfter(h.discord, seq);
}

describe('Discord: diagrams as images (LLM that takes images)', () => {
  const bot = useBot();

  it('an attached PNG reaches the LLM as an image part with its bytes, and the critique comes back', async () => {
    const h = bot();
    const where = await startInterview(h, 'ana');
    const before = llm().requests.length;
    const text = await answer(h, where, 'Here is my design.', [
      { name: 'board.png', data: diagramPng() },
    ]);
    const sent = llm()
      .requests.slice(before)
      .filter((r) => r.schemaName === 'diagram_from_image');
    expect(sent).toHaveLength(1);
    expect(imageUrls(sent)).toEqual([dataUrlOf('image/png', diagramPng())]);
    // Downloaded once, from the URL in the payload.
    expect(h.discord.cdnRequests.filter((p) => p.includes('board.png'))).toHaveLength(1);
    expect(text).toContain('From "board.png" I read this diagram');
    expect(text).toContain('Spark feature job');
    // The interviewer's question is the critique: features computed separately.
    expect(text).toMatch(
      /training gets its features from "Spark feature job" and serving from "Online feature service"/,
    );
  });

  it("a stranger's attachment in the candidate's thread is never downloaded", async () => {
    const h = bot();
    const where = await startInterview(h, 'dee');
    h.discord.say({
      user: h.discord.user('eve'),
      channel: where.thread,
      content: 'My design instead.',
      files: [{ name: 'theirs.png', data: diagramPng() }],
    });
    // The stranger is ignored quietly; the candidate's next answer is handled as usual.
    const text = await answer(h, where, 'Here is my design.', [
      { name: 'mine.png', data: diagramPng() },
    ]);
    expect(text).toContain('From "mine.png" I read this diagram');
    expect(h.discord.cdnRequests.some((p) => p.includes('mine.png'))).toBe(true);
    expect(h.discord.cdnRequests.some((p) => p.includes('theirs.png'))).toBe(false);
  });

  it('a URL typed in the answer is never fetched', async () => {
    const h = bot();
    const where = await startInterview(h, 'bo');
    const before = llm().requests.length;
    const typed = h.discord.cdnUrl('1/2/secret.png');
    await answer(h, where, `My diagram is at ${typed} and logs feed the ranker.`);
    expect(h.discord.cdnRequests.some((p) => p.includes('secret.png'))).toBe(false);
    expect(imageUrls(llm().requests.slice(before))).toEqual([]);
  });

  it('too big (by the declared size: not downloaded) and wrong type (by the bytes): clear messages', async () => {
    const h = bot();
    const where = await startInterview(h, 'cy');
    const text = await answer(h, where, 'Two files.', [
      { name: 'huge.png', data: diagramPng(), size: 9 * 1024 * 1024 },
      { name: 'notes.png', data: pdfBytes(), contentType: 'image/png' },
    ]);
    expect(text).toContain('"huge.png" is larger than 4 MB');
    expect(text).toContain('"notes.png" is not an image (it is application/pdf)');
    expect(h.discord.cdnRequests.some((p) => p.includes('huge.png'))).toBe(false);
  });
});

describe('Discord: diagrams as images without vision (LLM_VISION=off)', () => {
  const bot = useBot({ LLM_VISION: 'off' });

  it('the candidate is told plainly and invited to paste text; the text is taken', async () => {
    const h = bot();
    const where = await startInterview(h, 'di');
    const before = llm().requests.length;
    const text = await answer(h, where, 'Logs feed a feature store.', [
      { name: 'board.png', data: diagramPng() },
    ]);
    expect(text).toContain('I cannot read images in this setup');
    expect(text).toContain('logs -> feature store -> ranker');
    expect(text).toContain('The text of your message was taken as your answer.');
    expect(imageUrls(llm().requests.slice(before))).toEqual([]);
  });
});
