/**
 * A local stand-in for Discord on 127.0.0.1: REST API v10 and the gateway WebSocket on one
 * port. The real discord.js client talks to it with `rest.api` set to `apiUrl`; it then finds
 * the gateway through `GET /gateway/bot`, exactly as with the real service.
 *
 * Tests act as Discord users through `slashCommand`, `pressButton`, `autocomplete` and `say`
 * (each sends the gateway dispatch the real service would), and assert on `calls`, every REST
 * call the bot made, in order. `until` waits for a condition on what the fake has seen,
 * re-checked after each call or gateway event: tests assert order and content, never durations.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.ts';
import {
  type CommandOption,
  type FakeChannel,
  type FakeMessage,
  type FakeUser,
  INTERACTION_TYPES,
  interaction,
  message,
  snowflake,
  user,
} from './payloads.ts';
import { createRestRoutes, handleRest, type RecordedCall, type RestHooks } from './rest.ts';
import { FakeWorld, type PendingInteraction } from './world.ts';

export type { RecordedCall } from './rest.ts';
export type { FakeChannel, FakeMessage, FakeUser } from './payloads.ts';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts. */
  token?: string;
  /** HELLO's heartbeat interval (default 41,250 ms, like Discord). */
  heartbeatIntervalMs?: number;
  /** The shard count `GET /gateway/bot` recommends (default 1), for sharding tests. */
  recommendedShards?: number;
}

type OptionValue = string | number | boolean;

/** A file attached to a message, served at its attachment URL. */
export interface FakeFile {
  name: string;
  data: Uint8Array;
  contentType?: string;
  /** The size the payload declares (default: the data's length). */
  size?: number;
}

export interface SlashCommandInput {
  user: FakeUser;
  /** Defaults to the server's text channel. */
  channel?: FakeChannel;
  command?: string;
  subcommand: string;
  options?: Record<string, OptionValue>;
}

export interface FakeDiscord {
  /** The REST base to give discord.js as `rest.api` (and the CLI as DISCORD_API_URL). */
  apiUrl: string;
  gatewayUrl: string;
  token: string;
  world: FakeWorld;
  gateway: FakeGateway;
  /** Every REST call the bot made, in arrival order. */
  calls: RecordedCall[];
  user(name: string): FakeUser;
  openDm(recipient: FakeUser): FakeChannel;
  slashCommand(input: SlashCommandInput): PendingInteraction;
  autocomplete(input: SlashCommandInput & { focused: string; value: string }): PendingInteraction;
  pressButton(input: {
    user: FakeUser;
    message: FakeMessage;
    customId: string;
  }): PendingInteraction;
  /**
   * A user posts a message in a channel (MESSAGE_CREATE). `files` are served by the fake's CDN
   * and listed in the payload's `attachments` with their URL (`size` overrides the declared size).
   */
  say(input: {
    user: FakeUser;
    channel: FakeChannel;
    content: string;
    files?: FakeFile[];
  }): FakeMessage;
  /** A URL on the fake's CDN (served or not), e.g. for a URL a candidate types. */
  cdnUrl(path: string): string;
  /** Every request to the CDN (path and query), in order: what the bot downloaded. */
  cdnRequests: string[];
  /** Resolves with `check()`'s first truthy value, re-checked after every REST call and gateway event. */
  until<T>(check: () => T | undefined | null | false): Promise<T>;
  /** The first call after `after` (a seq) matching `predicate`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, after?: number): Promise<RecordedCall>;
  /** Resolves once a bot has identified and received READY + GUILD_CREATE. */
  waitForReady(): Promise<void>;
  /** The highest seq recorded so far (0 before any call). */
  lastSeq(): number;
  close(): Promise<void>;
}

