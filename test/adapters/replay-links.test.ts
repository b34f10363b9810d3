/**
 * How each adapter turns a replay reference into a link, without a platform: Discord message
 * links in threads and DMs (`@me`), none without a guild or a message id; Slack permalinks
 * built from a ts (top-level and in a thread); the session id → channel decoding both rely on.
 */
import { describe, expect, it } from 'vitest';
import { dmSessionId, sessionChannel, threadSessionId } from '../../src/adapters/discord/ids.ts';
import { discordReplayLink } from '../../src/adapters/discord/replay-links.ts';
import { messageIdFor, messageOf } from '../../src/adapters/slack/ids.ts';
import { builtPermalink } from '../../src/adapters/slack/replay-links.ts';

describe('Discord replay links', () => {
  it('links a thread message with the guild, a DM message with @me', () => {
    const thread = discordReplayLink(threadSessionId('111'), '999', 'en');
    expect(thread({ turn: 7, messageId: '222' })).toBe(
      '[↪ turn 7](https://discord.com/channels/999/111/222)',
    );
    const dm = discordReplayLink(dmSessionId('333', '444'), null, 'zh');
    expect(dm({ turn: 3, messageId: '555' })).toBe(
      '[↪ 第 3 轮](https://discord.com/channels/@me/333/555)',
    );
  });

  it('gives no link without a guild for a thread, a message id, or a Discord session', () => {
    expect(discordReplayLink(threadSessionId('111'), null, 'en')({ turn: 1, messageId: '2' })).toBe(
      null,
    );
    expect(discordReplayLink(threadSessionId('111'), '9', 'en')({ turn: 1 })).toBeNull();
    expect(
      discordReplayLink(threadSessionId('111'), '9', 'en')({ turn: 1, messageId: 'slack:x' }),
    ).toBeNull();
    expect(discordReplayLink('slack:T:C:1.2', '9', 'en')({ turn: 1, messageId: '2' })).toBeNull();
  });

  it('reads the channel of thread and DM sessions', () => {
    expect(sessionChannel(threadSessionId('111'))).toEqual({ channelId: '111', dm: false });
    expect(sessionChannel(dmSessionId('333', '444'))).toEqual({ channelId: '333', dm: true });
    expect(sessionChannel('terminal:ana')).toBeNull();
  });
});

describe('Slack replay links', () => {
  it("builds Slack's permalink shape from a ts, with the thread for a reply", () => {
    expect(builtPermalink('C1', '1710000001.000100')).toBe(
      'https://slack.com/archives/C1/p1710000001000100',
    );
    expect(builtPermalink('C1', '1710000002.000100', '1710000001.000100')).toBe(
      'https://slack.com/archives/C1/p1710000002000100?thread_ts=1710000001.000100&cid=C1',
    );
  });

  it('reads the channel and ts back from the message id the adapter gives the engine', () => {
    expect(messageOf(messageIdFor('T1', 'C1', '1710000002.000100'))).toEqual({
      channel: 'C1',
      ts: '1710000002.000100',
    });
    expect(messageOf('222')).toBeNull();
  });
});
