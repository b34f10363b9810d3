/**
 * The contract on Slack: the real Bolt app in HTTP mode, signed requests, the fake Web API. A
 * restart stops Bolt and the app and starts both again (the fake Web API, like Slack, stays).
 */
import { sessionIdFor } from '../../src/adapters/slack/ids.ts';
import { buttonPress, eventCallback, slashCommand, threadReply } from '../fakes/slack/payloads.ts';
import { FAKE_TEAM_ID } from '../fakes/slack/web-api.ts';
import {
  CANDIDATE,
  postsInThread,
  STRANGER,
  startHarness,
  visibleText,
} from '../adapters/slack/harness.ts';
import { adapterContract } from './contract.ts';

const CHANNEL = 'C0CONTRACT';

adapterContract('slack', async (env) => {
  const h = await startHarness({ env, memoryStore: false });
  let threadTs = '';
  let seq = 0;
  let lastMessage: Record<string, unknown> = {};
  /** Sends one request, waits until the app is idle, returns what it posted (text, as JSON). */
  const send = async (request: Parameters<typeof h.sender.send>[0]) => {
    const mark = h.mark();
    await h.sender.send(request);
    await h.slack.idle();
    return h.since(mark);
  };
  const inThread = (calls: ReturnType<typeof h.since>) =>
    postsInThread(calls, CHANNEL, threadTs).map(visibleText).join('\n');
  /** The newest message of the interview that carries buttons: what a person would press. */
  const withButtons = () => {
    const posted = h.fake.calls.filter(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === CHANNEL &&
        (c.args.thread_ts === threadTs || c.response?.ts === threadTs) &&
        JSON.stringify(c.args.blocks ?? []).includes('"actions"'),
    );
    const ts = posted[posted.length - 1]?.response?.ts;
    if (typeof ts !== 'string') throw new Error('no message with buttons in the interview');
    return ts;
  };
  const press = (action: string, user = CANDIDATE) =>
    send(
      buttonPress({
        user,
        channel: CHANNEL,
        messageTs: withButtons(),
        threadTs,
        actionId: `interview_${action}`,
        value: sessionIdFor({ teamId: FAKE_TEAM_ID, channel: CHANNEL, threadTs }),
        responseUrl: h.fake.responseUrl('press'),
      }),
    );
  return {
    async start() {
      const calls = await send(
        slashCommand({
          user: CANDIDATE,
          channel: CHANNEL,
          text: 'start mini-recsys en',
          responseUrl: h.fake.responseUrl('start'),
        }),
      );
      const root = calls.find((c) => c.method === 'chat.postMessage' && !c.args.thread_ts)!;
      threadTs = root.response!.ts as string;
      return inThread(calls);
    },
    async say(text) {
      const ts = `${1_800_000_000 + ++seq}.000100`;
      lastMessage = threadReply({ user: CANDIDATE, channel: CHANNEL, threadTs, ts, text });
      return inThread(await send(eventCallback(lastMessage, `Ev${seq}`)));
    },
    async act(action) {
      if (action === 'scorecard') {
        const calls = await send(
          slashCommand({
            user: CANDIDATE,
            channel: CHANNEL,
            text: 'scorecard',
            responseUrl: h.fake.responseUrl('scorecard'),
          }),
        );
        return inThread(calls);
      }
      return inThread(await press(action));
    },
    async strangerHint() {
      return (await press('hint', STRANGER)).map(visibleText).join('\n');
    },
    async redeliverLast() {
      // The same message under a new event id, as a second process or a replay would see it:
      // past the per-process retry filter, so the engine's own dedupe must catch it.
      return inThread(await send(eventCallback(lastMessage, `EvAgain${seq}`)));
    },
    restart: () => h.restart(),
    close: () => h.close(),
  };
});
