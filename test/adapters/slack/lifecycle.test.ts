/**
 * Acknowledge first, work after; and a graceful stop. The fake Web API holds the app's first
 * post, so the slow part of a turn is still running when Slack's request has been answered
 * and when `stop()` is called. Asserted by order of events, not by time.
 */
import { describe, expect, it } from 'vitest';
import { slashCommand } from '../../fakes/slack/payloads.ts';
import { CANDIDATE, postsInThread, startHarness } from './harness.ts';

describe('Slack app lifecycle', () => {
  it('answers Slack before the slow work, and stop() lets the work in flight finish', async () => {
    const h = await startHarness();
    try {
      const release = h.fake.hold('chat.postMessage');
      const res = await h.sender.send(
        slashCommand({
          user: CANDIDATE,
          channel: 'C0LIFE',
          text: 'start mini-recsys',
          responseUrl: h.fake.responseUrl('l'),
        }),
      );
      // Slack got its answer while the start message is still on its way.
      expect(res.status).toBe(200);
      const root = await h.fake.waitFor((c) => c.method === 'chat.postMessage');
      expect(root.response?.ok).toBe(true);

      let stopped = false;
      const stopping = h.slack.stop().then(() => {
        stopped = true;
      });
      // The turn is held at Slack's end, so stop() is still waiting for it.
      await h.fake.waitFor((c) => c.method === 'chat.postMessage');
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(stopped).toBe(true);
      // The interview was started and its opening posted before stop() returned.
      const threadTs = root.response!.ts as string;
      expect(postsInThread(h.fake.calls, 'C0LIFE', threadTs).length).toBeGreaterThan(0);

      // Stopped: the port no longer takes requests.
      await expect(
        h.sender.send(
          slashCommand({
            user: CANDIDATE,
            channel: 'C0LIFE',
            text: 'help',
            responseUrl: h.fake.responseUrl('x'),
          }),
        ),
      ).rejects.toThrow();
    } finally {
      await h.close(); // stop() again is a no-op
    }
  });
});
