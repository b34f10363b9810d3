/**
 * Two real Slack app processes on one Redis, behind one "load balancer" (the test sends each
 * delivery to the process it chooses). Slack redelivers an event with the same event_id; when
 * the two deliveries reach different processes — at the same time, while the first process is
 * in its LLM call, or after it has replied — the candidate sees the reply ONCE: exactly one
 * process claims the event, the other drops it and posts nothing.
 *
 * The LLM stand-in is slow on demand (`hold()`), so "during the LLM call" is a fact, not a
 * timing: the second delivery is sent only once the first process's request reached the LLM.
 * A control run with the claim switched off in both processes (a test-only switch in
 * slack-process.ts) shows what the claim adds to the engine's own message-id dedupe: that
 * dedupe covers the moments above, but a second delivery that overtakes a first process
 * stalled between claiming the message id and taking the session lock is answered twice.
 * With the claim, that moment too shows the reply once.
 */
import { Redis } from 'ioredis';
import { messageIdFor, sessionIdFor } from '../../src/adapters/slack/ids.ts';
import { keys, redisKey } from '../../src/store/keys.ts';
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
/** Each test has an interview of its own (one interview has only so many answers). */
const WITH_CLAIMS = { user: { id: 'U0CAND', name: 'cand' }, channel: 'C0TWOPROC' };
const WITHOUT_CLAIMS = { user: { id: 'U0CTRL', name: 'control' }, channel: 'C0CONTROL' };
type Candidate = typeof WITH_CLAIMS;
interface Thread extends Candidate {
  threadTs: string;
}

type Moment =
  | 'together'
  | 'during-llm'
  | 'during-llm-reversed'
  | 'after-reply'
  | 'first-stalled-before-lock';
const MOMENTS: Moment[] = [
  'together',
  'during-llm',
  'during-llm-reversed',
  'after-reply',
  'first-stalled-before-lock',
];
const ROUNDS = 4;

