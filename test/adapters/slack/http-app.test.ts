/**
 * End to end in HTTP mode: the real Bolt app on 127.0.0.1 receives requests signed exactly as
 * Slack signs them; its WebClient talks to the local fake Web API, which records every call.
 * After each request the test waits for the app's background work (`idle()`), then asserts
 * what was sent to Slack — never how long anything took.
 *
 * Slash-command answers and escaping are in http-app-commands.test.ts; the steps (start, answer,
 * press) in http-app-steps.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdFor } from '../../../src/adapters/slack/ids.ts';
import { eventCallback, slashCommand, threadReply } from '../../fakes/slack/payloads.ts';
import { FAKE_TEAM_ID } from '../../fakes/slack/web-api.ts';
import {
  CANDIDATE,
  type Harness,
  postsInThread,
  STRANGER,
  startHarness,
  visibleText,
} from './harness.ts';
import { httpAppSteps } from './http-app-steps.ts';

let h: Harness;
const { startInterview, answer, press } = httpAppSteps(() => h);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Slack app over HTTP (real Bolt, signed requests, fake Web API)', () => {
  it('checks its token with auth.test at start-up', () => {
    // Twice: once without retries (a wrong token or no Slack is reported at once), then Bolt's.
    const calls = h.fake.callsOf('auth.test');
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.token)).toEqual(['xoxb-test-token', 'xoxb-test-token']);
  });

  it('runs a whole interview: slash command, thread answers, buttons, scorecard, export', async () => {
    const thread = await startInterview('C0WHOLE');
    expect(visibleText(thread.root!)).toContain('<@U0CAND>');
    expect(visibleText(thread.root!)).toContain('Mini video recommendations');
    const opening = postsInThread(thread.calls, 'C0WHOLE', thread.threadTs);
    expect(opening.length).toBeGreaterThan(0);
    const openingText = opening.map(visibleText).join('\n');
    expect(openingText).toContain('Stage 1 of 3');
    const sessionId = sessionIdFor({
      teamId: FAKE_TEAM_ID,
      channel: 'C0WHOLE',
      threadTs: thread.threadTs,
    });
    expect(openingText).toContain(sessionId); // the buttons carry the session id
    for (const action of ['followup', 'hint', 'next', 'end']) {
      expect(openingText).toContain(`interview_${action}`);
    }

    const first = await answer(
      thread,
      'I would clarify the goal: watch time, how many users and the latency budget. Then candidate generation and ranking.',
    );
    expect(postsInThread(first.calls, 'C0WHOLE', thread.threadTs).length).toBeGreaterThan(0);

    const hint = await press(thread, 'hint');
    expect(postsInThread(hint, 'C0WHOLE', thread.threadTs).map(visibleText).join()).toContain(
      'Hint 1',
    );

    const next = await press(thread, 'next');
    expect(postsInThread(next, 'C0WHOLE', thread.threadTs).map(visibleText).join()).toContain(
      'Stage 2 of 3',
    );

    await answer(
      thread,
      'Offline: NDCG and recall at k. Online: watch time per user in an A/B test.',
    );

    const mark = h.mark();
    const scorecardCmd = await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0WHOLE',
        text: 'scorecard',
        responseUrl: h.fake.responseUrl('sc'),
      }),
    );
    expect(scorecardCmd.status).toBe(200);
    await h.slack.idle();
    const sofar = h.since(mark);
    expect(postsInThread(sofar, 'C0WHOLE', thread.threadTs).map(visibleText).join()).toContain(
      'Scorecard',
    );
    expect(sofar.find((c) => c.method === 'response_url')?.args.text).toContain('interview thread');

    const end = await press(thread, 'end');
    const endPosts = postsInThread(end, 'C0WHOLE', thread.threadTs);
    const scorecard = endPosts.find((c) => visibleText(c).includes('Scorecard'));
    expect(scorecard, 'the final scorecard is posted in the thread').toBeDefined();
    const blocks = scorecard!.args.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    // Once over, no buttons.
    expect(endPosts.some((c) => visibleText(c).includes('interview_hint'))).toBe(false);

    // After the end, answers are refused with a note only the candidate sees.
    const late = await answer(thread, 'one more thing');
    expect(postsInThread(late.calls, 'C0WHOLE', thread.threadTs)).toHaveLength(0);
    const note = late.calls.find((c) => c.method === 'chat.postEphemeral');
    expect(note?.args).toMatchObject({
      user: CANDIDATE.id,
      channel: 'C0WHOLE',
      thread_ts: thread.threadTs,
    });
    expect(visibleText(note!)).toContain('over');

    // Export: uploaded as a Markdown file into the thread.
    const exportMark = h.mark();
    await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0WHOLE',
        text: 'export',
        responseUrl: h.fake.responseUrl('ex'),
      }),
    );
    await h.slack.idle();
    const exported = h.since(exportMark);
    const methods = exported.map((c) => c.method);
    expect(methods).toEqual(
      expect.arrayContaining([
        'files.getUploadURLExternal',
        'upload',
        'files.completeUploadExternal',
      ]),
    );
    const complete = exported.find((c) => c.method === 'files.completeUploadExternal')!;
    expect(complete.args).toMatchObject({ channel_id: 'C0WHOLE', thread_ts: thread.threadTs });
    const upload = exported.find((c) => c.method === 'upload')!;
    expect(JSON.stringify(upload.args)).toContain('watch time');
  });

  it('rejects a request with a bad signature (401) and runs no turn', async () => {
    const mark = h.mark();
    const res = await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0BAD',
        text: 'start mini-recsys',
        responseUrl: h.fake.responseUrl('bad'),
      }),
      { secret: 'not-the-secret' },
    );
    expect(res.status).toBe(401);
    const stale = await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0BAD',
        text: 'start mini-recsys',
        responseUrl: h.fake.responseUrl('bad'),
      }),
      { timestamp: Math.floor(Date.now() / 1000) - 60 * 60 },
    );
    expect(stale.status).toBe(401);
    await h.slack.idle();
    expect(h.since(mark)).toEqual([]);
  });

  it('processes a retried event (X-Slack-Retry-Num, same event id) once', async () => {
    const thread = await startInterview('C0RETRY');
    const first = await answer(
      thread,
      'We should ask how many users and what the latency budget is.',
    );
    const firstPosts = postsInThread(first.calls, 'C0RETRY', thread.threadTs);
    expect(firstPosts.length).toBeGreaterThan(0);

    const retry = await answer(
      thread,
      'We should ask how many users and what the latency budget is.',
      {
        eventId: first.eventId,
        ts: first.ts,
        retryNum: 1,
      },
    );
    expect(retry.calls).toEqual([]);

    // A redelivery that reaches another process (no memory of the event id) is still one turn:
    // the engine remembers the message id in the shared store.
    const other = await startHarness({ app: h.app });
    try {
      const mark = other.mark();
      await other.sender.send(
        eventCallback(
          threadReply({
            user: CANDIDATE,
            channel: 'C0RETRY',
            threadTs: thread.threadTs,
            ts: first.ts,
            text: 'We should ask how many users and what the latency budget is.',
          }),
          first.eventId,
        ),
        { retryNum: 2 },
      );
      await other.slack.idle();
      expect(other.since(mark)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("ignores a stranger's thread replies and answers a stranger's button press with an ephemeral note", async () => {
    const thread = await startInterview('C0STRANGER');
    const reply = await answer(thread, 'Let me answer for them!', { user: STRANGER });
    expect(reply.calls).toEqual([]);

    const pressed = await press(thread, 'hint', STRANGER);
    expect(postsInThread(pressed, 'C0STRANGER', thread.threadTs)).toHaveLength(0);
    expect(pressed).toHaveLength(1);
    expect(pressed[0]!.method).toBe('chat.postEphemeral');
    expect(pressed[0]!.args).toMatchObject({ user: STRANGER.id, channel: 'C0STRANGER' });
    expect(visibleText(pressed[0]!)).toContain('belongs to someone else');

    // The candidate's interview did not move: the next hint is still the first.
    const own = await press(thread, 'hint');
    expect(postsInThread(own, 'C0STRANGER', thread.threadTs).map(visibleText).join()).toContain(
      'Hint 1',
    );
  });
});
