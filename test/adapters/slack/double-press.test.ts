/**
 * A double click on an interview button, end to end in HTTP mode: the second press of the same
 * message arrives while the (held) interviewer is still answering the first. A gate, not a
 * clock, holds the interviewer: no durations are asserted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sessionIdFor } from '../../../src/adapters/slack/ids.ts';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import type { InterviewerContext, InterviewerMove } from '../../../src/engine/ports.ts';
import { OfflineInterviewer } from '../../../src/interviewer/rule-based-interviewer.ts';
import { buttonPress, slashCommand } from '../../fakes/slack/payloads.ts';
import { FAKE_TEAM_ID } from '../../fakes/slack/web-api.ts';
import {
  BOT_TOKEN,
  type Harness,
  KNOWLEDGE_DIR,
  postsInThread,
  SIGNING_SECRET,
  silentLogger,
  startHarness,
  visibleText,
} from './harness.ts';

/** The offline interviewer, whose hints wait until the test opens the gate. */
class HeldInterviewer extends OfflineInterviewer {
  private release: (() => void) | null = null;
  private reached: (() => void) | null = null;
  private held: Promise<void> | null = null;
  entered: Promise<void> | null = null;

  hold(): void {
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
    this.entered = new Promise((resolve) => {
      this.reached = resolve;
    });
  }

  open(): void {
    this.release?.();
  }

  override async hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    this.reached?.();
    await this.held;
    return super.hint(context, level);
  }
}

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  await h?.app.close();
  h = null;
});

describe('Slack buttons', () => {
  it('run one turn for a double click: the second press of the same message is only acknowledged', async () => {
    const interviewer = new HeldInterviewer();
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      KNOWLEDGE_DIR,
    });
    const app = await createApp(config, { logger: silentLogger, memoryStore: true, interviewer });
    h = await startHarness({ app });
    const harness = h;

    const channel = 'C0DOUBLE';
    const started = await harness.sender.send(
      slashCommand({
        user: { id: 'U0CAND', name: 'cand' },
        channel,
        text: 'start mini-recsys',
        responseUrl: harness.fake.responseUrl('start'),
      }),
    );
    expect(started.status).toBe(200);
    await harness.slack.idle();
    const root = harness.fake.calls.find(
      (c) => c.method === 'chat.postMessage' && c.args.channel === channel && !c.args.thread_ts,
    )!;
    const threadTs = root.response!.ts as string;

    interviewer.hold();
    const mark = harness.mark();
    const pressHint = () =>
      harness.sender.send(
        buttonPress({
          user: { id: 'U0CAND', name: 'cand' },
          channel,
          messageTs: threadTs,
          threadTs,
          actionId: 'interview_hint',
          value: sessionIdFor({ teamId: FAKE_TEAM_ID, channel, threadTs }),
          responseUrl: harness.fake.responseUrl('press'),
        }),
      );
    expect((await pressHint()).status).toBe(200);
    await interviewer.entered;
    expect((await pressHint()).status).toBe(200);
    interviewer.open();
    await harness.slack.idle();

    const posted = postsInThread(harness.since(mark), channel, threadTs).map(visibleText).join();
    expect(posted).toContain('Hint 1');
    expect(posted).not.toContain('Hint 2');
  });
});
