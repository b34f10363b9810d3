/**
 * The contract on Discord: the real discord.js client against the local fake Discord. A restart
 * stops the client and the app and starts both again against the same fake (its channels and
 * messages stay, as Discord's do).
 */
import type { FakeChannel, FakeMessage, RecordedCall } from '../fakes/discord/server.ts';
import { buttonFor, latestWithButtons, startBot, textAfter } from '../adapters/discord/harness.ts';
import { adapterContract } from './contract.ts';

adapterContract('discord', async (env) => {
  const h = await startBot({ privateThreads: true, env, memoryStore: false });
  const { discord } = h;
  const candidate = discord.user('contract-candidate');
  const stranger = discord.user('contract-stranger');
  let thread!: FakeChannel;
  let lastMessage: FakeMessage | null = null;
  const inThread = (c: RecordedCall) => c.params.channel === thread.id;
  /** A turn in the thread is over once a message with the live buttons is posted. */
  const turnPosted = (after: number) =>
    discord.waitForCall(
      (c) => c.route === 'channel-message' && inThread(c) && c.body.components,
      after,
    );
  const press = async (action: string, user = candidate) => {
    const seq = discord.lastSeq();
    const message = latestWithButtons(discord, thread.id)!;
    const pending = discord.pressButton({ user, message, customId: buttonFor(message, action) });
    await discord.waitForCall(
      (c) => c.route === 'webhook-execute' && c.params.token === pending.token,
      seq,
    );
    return textAfter(discord, seq);
  };
  return {
    async start() {
      const seq = discord.lastSeq();
      const started = discord.slashCommand({
        user: candidate,
        subcommand: 'start',
        options: { scenario: 'feed-engagement', mode: 'interview', language: 'en' },
      });
      await discord.waitForCall(
        (c) => c.route === 'webhook-edit' && c.params.token === started.token,
        seq,
      );
      const created = discord.calls.find((c) => c.seq > seq && c.route === 'thread-create')!;
      thread = discord.world.channels.get(created.response.id)!;
      return textAfter(discord, seq);
    },
    async say(content) {
      const seq = discord.lastSeq();
      lastMessage = discord.say({ user: candidate, channel: thread, content });
      await turnPosted(seq);
      // Notes after the reply that carries the buttons (e.g. "the LLM is not answering").
      await h.bot.idle();
      return textAfter(discord, seq);
    },
    async act(action) {
      if (action !== 'scorecard') return press(action);
      const seq = discord.lastSeq();
      const pending = discord.slashCommand({
        user: candidate,
        channel: thread,
        subcommand: 'scorecard',
      });
      // The note comes first; the scorecard's embeds follow in the same interaction.
      await discord.waitForCall(
        (c) => c.params.token === pending.token && (c.body?.embeds?.length ?? 0) > 0,
        seq,
      );
      return textAfter(discord, seq);
    },
    strangerHint: () => press('hint', stranger),
    async redeliverLast() {
      const seq = discord.lastSeq();
      // The gateway delivers the same MESSAGE_CREATE again (as after a reconnect). A private
      // /interview status after it waits behind it on the interview's lock.
      discord.gateway.dispatch('MESSAGE_CREATE', lastMessage!);
      const status = discord.slashCommand({
        user: candidate,
        channel: thread,
        subcommand: 'status',
      });
      await discord.waitForCall(
        (c) => c.route === 'webhook-edit' && c.params.token === status.token,
        seq,
      );
      const posted = discord.calls.filter(
        (c) => c.seq > seq && c.route === 'channel-message' && inThread(c),
      );
      return posted.map((c) => c.body.content ?? '').join('\n');
    },
    restart: () => h.restart(),
    close: () => h.close(),
  };
});
