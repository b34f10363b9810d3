/**
 * End to end in HTTP mode: the start dialog (slash command → views.open → view_submission →
 * interview in a thread) and App Home (app_home_opened → views.publish with past interviews;
 * its start button → the dialog → an interview in the user's messages with the app).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appHomeOpened,
  buttonPress,
  eventCallback,
  homeButtonPress,
  slashCommand,
  threadReply,
  viewSubmission,
} from '../../fakes/slack/payloads.ts';
import { FAKE_TEAM_ID } from '../../fakes/slack/web-api.ts';
import { CANDIDATE, type Harness, postsInThread, startHarness, visibleText } from './harness.ts';

let h: Harness;
/** The thread of the interview the dialog started (used by the App Home test). */
let modalThread: { channel: string; threadTs: string } | null = null;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

function pick(value: string) {
  return { value: { type: 'static_select', selected_option: { value } } };
}
function radio(value: string) {
  return { value: { type: 'radio_buttons', selected_option: { value } } };
}

describe('the start dialog and App Home', () => {
  it('opens the dialog for /interview with no arguments and starts the interview on submit', async () => {
    let mark = h.mark();
    await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0MODAL',
        text: '',
        responseUrl: h.fake.responseUrl('modal'),
        triggerId: 'trigger-modal-1',
      }),
    );
    await h.slack.idle();
    const opened = h.since(mark);
    expect(opened.map((c) => c.method)).toEqual(['views.open']);
    const { trigger_id, view } = opened[0]!.args as {
      trigger_id: string;
      view: { callback_id: string; private_metadata: string; blocks: unknown[] };
    };
    expect(trigger_id).toBe('trigger-modal-1');
    expect(view.callback_id).toBe('interview_start');
    expect(JSON.stringify(view.blocks)).toContain('mini-fraud');

    // An empty scenario is answered inside the dialog.
    const invalid = await h.sender.send(
      viewSubmission({
        user: CANDIDATE,
        callbackId: 'interview_start',
        privateMetadata: view.private_metadata,
        values: { scenario: { value: { type: 'static_select', selected_option: null } } },
      }),
    );
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({
      response_action: 'errors',
      errors: { scenario: expect.any(String) },
    });

    mark = h.mark();
    const submitted = await h.sender.send(
      viewSubmission({
        user: CANDIDATE,
        callbackId: 'interview_start',
        privateMetadata: view.private_metadata,
        values: {
          scenario: pick('mini-fraud'),
          mode: radio('coach'),
          lang: pick('zh'),
          difficulty: pick('hard'),
        },
      }),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe(''); // closes the dialog
    await h.slack.idle();
    const started = h.since(mark);
    const root = started.find((c) => c.method === 'chat.postMessage' && !c.args.thread_ts)!;
    expect(root.args.channel).toBe('C0MODAL');
    expect(visibleText(root)).toContain('教练'); // coach mode, in Chinese
    const thread = postsInThread(started, 'C0MODAL', root.response!.ts as string);
    expect(thread.map(visibleText).join()).toContain('第 1/4 阶段');
    modalThread = { channel: 'C0MODAL', threadTs: root.response!.ts as string };
  });

  it('publishes App Home with past interviews, per-stage scores and the trend', async () => {
    // Answer the first stage of the interview started above, then finish it.
    expect(modalThread).not.toBeNull();
    await h.sender.send(
      eventCallback(
        threadReply({
          user: CANDIDATE,
          channel: modalThread!.channel,
          threadTs: modalThread!.threadTs,
          ts: '1720000000.000001',
          text: '我会先明确业务目标：减少欺诈损失，同时控制误报率。需要了解每天有多少交易、延迟要求和标注数据。',
        }),
        'EvMODAL0001',
      ),
    );
    await h.slack.idle();
    const mark0 = h.mark();
    await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0MODAL',
        text: 'end',
        responseUrl: h.fake.responseUrl('end'),
      }),
    );
    await h.slack.idle();
    expect(h.since(mark0).some((c) => visibleText(c).includes('评分卡'))).toBe(true);

    const mark = h.mark();
    const res = await h.sender.send(eventCallback(appHomeOpened(CANDIDATE), 'EvHOME0001'));
    expect(res.status).toBe(200);
    await h.slack.idle();
    const published = h.since(mark);
    expect(published.map((c) => c.method)).toEqual(['views.publish']);
    expect(published[0]!.args.user_id).toBe(CANDIDATE.id);
    const view = published[0]!.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view);
    expect(text).toContain('迷你'); // the interview's title, in its language
    expect(text).toContain('home_start');
    expect(text).toContain('已结束'); // finished
    expect(text).toMatch(/明确需求 \d\.\d/); // a per-stage score
    expect(text).toContain('总分趋势'); // the overall trend
  });

  it("starts an interview from App Home's button in the user's messages with the app", async () => {
    let mark = h.mark();
    await h.sender.send(homeButtonPress({ user: CANDIDATE, actionId: 'home_start', value: 'en' }));
    await h.slack.idle();
    const opened = h.since(mark);
    expect(opened.map((c) => c.method)).toEqual(['views.open']);
    const view = opened[0]!.args.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: null, lang: 'en' });

    mark = h.mark();
    await h.sender.send(
      viewSubmission({
        user: CANDIDATE,
        callbackId: 'interview_start',
        privateMetadata: view.private_metadata,
        values: {
          scenario: pick('mini-recsys'),
          mode: radio('interview'),
          lang: pick('en'),
          difficulty: pick('easy'),
        },
      }),
    );
    await h.slack.idle();
    const started = h.since(mark);
    const root = started.find((c) => c.method === 'chat.postMessage' && !c.args.thread_ts)!;
    expect(root.args.channel).toBe(CANDIDATE.id); // posted to the user: the app's DM
    const dm = root.response!.channel as string;
    const threadTs = root.response!.ts as string;
    expect(dm.startsWith('D')).toBe(true);
    expect(postsInThread(started, dm, threadTs).length).toBeGreaterThan(0);

    // The buttons work there too.
    mark = h.mark();
    await h.sender.send(
      buttonPress({
        user: CANDIDATE,
        channel: dm,
        messageTs: threadTs,
        threadTs,
        actionId: 'interview_followup',
        value: `slack:${FAKE_TEAM_ID}:${dm}:${threadTs}`,
        responseUrl: h.fake.responseUrl('dm-followup'),
      }),
    );
    await h.slack.idle();
    expect(postsInThread(h.since(mark), dm, threadTs).length).toBeGreaterThan(0);
  });
});
