/**
 * A double click on Hint that reaches two processes gives one hint. Two app instances (each
 * with its own store connection, as two processes have) share one real Redis; each runs its own
 * Bolt app in HTTP mode against one fake Slack. The first press is held inside the interviewer
 * while the second reaches the other instance. A gate, not a clock, orders them.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionIdFor } from '../../../src/adapters/slack/ids.ts';
import { type RunningSlackApp, startSlackApp } from '../../../src/adapters/slack/index.ts';
import { type App, createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import type { InterviewerContext, InterviewerMove } from '../../../src/engine/ports.ts';
import { OfflineInterviewer } from '../../../src/interviewer/rule-based-interviewer.ts';
import { buttonPress, slashCommand } from '../../fakes/slack/payloads.ts';
import { SignedSender } from '../../fakes/slack/sender.ts';
import { FAKE_TEAM_ID, FakeSlackWebApi } from '../../fakes/slack/web-api.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from '../../store/redis-helpers.ts';
import {
  BOT_TOKEN,
  KNOWLEDGE_DIR,
  postsInThread,
  SIGNING_SECRET,
  silentLogger,
  visibleText,
} from '../slack/harness.ts';

/** The offline interviewer, whose hints wait until the test opens the gate. */
class HeldInterviewer extends OfflineInterviewer {
  private release: () => void = () => {};
  private readonly held = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  private reached: () => void = () => {};
  readonly entered = new Promise<void>((resolve) => {
    this.reached = resolve;
  });
  hints = 0;

  open(): void {
    this.release();
  }

  override async hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    this.hints++;
    this.reached();
    await this.held;
    return super.hint(context, level);
  }
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe.skipIf(!redisUrl)('press guard across processes (needs REDIS_URL)', () => {
  it('runs one hint for a double click whose presses reach two app instances', async () => {
    const namespace = uniqueNamespace('press');
    const fake = await new FakeSlackWebApi({ botToken: BOT_TOKEN }).start();
    cleanup.push(() => fake.stop());
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      KNOWLEDGE_DIR,
      REDIS_URL: redisUrl,
    });
    const interviewers = [new HeldInterviewer(), new HeldInterviewer()];
    const instances: { app: App; slack: RunningSlackApp; sender: SignedSender }[] = [];
    for (const interviewer of interviewers) {
      const app = await createApp(config, { logger: silentLogger, namespace, interviewer });
      cleanup.push(() => app.close());
      const slack = await startSlackApp(app, config.slack!, silentLogger, {
        clientOptions: { retryConfig: { retries: 0 } },
        host: '127.0.0.1',
      });
      cleanup.push(() => slack.stop());
      const url = `http://127.0.0.1:${slack.port}/slack/events`;
      instances.push({ app, slack, sender: new SignedSender(url, SIGNING_SECRET) });
    }
    cleanup.push(async () => {
      const redis = new Redis(redisUrl!);
      await deleteNamespace(redis, namespace);
      redis.disconnect();
    });
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];

    const channel = 'C0TWOPROC';
    const user = { id: 'U0CAND', name: 'cand' };
    await a.sender.send(
      slashCommand({
        user,
        channel,
        text: 'start mini-recsys',
        responseUrl: fake.responseUrl('s'),
      }),
    );
    await a.slack.idle();
    const root = fake.calls.find(
      (c) => c.method === 'chat.postMessage' && c.args.channel === channel && !c.args.thread_ts,
    )!;
    const threadTs = root.response!.ts as string;
    const press = () =>
      buttonPress({
        user,
        channel,
        messageTs: threadTs,
        threadTs,
        actionId: 'interview_hint',
        value: sessionIdFor({ teamId: FAKE_TEAM_ID, channel, threadTs }),
        responseUrl: fake.responseUrl('press'),
      });

    const mark = fake.calls.length;
    expect((await a.sender.send(press())).status).toBe(200);
    await interviewers[0]!.entered;
    expect((await b.sender.send(press())).status).toBe(200);
    // The first press claimed it before reaching the interviewer: whenever the second is
    // handled, it finds the claim taken (without the guard it would queue and run a hint 2).
    for (const interviewer of interviewers) interviewer.open();
    await Promise.all([a.slack.idle(), b.slack.idle()]);

    const posted = postsInThread(fake.calls.slice(mark), channel, threadTs).map(visibleText).join();
    expect(posted).toContain('Hint 1');
    expect(posted).not.toContain('Hint 2');
    expect(interviewers[1]!.hints).toBe(0);
  });
});
