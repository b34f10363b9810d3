/**
 * What the fake Discord knows: the bot, its application, one server (guild) with a text
 * channel, the threads and DMs that come to exist, every message, pending interactions, and
 * the registered application commands. The REST routes change it; the gateway announces it.
 */
import {
  CHANNEL_TYPES,
  type FakeChannel,
  type FakeGuild,
  type FakeMessage,
  type FakeUser,
  dmChannel,
  snowflake,
  textChannel,
  user,
} from './payloads.ts';

export interface PendingInteraction {
  id: string;
  token: string;
  applicationId: string;
  channel: FakeChannel;
  user: FakeUser;
  /** The component's message, for button presses (what `@original` means after deferUpdate). */
  componentMessage?: FakeMessage;
  /** The callback type the bot answered with (5 deferred, 6 deferred update, ...), once it did. */
  callbackType?: number;
  /** Ephemeral flag from the callback, applied to the `@original` message. */
  ephemeral: boolean;
  original?: FakeMessage;
}

export interface RegisteredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  [key: string]: unknown;
}

export class FakeWorld {
  readonly bot: FakeUser;
  readonly applicationId: string;
  readonly owner: FakeUser;
  readonly guild: FakeGuild;
  readonly textChannel: FakeChannel;
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage>();
  readonly interactions = new Map<string, PendingInteraction>();
  /** Registered commands: key `global` or the guild id. */
  readonly commands = new Map<string, RegisteredCommand[]>();
  readonly threadMembers = new Map<string, Set<string>>();

  constructor(readonly token: string) {
    this.bot = user('ml-interviewer', { bot: true });
    // For bots made since 2019 the application id equals the bot user's id.
    this.applicationId = this.bot.id;
    this.owner = user('server-owner');
    const guildId = snowflake();
    this.textChannel = textChannel(guildId, 'interviews');
    this.guild = { id: guildId, name: 'ML Study Group', channels: [this.textChannel] };
    this.channels.set(this.textChannel.id, this.textChannel);
  }

  addChannel(channel: FakeChannel): void {
    this.channels.set(channel.id, channel);
    if (channel.guild_id === this.guild.id) this.guild.channels.push(channel);
  }

  openDm(recipient: FakeUser): FakeChannel {
    const channel = dmChannel(recipient);
    this.channels.set(channel.id, channel);
    return channel;
  }

  messagesIn(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  threads(): FakeChannel[] {
    return [...this.channels.values()].filter(
      (c) => c.type === CHANNEL_TYPES.publicThread || c.type === CHANNEL_TYPES.privateThread,
    );
  }
}
