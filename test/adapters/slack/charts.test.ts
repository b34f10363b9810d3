/**
 * Charts on Slack, end to end: the real Bolt app over HTTP, its WebClient's files.uploadV2
 * against the fake Web API's three upload steps, the real chart renderer. The scorecard's
 * radar lands in the interview's thread; /history's chart in the candidate's messages with the
 * app; without the files:write scope the candidate gets the chart in words and the log says why.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, slashCommand, threadReply } from '../../fakes/slack/payloads.ts';
import { pngSize } from '../../practice/png.ts';
import { CANDIDATE, type Harness, startHarness, visibleText } from './harness.ts';

const logLines: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(line) });

let h: Harness;
let counter = 0;
const next = () => String(++counter).padStart(6, '0');

beforeAll(async () => {
  h = await startHarness({ logger });
});
afterAll(async () => {
  await h?.close();
});

async function slash(channel: string, text: string) {
  const mark = h.mark();
  await h.sender.send(
    slashCommand({ user: CANDIDATE, channel, text, responseUrl: h.fake.responseUrl(next()) }),
  );
  await h.slack.idle();
  return h.since(mark);
}

async function answer(channel: string, threadTs: string, text: string) {
  await h.sender.send(
    eventCallback(
      threadReply({ user: CANDIDATE, channel, threadTs, ts: `1710000000.${next()}`, text }),
      `Ev${next()}`,
    ),
  );
  await h.slack.idle();
}

/** An answer in each of mini-recsys's three stages, then the end; returns the thread. */
async function wholeInterview(channel: string): Promise<string> {
  const started = await slash(channel, 'start mini-recsys');
  const root = started.find((c) => c.method === 'chat.postMessage' && !c.args.thread_ts)!;
  const threadTs = root.response!.ts as string;
  await answer(channel, threadTs, 'Objective: watch time for 10M users, latency under 200 ms.');
  await slash(channel, 'next');
  await answer(
    channel,
    threadTs,
    'Offline NDCG and recall at k; online watch time in an A/B test.',
  );
  await slash(channel, 'next');
  await answer(channel, threadTs, 'Two-tower candidate generation, then a ranker on engagement.');
  await slash(channel, 'end');
  return threadTs;
}

describe('Slack charts (files.uploadV2 against the fake Web API)', () => {
  it("uploads the scorecard's radar into the interview thread, and /history's chart privately", async () => {
    const threadTs = await wholeInterview('C0CHART');
    const radar = h.fake.files.shared.find((f) => f.filename === 'radar.png');
    expect(radar).toMatchObject({ channel: 'C0CHART', threadTs });
    expect(radar!.altText).toMatch(/^Radar chart of this interview against your average/);
    expect(radar!.data.length).toBe(radar!.length);
    expect(pngSize(radar!.data)).toEqual({ width: 640, height: 540 });

    const calls = await slash('C0CHART', 'history');
    // The history itself answers privately; its chart goes to the candidate's messages with
    // the app, never into the channel.
    expect(calls.some((c) => c.method === 'response_url')).toBe(true);
    const progress = h.fake.files.shared.find((f) => f.filename === 'progress.png');
    expect(progress).toMatchObject({ channel: 'D0CAND', threadTs: null });
    expect(pngSize(progress!.data).width).toBeGreaterThan(500);
    expect(
      calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === CANDIDATE.id),
    ).toBe(true);
  });

  it('without files:write: no upload, the chart in words instead, and a log naming the scope', async () => {
    const shared = h.fake.files.shared.length;
    h.fake.failNext('files.getUploadURLExternal', 'missing_scope');
    logLines.length = 0;
    const calls = await slash('C0CHART', 'history');
    expect(h.fake.files.shared).toHaveLength(shared);
    const words = calls.filter(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'D0CAND',
    );
    expect(words.map(visibleText).join()).toContain('Chart of your per-stage scores over time');
    const warning = logLines.map((l) => JSON.parse(l)).find((l) => l.scope === 'files:write');
    expect(warning?.msg).toContain('lacks the files:write scope');
  });
});