function optionList(options: Record<string, OptionValue>, focused?: string): CommandOption[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? 4 : 3,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'fake-bot-token';
  const world = new FakeWorld(token);
  const calls: RecordedCall[] = [];
  const checks = new Set<() => void>();
  let base = '';

  const gateway = new FakeGateway(world, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    url: () => `${base.replace('http', 'ws')}/gateway`,
  });
  const recheck = () => {
    for (const check of [...checks]) check();
  };
  for (const event of ['heartbeat', 'close', 'ready']) gateway.on(event, recheck);
  const hooks: RestHooks = {
    gatewayUrl: () => `${base.replace('http', 'ws')}/gateway`,
    dispatch: (event, data) => gateway.dispatch(event, data),
    recommendedShards: () => options.recommendedShards ?? 1,
    record(call) {
      calls.push({ ...call, seq: calls.length + 1 });
      recheck();
    },
  };
  const routes = createRestRoutes(world, hooks);
  // The CDN: attachments are served from a path of their own, as cdn.discordapp.com does.
  const cdnFiles = new Map<string, { data: Uint8Array; contentType: string }>();
  const cdnRequests: string[] = [];

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    if (url.pathname.startsWith('/attachments/')) {
      cdnRequests.push(`${url.pathname}${url.search}`);
      const file = cdnFiles.get(url.pathname);
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not Found');
        return;
      }
      response.writeHead(200, {
        'content-type': file.contentType,
        'content-length': String(file.data.byteLength),
      });
      response.end(file.data);
      recheck();
      return;
    }
    const prefix = '/api/v10';
    if (!url.pathname.startsWith(`${prefix}/`)) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: '404: Not Found', code: 0 }));
      return;
    }
    // discord.js percent-encodes path segments (`@original` arrives as `%40original`).
    const path = decodeURIComponent(url.pathname.slice(prefix.length));
    handleRest(routes, world, hooks, request, response, path, url).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', base).pathname === '/gateway') {
      gateway.upgrade(request, socket, head);
    } else {
      socket.destroy();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const commandId = (name: string) =>
    [...world.commands.values()].flat().find((c) => c.name === name)?.id ?? snowflake();

  const deliver = (
    type: number,
    channel: FakeChannel,
    u: FakeUser,
    data: unknown,
    componentMessage?: FakeMessage,
  ): PendingInteraction => {
    const payload = interaction({
      type,
      applicationId: world.applicationId,
      channel,
      user: u,
      data,
      message: componentMessage,
    });
    const pending: PendingInteraction = {
      id: payload.id,
      token: payload.token,
      applicationId: world.applicationId,
      channel,
      user: u,
      componentMessage,
      ephemeral: false,
    };
    world.interactions.set(pending.id, pending);
    gateway.dispatch('INTERACTION_CREATE', payload);
    return pending;
  };

  const commandData = (input: SlashCommandInput, focused?: string) => {
    const name = input.command ?? 'interview';
    return {
      id: commandId(name),
      name,
      type: 1,
      options: [
        { name: input.subcommand, type: 1, options: optionList(input.options ?? {}, focused) },
      ],
    };
  };

  const until = <T>(check: () => T | undefined | null | false): Promise<T> =>
    new Promise((resolve) => {
      const run = () => {
        const value = check();
        if (value) {
          checks.delete(run);
          resolve(value);
        }
      };
      checks.add(run);
      run();
    });

  return {
    apiUrl: `${base}/api`,
    gatewayUrl: `${base.replace('http', 'ws')}/gateway`,
    token,
    world,
    gateway,
    calls,
    user: (name) => user(name),
    openDm: (recipient) => world.openDm(recipient),
    slashCommand: (input) =>
      deliver(
        INTERACTION_TYPES.applicationCommand,
        input.channel ?? world.textChannel,
        input.user,
        commandData(input),
      ),
    autocomplete: (input) =>
      deliver(
        INTERACTION_TYPES.autocomplete,
        input.channel ?? world.textChannel,
        input.user,
        commandData(
          { ...input, options: { ...input.options, [input.focused]: input.value } },
          input.focused,
        ),
      ),
    pressButton: ({ user: u, message: m, customId }) => {
      const channel = world.channels.get(m.channel_id);
      if (!channel) throw new Error(`the fake has no channel ${m.channel_id}`);
      return deliver(
        INTERACTION_TYPES.messageComponent,
        channel,
        u,
        { custom_id: customId, component_type: 2 },
        m,
      );
    },
    say: ({ user: u, channel, content, files }) => {
      const attachments = (files ?? []).map((f) => {
        const id = snowflake();
        const path = `/attachments/${channel.id}/${id}/${encodeURIComponent(f.name)}`;
        const contentType = f.contentType ?? 'image/png';
        cdnFiles.set(path, { data: f.data, contentType });
        // Signed like Discord's (ex/is/hm), so the bot must use the URL exactly as given.
        const url = `${base}${path}?ex=67a1b2c3&is=67a06143&hm=${id}`;
        return {
          id,
          filename: f.name,
          size: f.size ?? f.data.byteLength,
          url,
          proxy_url: url,
          content_type: contentType,
        };
      });
      const m = message({ channel, author: u, content, attachments });
      world.messages.set(m.id, m);
      gateway.dispatch('MESSAGE_CREATE', m);
      return m;
    },
    cdnUrl: (path) => `${base}/attachments/${path.replace(/^\//, '')}`,
    cdnRequests,
    until,
    waitForCall: (predicate, after = 0) =>
      until(() => calls.find((c) => c.seq > after && predicate(c))),
    waitForReady: async () => {
      if (gateway.readyCount() > 0) return;
      await once(gateway, 'ready');
    },
    lastSeq: () => calls.length,
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
