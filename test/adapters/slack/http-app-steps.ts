/**
 * The steps the HTTP-mode end-to-end tests (http-app*.test.ts) take as a person would on Slack:
 * start an interview with the slash command, answer in its thread, press its buttons. Each step
 * sends a signed request, waits for the app's background work (`idle()`), and returns the
 * Web API calls it caused.
 */
import { expect } from 'vitest';
import { sessionIdFor } from '../../../src/adapters/slack/ids.ts';
import {
  buttonPress,
  eventCallback,
  slashCommand,
  threadReply,
} from '../../fakes/slack/payloads.ts';
import { FAKE_TEAM_ID } from '../../fakes/slack/web-api.ts';
import { CANDIDATE, type Harness } from './harness.ts';

/** The steps, on the harness `harness()` returns when a step runs (it is started in beforeAll). */
export function httpAppSteps(harness: () => Harness) {
  let eventCounter = 0;
  let tsCounter = 0;
  const nextEventId = () => `Ev${String(++eventCounter).padStart(8, '0')}`;
  const nextTs = () => `1710000000.${String(++tsCounter).padStart(6, '0')}`;

  /** Start an interview with the slash command; returns its thread. */
  async function startInterview(channel: string, text = 'start mini-recsys') {
    const h = harness();
    const mark = h.mark();
    const res = await h.sender.send(
      slashCommand({ user: CANDIDATE, channel, text, responseUrl: h.fake.responseUrl('start') }),
    );
    expect(res.status).toBe(200);
    await h.slack.idle();
    const calls = h.since(mark);
    const root = calls.find((c) => c.method === 'chat.postMessage' && !c.args.thread_ts);
    expect(root, 'the start message is posted in the channel').toBeDefined();
    const threadTs = root!.response!.ts as string;
    return { channel, threadTs, root, calls };
  }

  async function answer(
    thread: { channel: string; threadTs: string },
    text: string,
    options: { user?: typeof CANDIDATE; eventId?: string; ts?: string; retryNum?: number } = {},
  ) {
    const h = harness();
    const ts = options.ts ?? nextTs();
    const eventId = options.eventId ?? nextEventId();
    const mark = h.mark();
    const res = await h.sender.send(
      eventCallback(
        threadReply({
          user: options.user ?? CANDIDATE,
          channel: thread.channel,
          threadTs: thread.threadTs,
          ts,
          text,
        }),
        eventId,
      ),
      { retryNum: options.retryNum },
    );
    expect(res.status).toBe(200);
    await h.slack.idle();
    return { calls: h.since(mark), ts, eventId };
  }

  async function press(
    thread: { channel: string; threadTs: string },
    action: string,
    user = CANDIDATE,
  ) {
    const h = harness();
    const mark = h.mark();
    const res = await h.sender.send(
      buttonPress({
        user,
        channel: thread.channel,
        messageTs: thread.threadTs,
        threadTs: thread.threadTs,
        actionId: `interview_${action}`,
        value: sessionIdFor({
          teamId: FAKE_TEAM_ID,
          channel: thread.channel,
          threadTs: thread.threadTs,
        }),
        responseUrl: h.fake.responseUrl(`press-${action}`),
      }),
    );
    expect(res.status).toBe(200);
    await h.slack.idle();
    return h.since(mark);
  }

  return { startInterview, answer, press };
}
