/**
 * Wire-format objects of the fake Discord: users, guilds, channels, messages, interactions, as
 * the real API sends them (snake_case JSON, API v10). Only the fields discord.js 14 reads.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake: timestamp bits plus a counter, so ids sort by creation like Discord's. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export function user(username: string, options: { bot?: boolean; id?: string } = {}): FakeUser {
  return {
    id: options.id ?? snowflake(),
    username,
    global_name: options.bot ? null : username,
    discriminator: '0',
    avatar: null,
    ...(options.bot ? { bot: true } : {}),
  };
}

/** Every permission bit set: the fake plays a server where the bot may do anything. */
export const ALL_PERMISSIONS = ((1n << 51n) - 1n).toString();

export const CHANNEL_TYPES = {
  guildText: 0,
  dm: 1,
  publicThread: 11,
  privateThread: 12,
} as const;

export interface FakeChannel {
  id: string;
  type: number;
  name?: string;
  guild_id?: string;
  parent_id?: string | null;
  owner_id?: string;
  position?: number;
  permission_overwrites?: unknown[];
  last_message_id?: string | null;
  rate_limit_per_user?: number;
  thread_metadata?: {
    archived: boolean;
    auto_archive_duration: number;
    archive_timestamp: string;
    locked: boolean;
    invitable?: boolean;
    create_timestamp: string;
  };
  member_count?: number;
  message_count?: number;
  recipients?: FakeUser[];
  flags?: number;
}

export function textChannel(guildId: string, name: string): FakeChannel {
  return {
    id: snowflake(),
    type: CHANNEL_TYPES.guildText,
    name,
    guild_id: guildId,
    parent_id: null,
    position: 0,
    permission_overwrites: [],
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function thread(options: {
  parent: FakeChannel;
  name: string;
  ownerId: string;
  type: number;
  autoArchiveDuration: number;
  invitable?: boolean;
}): FakeChannel {
  const now = new Date().toISOString();
  return {
    id: snowflake(),
    type: options.type,
    name: options.name,
    guild_id: options.parent.guild_id,
    parent_id: options.parent.id,
    owner_id: options.ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    member_count: 1,
    message_count: 0,
    flags: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: options.autoArchiveDuration,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
      ...(options.invitable === undefined ? {} : { invitable: options.invitable }),
    },
  };
}

export function dmChannel(recipient: FakeUser): FakeChannel {
  return {
    id: snowflake(),
    type: CHANNEL_TYPES.dm,
    last_message_id: null,
    recipients: [recipient],
    flags: 0,
  };
}

export function guildMember(u: FakeUser) {
  return {
    user: u,
    nick: null,
    avatar: null,
    roles: [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    permissions: ALL_PERMISSIONS,
  };
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

/** The GUILD_CREATE payload for `guild`, with the bot as a member and an all-powerful @everyone. */
export function guildCreate(guild: FakeGuild, bot: FakeUser, ownerId: string) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        hoist: false,
        position: 0,
        permissions: ALL_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 1,
    voice_states: [],
    members: [guildMember(bot)],
    channels: guild.channels.filter((c) => c.type === CHANNEL_TYPES.guildText),
    threads: guild.channels.filter((c) => c.type !== CHANNEL_TYPES.guildText),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: FakeUser;
  member?: ReturnType<typeof guildMember>;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: false;
  mention_everyone: false;
  mentions: unknown[];
  mention_roles: unknown[];
  attachments: unknown[];
  embeds: unknown[];
  components: unknown[];
  pinned: false;
  type: 0;
  flags: number;
  webhook_id?: string;
  application_id?: string;
}

export function message(options: {
  channel: FakeChannel;
  author: FakeUser;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  flags?: number;
  webhookId?: string;
}): FakeMessage {
  const { channel, author } = options;
  return {
    id: snowflake(),
    channel_id: channel.id,
    ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
    author,
    ...(channel.guild_id && !author.bot ? { member: guildMember(author) } : {}),
    content: options.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: options.attachments ?? [],
    embeds: options.embeds ?? [],
    components: options.components ?? [],
    pinned: false,
    type: 0,
    flags: options.flags ?? 0,
    ...(options.webhookId
      ? { webhook_id: options.webhookId, application_id: options.webhookId }
      : {}),
  };
}

export const INTERACTION_TYPES = {
  applicationCommand: 2,
  messageComponent: 3,
  autocomplete: 4,
} as const;

/** A slash-command option as Discord sends it (type 1 = subcommand, 3 = string, 5 = boolean). */
export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

export function interaction(options: {
  type: number;
  applicationId: string;
  channel: FakeChannel;
  user: FakeUser;
  data: unknown;
  message?: FakeMessage;
}) {
  const { channel, user: u } = options;
  const inGuild = Boolean(channel.guild_id);
  return {
    id: snowflake(),
    application_id: options.applicationId,
    type: options.type,
    data: options.data,
    ...(inGuild ? { guild_id: channel.guild_id, member: guildMember(u) } : { user: u }),
    channel_id: channel.id,
    channel,
    token: `itoken-${snowflake()}`,
    version: 1,
    app_permissions: ALL_PERMISSIONS,
    locale: 'en-US',
    ...(inGuild ? { guild_locale: 'en-US' } : {}),
    entitlements: [],
    authorizing_integration_owners: { '0': inGuild ? channel.guild_id : u.id },
    context: inGuild ? 0 : 1,
    ...(options.message ? { message: options.message } : {}),
  };
}