describe.skipIf(!redisUrl)('a Slack event delivered to two processes (needs REDIS_URL)', () => {
  const namespace = uniqueNamespace('slack2');
  let admin: Redis;
  let slackApi: FakeSlackWebApi;
  let llm: FakeOpenAIServer;
  let a: SlackProcess;
  let b: SlackProcess;
  let senders: Map<SlackProcess, SignedSender>;

  beforeAll(async () => {
    admin = new Redis(redisUrl!);
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
      // A process held by SIGSTOP must not find, when it resumes, its Redis calls or its store
      // health check past their deadlines (the check would mark the store down and cut the
      // turn): this test is about the event claim, store loss has tests of its own.
      STORE_TIMEOUT_MS: '60000',
      STORE_CHECK_MS: '600000',
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
    await deleteNamespace(admin, namespace);
    await admin.quit();
  });

  /** `texts`: how many different replies were posted (a duplicate is the same text again). */
  type Result = {
    round: string;
    replies: number;
    texts: number;
    winners: number;
    llmCalls: number;
  };
  let delivered = 0;

  const inThread = (calls: RecordedCall[], thread: Thread) =>
    calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === thread.threadTs);

  /** One candidate message delivered to both processes at `moment`; what the candidate saw. */
  async function deliverTwice(thread: Thread, moment: Moment, label: string): Promise<Result> {
    delivered += 1;
    const eventId = `Ev${delivered}${moment.replace(/[^a-z]/g, '')}`;
    const ts = `1800000000.${String(delivered).padStart(6, '0')}`;
    const delivery = eventCallback(
      threadReply({
        user: thread.user,
        channel: thread.channel,
        threadTs: thread.threadTs,
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
    } else if (moment === 'first-stalled-before-lock') {
      await stallFirstBeforeLock(
        thread,
        ts,
        key,
        () => deliver(first),
        () => deliver(second, 1),
      );
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
    const posted = inThread(slackApi.calls.slice(mark), thread);
    return {
      round: label,
      replies: posted.length,
      texts: new Set(posted.map((c) => JSON.stringify(c.args.text))).size,
      winners: decisions.filter(Boolean).length,
      llmCalls: llm.requestsFor('interviewer_respond').length - llmMark,
    };
  }

  /**
   * The window the engine's own message-id dedupe leaves open: the first process has claimed
   * the message id but not yet the session lock (a GC pause, a slow network) when the second
   * delivery arrives. The second process then sees a message "seen before but not stored",
   * which is what a retry after a crash looks like, and answers it; the first one, resumed,
   * answers it again. Made certain here, not left to timing: the test holds the session lock,
   * waits until the first process has claimed the message id, and stops it (SIGSTOP) until
   * the second delivery is settled.
   */
  async function stallFirstBeforeLock(
    thread: Thread,
    ts: string,
    eventKey: string,
    deliverFirst: () => Promise<unknown>,
    deliverSecond: () => Promise<unknown>,
  ): Promise<void> {
    const { channel, threadTs } = thread;
    const sessionId = sessionIdFor({ teamId: FAKE_TEAM_ID, channel, threadTs });
    const lockKey = redisKey(namespace, keys.lock(`session:${sessionId}`));
    const messageClaim = redisKey(
      namespace,
      keys.claim(`message:${messageIdFor(FAKE_TEAM_ID, channel, ts)}`),
    );
    expect(await admin.set(lockKey, 'held-by-the-test', 'PX', 60_000, 'NX')).toBe('OK');
    try {
      await deliverFirst();
      await until(async () => (await admin.exists(messageClaim)) === 1);
      process.kill(a.pid, 'SIGSTOP');
      try {
        await deliverSecond();
        // The second process decided: dropped the event (claim lost), or is in the engine.
        await b.claimed(eventKey);
        await admin.del(lockKey);
        // With claims off it answers now, alone (the first process is stopped).
        await b.idle();
      } finally {
        process.kill(a.pid, 'SIGCONT');
      }
    } finally {
      await admin.del(lockKey);
    }
  }

  async function startInterview(candidate: Candidate): Promise<Thread> {
    const started = await senders.get(a)!.send(
      slashCommand({
        user: candidate.user,
        channel: candidate.channel,
        text: 'start mini-recsys',
        responseUrl: slackApi.responseUrl(`start-${candidate.channel}`),
      }),
    );
    expect(started.status).toBe(200);
    const root = await slackApi.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === candidate.channel &&
        !c.args.thread_ts,
    );
    await a.idle();
    return { ...candidate, threadTs: root.response!.ts as string };
  }

  // The control, with the claim switched off in both processes (a test-only switch): at the
  // moments the engine's message-id dedupe covers, the reply still shows once (a redelivery
  // of a stored message shows nothing); with the first process stalled between claiming the
  // message id and taking the lock, the candidate gets the same reply twice (the second
  // delivery answers what looks like a retry after a crash; the first, resumed, posts the
  // stored reply again).
  // That is the duplicate the event claim is there to stop, and the test below shows it does.
  it('without the event claim, a delivery that overtakes a stalled first process is answered twice', async () => {
    const thread = await startInterview(WITHOUT_CLAIMS);
    await Promise.all([a.useClaims(false), b.useClaims(false)]);
    const results: Result[] = [];
    try {
      // Not 'together': which process takes the lock first is up to chance there, so without
      // the claim the reply shows once or twice.
      for (const moment of MOMENTS.filter((m) => m !== 'together')) {
        results.push(await deliverTwice(thread, moment, `${moment}#off`));
      }
    } finally {
      await Promise.all([a.useClaims(true), b.useClaims(true)]);
    }
    const duplicated = (r: Result) => r.round.startsWith('first-stalled-before-lock');
    expect(results).toEqual(
      results.map((r) =>
        duplicated(r)
          ? { round: r.round, replies: 2, texts: 1, winners: 2, llmCalls: 1 }
          : { round: r.round, replies: 1, texts: 1, winners: 2, llmCalls: 1 },
      ),
    );
  }, 60_000);

  it('with the claim, shows each reply once, at every moment of the turn, over several rounds', async () => {
    const thread = await startInterview(WITH_CLAIMS);
    const results: Result[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const moment of MOMENTS) {
        results.push(await deliverTwice(thread, moment, `${moment}#${round}`));
      }
    }
    expect(results).toEqual(
      results.map((r) => ({ round: r.round, replies: 1, texts: 1, winners: 1, llmCalls: 1 })),
    );
  }, 240_000);
});
