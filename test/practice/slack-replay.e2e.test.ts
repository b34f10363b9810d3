/**
 * Replay links and self-assessment on Slack: the real Bolt app in HTTP mode receiving signed
 * requests, its WebClient against the local fake Web API (mini knowledge, memory store,
 * offline scorer). The scorecard's gaps carry permalinks from chat.getPermalink that resolve
 * to the candidate's own messages in the interview's thread (or, when the API refuses, links
 * built from the same ts); with self-assessment on, the end asks for ratings with buttons
 * first (a stranger's press refused), and the scorecard shows self against scored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdFor } from '../../src/adapters/slack/ids.ts';
import { buttonPress, eventCallback, slashCommand, threadReply } from '../fakes/slack/payloads.ts';
import { readPermalink } from '../fakes/slack/permalinks.ts';
import { FAKE_TEAM_ID, type RecordedCall } from '../fakes/slack/web-api.ts';
import {
  CANDIDATE,
  type Harness,
  STRANGER,
  startHarness,
  visibleText,
} from '../adapters/slack/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let tsCounter = 0;
const nextTs = () => `1710000${String(++tsCounter).padStart(3, '0')}.000100`;
let eventCounter = 0;

async function slash(text: string, channel: string, user = CANDIDATE): Promise<RecordedCall[]> {
  const mark = h.mark();
  const res = await h.sender.send(
    slashCommand({ user, channel, text, responseUrl: h.fake.responseUrl(text) }),
  );
  expect(res.status).toBe(200);
  await h.slack.idle();
  return h.since(mark);
}

async function startIn(channel: string) {
  const calls = await slash('start mini-recsys', channel);
  const root = calls.find((c) => c.method === 'chat.postMessage' && !c.args.thread_ts)!;
  const thread = { channel: root.args.channel as string, threadTs: root.response!.ts as string };
  return { ...thread, sessionId: sessionIdFor({ teamId: FAKE_TEAM_ID, ...thread }) };
}

/** The candidate writes in the thread: Slack knows the message, and the app gets the event. */
async function write(thread: { channel: string; threadTs: string }, text: string) {
  const ts = nextTs();
  h.fake.addMessage({ channel: thread.channel, ts, threadTs: thread.threadTs });
  await h.sender.send(
    eventCallback(
      threadReply({ user: CANDIDATE, ...thread, ts, text }),
      `EvREPLAY${++eventCounter}`,
    ),
  );
  await h.slack.idle();
  return ts;
}

async function press(
  thread: { channel: string; threadTs: string },
  actionId: string,
  value: string,
  user = CANDIDATE,
): Promise<RecordedCall[]> {
  const mark = h.mark();
  await h.sender.send(
    buttonPress({
      user,
      channel: thread.channel,
      messageTs: nextTs(),
      threadTs: thread.threadTs,
      actionId,
      value,
      responseUrl: h.fake.responseUrl(`press-${actionId}`),
    }),
  );
  await h.slack.idle();
  return h.since(mark);
}

/** The mrkdwn of the scorecard's section that starts with `*<title>*`. */
function section(calls: RecordedCall[], title: string): string {
  for (const call of calls.filter((c) => c.method === 'chat.postMessage')) {
    for (const block of (call.args.blocks ?? []) as { text?: { text?: string } }[]) {
      const text = block.text?.text ?? '';
      if (text.startsWith(`*${title}*`)) return text;
    }
  }
  return '';
}

const links = (text: string) =>
  [...text.matchAll(/<(https:[^|>]+)\|↪ turn (\d+)>/g)].map((m) => ({ url: m[1]!, turn: m[2]! }));

describe('replay links on Slack', () => {
  it("links each gap to the candidate's message by a permalink from chat.getPermalink", async () => {
    const thread = await startIn('C0REPLAY');
    const question = await write(thread, 'What is the latency?');
    const main = await write(
      thread,
      'I would build a recommender for the home page that shows popular videos first, then personalises them.',
    );
    const calls = await press(thread, 'interview_end', thread.sessionId);

    const asked = calls.filter((c) => c.method === 'chat.getPermalink');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => c.response?.ok === true)).toBe(true);
    const gaps = section(calls, 'Gaps');
    const found = links(gaps);
    expect(found.length).toBeGreaterThan(0);
    for (const { url } of found) {
      expect(url.startsWith('https://fake-workspace.slack.com/archives/')).toBe(true);
      const target = readPermalink(url)!;
      expect(target.channel).toBe(thread.channel);
      expect(target.threadTs).toBe(thread.threadTs);
      expect([question, main]).toContain(target.ts);
    }
    // A missed key point links to the stage's main answer (its longest message).
    const missed = gaps.split('\n').find((line) => line.includes('missed'))!;
    expect(readPermalink(links(missed)[0]!.url)!.ts).toBe(main);
  });

  it('builds the link from the ts when chat.getPermalink refuses', async () => {
    const thread = await startIn('C0REPLAY2');
    const main = await write(thread, 'A ranking model on engagement, with a popularity baseline.');
    for (let i = 0; i < 5; i++) h.fake.failNext('chat.getPermalink', 'missing_scope');
    const calls = await press(thread, 'interview_end', thread.sessionId);
    expect(calls.some((c) => c.method === 'chat.getPermalink' && !c.response?.ok)).toBe(true);
    const found = links(section(calls, 'Gaps'));
    expect(found.length).toBeGreaterThan(0);
    for (const { url } of found) {
      expect(url.startsWith('https://slack.com/archives/')).toBe(true);
      expect(readPermalink(url)).toEqual({
        channel: thread.channel,
        ts: main,
        threadTs: thread.threadTs,
      });
    }
  });
});

describe('self-assessment on Slack', () => {
  it('asks for ratings with buttons before the scorecard; a stranger is refused', async () => {
    const said = await slash('self-assess on', 'C0SELF');
    expect(JSON.stringify(said.map((c) => c.args))).toContain('Self-assessment is on');
    const thread = await startIn('C0SELF');
    await write(thread, 'The objective is watch time at scale, a ranking problem.');
    const ended = await press(thread, 'interview_end', thread.sessionId);
    expect(section(ended, 'Gaps')).toBe('');
    const question = ended.find((c) => visibleText(c).includes('Before the scorecard'))!;
    const actions = (
      question.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual([
      'self_assess_1',
      'self_assess_2',
      'self_assess_3',
      'self_assess_4',
      'self_assess_skip',
    ]);
    const value = actions.elements![0]!.value;

    const refused = await press(thread, 'self_assess_4', value, STRANGER);
    const note = refused.find((c) => c.method === 'chat.postEphemeral')!;
    expect(note.args.user).toBe(STRANGER.id);
    expect(visibleText(note)).toMatch(/not your interview|only the candidate/i);
    expect(section(refused, 'Gaps')).toBe('');

    const rated = await press(thread, 'self_assess_2', value);
    const self = section(rated, 'Your view against the score');
    expect(self).toMatch(/: you 2, scored \d\.\d\/4/);
    expect(section(rated, 'Gaps')).not.toBe('');
  });
});
