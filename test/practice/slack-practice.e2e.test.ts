/**
 * The practice loop on Slack: the real Bolt app in HTTP mode receiving signed requests, its
 * WebClient against the local fake Web API (mini knowledge, memory store, offline scorer).
 * `/interview drill metrics` opens a thread and asks within three messages; the model answer
 * follows coach-mode feedback and `/interview model-answer` shows it ephemerally; practice and
 * reminders answer ephemerally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSlashText } from '../../src/adapters/slack/command-text.ts';
import { sessionIdFor } from '../../src/adapters/slack/ids.ts';
import { buttonPress, eventCallback, slashCommand, threadReply } from '../fakes/slack/payloads.ts';
import { FAKE_TEAM_ID } from '../fakes/slack/web-api.ts';
import { CANDIDATE, type Harness, startHarness, visibleText } from '../adapters/slack/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function slash(text: string, channel = 'C0DRILL') {
  const mark = h.mark();
  const res = await h.sender.send(
    slashCommand({ user: CANDIDATE, channel, text, responseUrl: h.fake.responseUrl(text) }),
  );
  expect(res.status).toBe(200);
  await h.slack.idle();
  return h.since(mark);
}

describe('practice loop on Slack', () => {
  it('parses the practice words and refuses malformed ones', () => {
    expect(parseSlashText('drill metrics')).toEqual({
      kind: 'practice',
      request: { kind: 'drill', stage: 'metrics' },
    });
    expect(parseSlashText('model-answer')).toEqual({
      kind: 'practice',
      request: { kind: 'model-answer' },
    });
    expect(parseSlashText('reminders maybe')).toEqual({ kind: 'unsupported', word: 'maybe' });
  });

  it('drills a stage within three messages, then shows the model answer after it', async () => {
    const calls = await slash('drill metrics');
    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    const question = posts.findIndex((c) => visibleText(c).includes('Stage 1 of 1'));
    expect(question).toBeGreaterThanOrEqual(0);
    expect(question + 1).toBeLessThanOrEqual(3);
    expect(JSON.stringify(posts.map((c) => c.args.text))).toContain('Drill: one stage');
    const root = posts.find((c) => !c.args.thread_ts)!;
    const thread = { channel: root.args.channel as string, threadTs: root.response!.ts as string };

    let mark = h.mark();
    await h.sender.send(
      eventCallback(
        threadReply({
          user: CANDIDATE,
          channel: thread.channel,
          threadTs: thread.threadTs,
          ts: '1710000001.000001',
          text: 'Offline NDCG@10 and recall@k; online watch time per user.',
        }),
        'EvDRILL0001',
      ),
    );
    await h.slack.idle();
    mark = h.mark();
    await h.sender.send(
      buttonPress({
        user: CANDIDATE,
        channel: thread.channel,
        messageTs: thread.threadTs,
        threadTs: thread.threadTs,
        actionId: 'interview_next',
        value: sessionIdFor({ teamId: FAKE_TEAM_ID, ...thread }),
        responseUrl: h.fake.responseUrl('press-next'),
      }),
    );
    await h.slack.idle();
    const closing = h.since(mark).map(visibleText).join('\n');
    expect(closing).toContain('Model answer (level 4)');
    expect(closing).toContain('Offline, NDCG@10');

    const asked = await slash('model-answer metrics');
    expect(asked.map((c) => c.method)).toEqual(['response_url']);
    expect(asked[0]!.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(asked[0]!.args)).toContain('Model answer (level 4)');
  });

  it('answers practice and reminders ephemerally', async () => {
    const practice = await slash('practice', 'C0PRACT');
    expect(practice.map((c) => c.method)).toEqual(['response_url']);
    expect(JSON.stringify(practice[0]!.args)).toMatch(
      /Nothing is due for review yet|Nothing to review yet/,
    );
    const on = await slash('reminders on', 'C0PRACT');
    expect(JSON.stringify(on[0]!.args)).toContain('reminders are on');
    expect(await h.app.engine.candidateIndex.withReminders()).toEqual([
      `slack:${FAKE_TEAM_ID}:${CANDIDATE.id}`,
    ]);
  });
});
