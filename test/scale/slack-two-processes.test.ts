/**
 * Two real Slack app processes on one Redis, behind one "load balancer" (the test sends each
 * delivery to the process it chooses). Slack redelivers an event with the same event_id; when
 * the two deliveries reach different processes — at the same time, while the first process is
 * in its LLM call, or after it has replied — the candidate sees the reply ONCE: exactly one
 * process claims the event, the other drops it and posts nothing.
 *
 * The LLM stand-in is slow on demand (`hold()`), so "during the LLM call" is a fact, not a
 * timing: the second delivery is sent only once the first process's request reached the LLM.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAIServer } from '../fakes/openai-server.ts';
import { scriptGoodLlm } from '../fakes/scripted-llm.ts';
import { eventCallback, slashCommand, threadReply } from '../fakes/slack/payloads.ts';
import { SignedSender } from '../fakes/slack/sender.ts';
import { FakeSlackWebApi, FAKE_TEAM_ID, type RecordedCall } from '../fakes/slack/web-api.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from '../store/redis-helpers.ts';
import { type SlackProcess, startSlackProcess } from './slack-children.ts';
import { until } from './processes.ts';

const BOT_TOKEN = 'xoxb-two-processes';
const SECRET = 'two-processes-secret';
const CANDIDATE = { id: 'U0CAND', name: 'cand' };
const CHANNEL = 'C0TWOPROC';

type Moment = 'together' | 'during-llm' | 'during-llm-reversed' | 'after-reply';
const MOMENTS: Moment[] = ['together', 'during-llm', 'during-llm-reversed', 'after-reply'];
const ROUNDS = 4;

describe.skipIf(!redisUrl)('a Slack event delivered to two processes (needs REDIS_URL)', () => {
  const namespace = uniqueNamespace('slack2');
  let slackApi: FakeSlackWebApi;
  let llm: FakeOpenAIServer;
  let a: SlackProcess;
  let b: SlackProcess;
  let senders: Map<SlackProcess, SignedSender>;

  beforeAll(async () => {
    slackApi = await new FakeSlackWebApi({ botToken: BOT_TOKEN }).start();
    llm = await startFakeOpenAI();
    scriptGoodLlm(llm);
    const env = {
      REDIS_URL: redisUrl!,
      KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackApi.apiUrl,
      PORT: '0',
      OPENAI_BASE_URL: llm.url,
      OPENAI_API_KEY: 'test-key',
      SCORER: 'offline',
      LLM_MAX_RETRIES: '0',
    };
    [a, b] = await Promise.all([
      startSlackProcess(env, namespace),
      startSlackProcess(env, namespace),
    ]);
    senders = new Map(
      [a, b].map((p) => [p, new SignedSender(`http://127.0.0.1:${p.port}/slack/events`, SECRET)]),
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await llm?.close();
    await slackApi?.stop();
    const admin = new Redis(redisUrl!);
    await deleteNamespace(admin, namespace);
    await admin.quit();
  });

  it('shows each reply once, at every moment of the turn, over several rounds', async () => {
    const started = await senders.get(a)!.send(
      slashCommand({
        user: CANDIDATE,
        channel: CHANNEL,
        text: 'start mini-recsys',
        responseUrl: slackApi.responseUrl('start'),
      }),
    );
    expect(started.status).toBe(200);
    const root = await slackApi.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL && !c.args.thread_ts,
    );
    const threadTs = root.response!.ts as string;
    await a.idle();
    const inThread = (calls: RecordedCall[]) =>
      calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === threadTs);

    const results: { round: string; replies: number; winners: number; llmCalls: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const moment of MOMENTS) {
        const label = `${moment}#${round}`;
        const eventId = `Ev${round}${moment.replace(/[^a-z]/g, '')}`;
        const ts = `1800000000.${String(results.length + 1).padStart(6, '0')}`;
        const delivery = eventCallback(
          threadReply({
            user: CANDIDATE,
            channel: CHANNEL,
            threadTs,
            ts,
            text: `We keep track of watch time (${label}).`,
          }),
          eventId,
        );
        const key = `slack-event:${FAKE_TEAM_ID}:${eventId}`;
        const mark = slackApi.calls.length;
        const llmMark = llm.requestsFor('interviewer_respond').length;
        const [first, second] = moment === 'during-llm-reversed' ? [b, a] : [a, b];
        const deliver = (to: SlackProcess, retryNum?: number) =>
          senders.get(to)!.send(delivery, { retryNum });

        if (moment === 'together') {
          await Promise.all([deliver(first), deliver(second, 1)]);
        } else if (moment === 'after-reply') {
          await deliver(first);
          await first.idle();
          await deliver(second, 1);
        } else {
          const release = llm.hold();
          await deliver(first);
          // The first process is now inside its LLM call (the stand-in holds the answer).
          await until(() => llm.requestsFor('interviewer_respond').length > llmMark);
          await deliver(second, 1);
          await second.claimed(key);
          release();
        }
        const decisions = await Promise.all([a.claimed(key), b.claimed(key)]);
        await Promise.all([a.idle(), b.idle()]);
        results.push({
          round: label,
          replies: inThread(slackApi.calls.slice(mark)).length,
          winners: decisions.filter(Boolean).length,
          llmCalls: llm.requestsFor('interviewer_respond').length - llmMark,
        });
      }
    }
    expect(results).toEqual(
      results.map((r) => ({ round: r.round, replies: 1, winners: 1, llmCalls: 1 })),
    );
  }, 120_000);
});
