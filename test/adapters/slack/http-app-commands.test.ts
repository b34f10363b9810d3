/**
 * End to end in HTTP mode, as in http-app.test.ts (same harness and steps): what the app sends
 * back for slash commands outside an interview (help, scenarios, history, forget-me, a typo, a
 * channel it cannot post in), and that an answer's mentions and links are escaped everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../../fakes/slack/payloads.ts';
import type { RecordedCall } from '../../fakes/slack/web-api.ts';
import { CANDIDATE, type Harness, startHarness, visibleText } from './harness.ts';
import { httpAppSteps } from './http-app-steps.ts';

let h: Harness;
const { startInterview, answer, press } = httpAppSteps(() => h);

/**
 * The calls a command made, less the progress chart `history` sends to the candidate's own
 * messages with the app (test/adapters/slack/charts.test.ts checks those).
 */
function withoutChartDm(calls: RecordedCall[]): RecordedCall[] {
  return calls.filter(
    (c) =>
      !(c.method === 'chat.postMessage' && c.args.channel === CANDIDATE.id) &&
      !c.method.startsWith('files.') &&
      c.method !== 'upload',
  );
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Slack app over HTTP (real Bolt, signed requests, fake Web API)', () => {
  // First: the history and forget-me tests below expect this interview among the candidate's.
  it('escapes <!channel>, mentions and links from an answer in every outgoing text', async () => {
    h.fake.failNext('files.getUploadURLExternal', 'missing_scope');
    const thread = await startInterview('C0ESCAPE');
    const mark = h.mark();
    await answer(
      thread,
      'Hey <!channel> and <!here>, ask <@U0OTHER>: see <https://evil.example/x|this link>. I typed &lt;!everyone&gt; too. Watch time is the goal.',
    );
    await press(thread, 'end');
    await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0ESCAPE',
        text: 'export',
        responseUrl: h.fake.responseUrl('ex2'),
      }),
    );
    await h.slack.idle();
    const outgoing = h.since(mark).filter((c) => c.method !== 'auth.test');
    const all = outgoing.map(visibleText).join('\n');
    for (const raw of ['<!channel>', '<!here>', '<!everyone>', '<@U0OTHER>', '<https://evil']) {
      expect(all).not.toContain(raw);
    }
    // The export fell back to text (upload refused): the transcript shows the words, escaped
    // twice: the Markdown file escapes the candidate's < and > with a backslash, Slack's text
    // escapes the rest (visibleText is the call's JSON, so each backslash shows as two).
    const fallback = outgoing.find((c) => visibleText(c).includes('```'));
    expect(fallback, 'the export is posted as text when the upload fails').toBeDefined();
    const fallbackText = visibleText(fallback!);
    expect(fallbackText).toContain('@channel');
    expect(fallbackText).toContain('\\\\&lt;!everyone\\\\&gt;');
  });

  it('answers an unknown scenario, and a channel it cannot post in, through the response URL', async () => {
    const mark = h.mark();
    await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0TYPO',
        text: 'start mini-recsis',
        responseUrl: h.fake.responseUrl('typo'),
      }),
    );
    await h.slack.idle();
    const typo = h.since(mark);
    expect(typo.map((c) => c.method)).toEqual(['response_url']);
    expect(typo[0]!.args.text).toContain('mini-recsys');
    expect(typo[0]!.args.response_type).toBe('ephemeral');

    h.fake.failNext('chat.postMessage', 'not_in_channel');
    const mark2 = h.mark();
    await h.sender.send(
      slashCommand({
        user: CANDIDATE,
        channel: 'C0LOCKED',
        text: 'start mini-recsys',
        responseUrl: h.fake.responseUrl('locked'),
      }),
    );
    await h.slack.idle();
    const locked = h.since(mark2);
    expect(locked.map((c) => c.method)).toEqual(['chat.postMessage', 'response_url']);
    expect(locked[1]!.args.text).toContain('Invite me');
  });

  it('answers help, scenarios, history and unknown commands ephemerally', async () => {
    for (const [text, expected] of [
      ['help', 'followup'],
      ['scenarios', 'mini-recsys'],
      ['history', 'Mini video recommendations'],
      ['dance', 'dance'],
    ] as const) {
      const mark = h.mark();
      await h.sender.send(
        slashCommand({
          user: CANDIDATE,
          channel: 'C0HELP',
          text,
          responseUrl: h.fake.responseUrl(text),
        }),
      );
      await h.slack.idle();
      const calls = withoutChartDm(h.since(mark));
      expect(calls.map((c) => c.method)).toEqual(['response_url']);
      expect(JSON.stringify(calls[0]!.args)).toContain(expected);
    }
  });

  it("forget-me asks first, then deletes the user's interviews when confirmed", async () => {
    const run = async (text: string) => {
      const mark = h.mark();
      await h.sender.send(
        slashCommand({
          user: CANDIDATE,
          channel: 'C0HELP',
          text,
          responseUrl: h.fake.responseUrl(text),
        }),
      );
      await h.slack.idle();
      const calls = withoutChartDm(h.since(mark));
      expect(calls.map((c) => c.method)).toEqual(['response_url']);
      return JSON.stringify(calls[0]!.args);
    };
    const ask = await run('forget-me');
    expect(ask).toContain('cannot be undone');
    expect(ask).toContain('/interview forget-me confirm');
    expect(await run('history')).toContain('Mini video recommendations'); // nothing deleted yet
    expect(await run('forget-me confirm')).toMatch(/Deleted \d+ interview/);
    expect(await run('history')).not.toContain('Mini video recommendations');
    expect(await run('forget-me please')).toContain('please'); // not the confirm word: unsupported
  });
});
