/**
 * The fake Discord's REST API (v10), answering as the real one does for the routes the bot
 * uses, and recording every call for assertions.
 *
 * Wire details that matter to discord.js / @discordjs/rest:
 * - URLs are `<api>/v10/<route>`; bot routes carry `Authorization: Bot <token>`, interaction
 *   callbacks and webhook routes carry none.
 * - A 204 carries no body and no `Content-Type` (the client would try to parse empty JSON).
 * - Bodies with files come as multipart/form-data: `payload_json` plus `files[n]`; each file is
 *   recorded with its bytes (`data`), e.g. to check that a chart is a PNG.
 * - Errors are JSON `{ code, message }`; invalid bodies get 400 with code 50035.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageBodyProblems } from './limits.ts';
import { CHANNEL_TYPES, type FakeMessage, message, snowflake, thread, user } from './payloads.ts';
import type { FakeWorld, RegisteredCommand } from './world.ts';

/**
 * A JSON body as the bot sent it. Loosely typed on purpose: tests read whatever field they
 * assert on (`call.body.data.flags`, `call.body.allowed_mentions`), as one would read a log.
 */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON of many shapes, read by assertions
export type JsonBody = any;

export interface RecordedFile {
  name: string;
  contentType: string;
  /** The bytes read as UTF-8 (for text files). */
  text: string;
  /** The bytes as uploaded (for images: PNG checks). */
  data: Buffer;
}

export interface RecordedCall {
  /** Arrival order, from 1. */
  seq: number;
  method: string;
  /** The route without the `/api/v10` prefix, e.g. `/channels/123/messages`. */
  path: string;
  /** A name for the route, e.g. `interaction-callback`; `unmatched` for unknown routes. */
  route: RouteName;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The JSON body (for multipart: the parsed `payload_json`), or null. */
  body: JsonBody;
  files: RecordedFile[];
  status: number;
  /** The JSON the fake answered with (null for 204). */
  response: JsonBody;
  /** Why the call was refused (limits, auth), empty when it was accepted. */
  problems: string[];
}

export type RouteName =
  | 'gateway-bot'
  | 'current-application'
  | 'put-global-commands'
  | 'put-guild-commands'
  | 'interaction-callback'
  | 'webhook-execute'
  | 'webhook-edit'
  | 'webhook-get'
  | 'webhook-delete'
  | 'dm-create'
  | 'channel-message'
  | 'channel-message-edit'
  | 'channel-get'
  | 'channel-delete'
  | 'thread-create'
  | 'thread-member-add'
  | 'typing'
  | 'unmatched';

interface Reply {
  status: number;
  json?: unknown;
}

interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: JsonBody;
  files: RecordedFile[];
  problems: string[];
}

interface Route {
  method: string;
  name: Exclude<RouteName, 'unmatched'>;
  pattern: RegExp;
  /** Bot-token routes; interaction and webhook routes are authorized by their token. */
  auth: boolean;
  handle: (context: RouteContext) => Reply | Promise<Reply>;
}

/** What the REST side needs from the rest of the fake. */
export interface RestHooks {
  gatewayUrl(): string;
  /** Announce an event to connected bots (e.g. THREAD_CREATE after a thread is created). */
  dispatch(event: string, data: unknown): void;
  record(call: Omit<RecordedCall, 'seq'>): void;
  /** The shard count `GET /gateway/bot` recommends (default 1). */
  recommendedShards?(): number;
}

const noContent: Reply = { status: 204 };
const notFound: Reply = { status: 404, json: { message: '404: Not Found', code: 0 } };
const unknownMessage: Reply = { status: 404, json: { message: 'Unknown Message', code: 10008 } };
const unknownChannel: Reply = { status: 404, json: { message: 'Unknown Channel', code: 10003 } };
const unknownInteraction: Reply = {
  status: 404,
  json: { message: 'Unknown interaction', code: 10062 },
};
const alreadyAcknowledged: Reply = {
  status: 400,
  json: { message: 'Interaction has already been acknowledged.', code: 40060 },
};

function invalidBody(problems: string[]): Reply {
  return { status: 400, json: { message: 'Invalid Form Body', code: 50035, errors: problems } };
}

function withMessageChecks(context: RouteContext, build: () => Reply): Reply {
  const problems = messageBodyProblems(context.body ?? {});
  if (problems.length > 0) {
    context.problems.push(...problems);
    return invalidBody(problems);
  }
  return build();
}

function attachmentsFor(files: RecordedFile[]) {
  return files.map((f) => ({
    id: snowflake(),
    filename: f.name,
    size: f.data.length,
    url: `https://cdn.invalid/${f.name}`,
    proxy_url: `https://cdn.invalid/${f.name}`,
    content_type: f.contentType,
  }));
}

export function createRestRoutes(world: FakeWorld, hooks: RestHooks): Route[] {
  const interactionByToken = (token: string | undefined) =>
    [...world.interactions.values()].find((i) => i.token === token);

  const storeMessage = (m: FakeMessage) => {
    world.messages.set(m.id, m);
    const channel = world.channels.get(m.channel_id);
    if (channel) channel.last_message_id = m.id;
    return m;
  };

  const putCommands = (key: string, guildId: string | undefined, body: unknown): Reply => {
    if (!Array.isArray(body)) return invalidBody(['body: expected an array of commands']);
    const commands: RegisteredCommand[] = body.map((c: Record<string, unknown>) => ({
      ...c,
      name: String(c.name),
      id: snowflake(),
      application_id: world.applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type: c.type ?? 1,
      ...(guildId ? { guild_id: guildId } : {}),
    }));
    world.commands.set(key, commands);
    return { status: 200, json: commands };
  };

  return [
    {
      method: 'GET',
      name: 'gateway-bot',
      pattern: /^\/gateway\/bot$/,
      auth: true,
      handle: () => ({
        status: 200,
        json: {
          url: hooks.gatewayUrl(),
          shards: hooks.recommendedShards?.() ?? 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      }),
    },
    {
      method: 'GET',
      name: 'current-application',
      pattern: /^\/applications\/@me$/,
      auth: true,
      handle: () => ({
        status: 200,
        json: {
          id: world.applicationId,
          name: world.bot.username,
          icon: null,
          description: '',
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: 'fake',
          flags: 0,
          bot: world.bot,
        },
      }),
    },
    {
      method: 'PUT',
      name: 'put-global-commands',
      pattern: /^\/applications\/(?<app>\d+)\/commands$/,
      auth: true,
      handle: ({ params, body }) =>
        params.app === world.applicationId ? putCommands('global', undefined, body) : notFound,
    },
    {
      method: 'PUT',
      name: 'put-guild-commands',
      pattern: /^\/applications\/(?<app>\d+)\/guilds\/(?<guild>\d+)\/commands$/,
      auth: true,
      handle: ({ params, body }) =>
        params.app === world.applicationId
          ? putCommands(params.guild!, params.guild, body)
          : notFound,
    },
    {
      method: 'POST',
      name: 'interaction-callback',
      pattern: /^\/interactions\/(?<id>\d+)\/(?<token>[^/]+)\/callback$/,
      auth: false,
      handle: (context) => {
        const pending = world.interactions.get(context.params.id!);
        if (!pending || pending.token !== context.params.token) return unknownInteraction;
        if (pending.callbackType !== undefined) return alreadyAcknowledged;
        const type = Number(context.body?.type);
        const data = context.body?.data ?? {};
        if (type === 4 || type === 7) {
          const problems = messageBodyProblems(data);
          if (problems.length > 0) {
            context.problems.push(...problems);
            return invalidBody(problems);
          }
        }
        pending.callbackType = type;
        pending.ephemeral = Boolean((Number(data.flags) || 0) & 64);
        if (type === 4) {
          pending.original = storeMessage(
            message({
              channel: pending.channel,
              author: world.bot,
              content: data.content,
              embeds: data.embeds,
              components: data.components,
              flags: pending.ephemeral ? 64 : 0,
              webhookId: pending.applicationId,
            }),
          );
        }
        if (type === 6 || type === 7) pending.original = pending.componentMessage;
        if (type === 7 && pending.original) Object.assign(pending.original, data);
        return noContent;
      },
    },
    {
      method: 'POST',
      name: 'webhook-execute',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)$/,
      auth: false,
      handle: (context) => {
        const pending = interactionByToken(context.params.token);
        if (!pending || pending.callbackType === undefined) return unknownInteraction;
        return withMessageChecks(context, () => {
          const flags = Number(context.body?.flags) || 0;
          const m = storeMessage(
            message({
              channel: pending.channel,
              author: world.bot,
              content: context.body?.content,
              embeds: context.body?.embeds,
              components: context.body?.components,
              attachments: attachmentsFor(context.files),
              flags,
              webhookId: pending.applicationId,
            }),
          );
          return { status: 200, json: m };
        });
      },
    },
    {
      method: 'PATCH',
      name: 'webhook-edit',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/(?<message>@original|\d+)$/,
      auth: false,
      handle: (context) => {
        const pending = interactionByToken(context.params.token);
        if (!pending || pending.callbackType === undefined) return unknownInteraction;
        return withMessageChecks(context, () => {
          let target =
            context.params.message === '@original'
              ? pending.original
              : world.messages.get(context.params.message!);
          if (!target && context.params.message === '@original' && pending.callbackType === 5) {
            // The deferred "thinking…" message becomes the reply.
            target = storeMessage(
              message({
                channel: pending.channel,
                author: world.bot,
                flags: pending.ephemeral ? 64 : 0,
                webhookId: pending.applicationId,
              }),
            );
            pending.original = target;
          }
          if (!target) return unknownMessage;
          const { content, embeds, components } = context.body ?? {};
          if (content !== undefined) target.content = content ?? '';
          if (embeds !== undefined) target.embeds = embeds ?? [];
          if (components !== undefined) target.components = components ?? [];
          if (context.files.length > 0) target.attachments = attachmentsFor(context.files);
          target.edited_timestamp = new Date().toISOString();
          return { status: 200, json: target };
        });
      },
    },
    {
      method: 'GET',
      name: 'webhook-get',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/(?<message>@original|\d+)$/,
      auth: false,
      handle: ({ params }) => {
        const pending = interactionByToken(params.token);
        const target =
          params.message === '@original' ? pending?.original : world.messages.get(params.message!);
        return target ? { status: 200, json: target } : unknownMessage;
      },
    },
    {
      method: 'DELETE',
      name: 'webhook-delete',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/(?<message>@original|\d+)$/,
      auth: false,
      handle: ({ params }) => {
        const pending = interactionByToken(params.token);
        if (!pending) return unknownInteraction;
        if (params.message === '@original') {
          // Deleting a deferred reply that was never edited is allowed: the "thinking…" goes away.
          if (pending.original) world.messages.delete(pending.original.id);
          pending.original = undefined;
          return noContent;
        }
        return world.messages.delete(params.message!) ? noContent : unknownMessage;
      },
    },
    {
      method: 'POST',
      name: 'channel-message',
      pattern: /^\/channels\/(?<channel>\d+)\/messages$/,
      auth: true,
      handle: (context) => {
        const channel = world.channels.get(context.params.channel!);
        if (!channel) return unknownChannel;
        return withMessageChecks(context, () => {
          const { content, embeds, components } = context.body ?? {};
          if (!content && !embeds?.length && !components?.length && context.files.length === 0) {
            context.problems.push('empty message');
            return { status: 400, json: { message: 'Cannot send an empty message', code: 50006 } };
          }
          const m = storeMessage(
            message({
              channel,
              author: world.bot,
              content,
              embeds,
              components,
              attachments: attachmentsFor(context.files),
            }),
          );
          hooks.dispatch('MESSAGE_CREATE', m);
          return { status: 200, json: m };
        });
      },
    },
    {
      method: 'PATCH',
      name: 'channel-message-edit',
      pattern: /^\/channels\/(?<channel>\d+)\/messages\/(?<message>\d+)$/,
      auth: true,
      handle: (context) => {
        const target = world.messages.get(context.params.message!);
        if (!target || target.channel_id !== context.params.channel) return unknownMessage;
        return withMessageChecks(context, () => {
          const { content, embeds, components } = context.body ?? {};
          if (content !== undefined) target.content = content ?? '';
          if (embeds !== undefined) target.embeds = embeds ?? [];
          if (components !== undefined) target.components = components ?? [];
          target.edited_timestamp = new Date().toISOString();
          return { status: 200, json: target };
        });
      },
    },
    {
      method: 'DELETE',
      name: 'channel-delete',
      pattern: /^\/channels\/(?<channel>\d+)$/,
      auth: true,
      handle: ({ params }) => {
        const channel = world.channels.get(params.channel!);
        if (!channel) return unknownChannel;
        world.channels.delete(channel.id);
        hooks.dispatch(channel.thread_metadata ? 'THREAD_DELETE' : 'CHANNEL_DELETE', {
          id: channel.id,
          guild_id: channel.guild_id,
          parent_id: channel.parent_id,
          type: channel.type,
        });
        return { status: 200, json: channel };
      },
    },
    {
      // A DM channel with a user (discord.js `users.createDM`), for practice reminders.
      method: 'POST',
      name: 'dm-create',
      pattern: /^\/users\/@me\/channels$/,
      auth: true,
      handle: ({ body, problems }) => {
        const recipientId = String(body?.recipient_id ?? '');
        if (!/^\d+$/.test(recipientId)) {
          problems.push('recipient_id: must be a snowflake');
          return invalidBody(problems);
        }
        const existing = [...world.channels.values()].find(
          (c) => c.type === CHANNEL_TYPES.dm && c.recipients?.[0]?.id === recipientId,
        );
        return {
          status: 200,
          json: existing ?? world.openDm(user(`user-${recipientId}`, { id: recipientId })),
        };
      },
    },
    {
      method: 'GET',
      name: 'channel-get',
      pattern: /^\/channels\/(?<channel>\d+)$/,
      auth: true,
      handle: ({ params }) => {
        const channel = world.channels.get(params.channel!);
        return channel ? { status: 200, json: channel } : unknownChannel;
      },
    },
    {
      method: 'POST',
      name: 'thread-create',
      pattern: /^\/channels\/(?<channel>\d+)\/threads$/,
      auth: true,
      handle: ({ params, body, problems }) => {
        const parent = world.channels.get(params.channel!);
        if (!parent) return unknownChannel;
        if (parent.type !== CHANNEL_TYPES.guildText) {
          problems.push('threads can only be created in text channels');
          return {
            status: 400,
            json: { message: 'Cannot execute action on this channel type', code: 50024 },
          };
        }
        const name = String(body?.name ?? '');
        if ([...name].length < 1 || [...name].length > 100) {
          problems.push(`name: ${[...name].length} characters, must be 1–100`);
          return invalidBody(problems);
        }
        const type = Number(body?.type ?? CHANNEL_TYPES.privateThread);
        const created = thread({
          parent,
          name,
          ownerId: world.bot.id,
          type,
          autoArchiveDuration: Number(body?.auto_archive_duration ?? 1440),
          invitable:
            type === CHANNEL_TYPES.privateThread ? Boolean(body?.invitable ?? true) : undefined,
        });
        world.addChannel(created);
        world.threadMembers.set(created.id, new Set([world.bot.id]));
        hooks.dispatch('THREAD_CREATE', { ...created, newly_created: true });
        return { status: 201, json: created };
      },
    },
    {
      method: 'PUT',
      name: 'thread-member-add',
      pattern: /^\/channels\/(?<channel>\d+)\/thread-members\/(?<user>\d+)$/,
      auth: true,
      handle: ({ params }) => {
        const members = world.threadMembers.get(params.channel!);
        if (!members) return unknownChannel;
        members.add(params.user!);
        return noContent;
      },
    },
    {
      method: 'POST',
      name: 'typing',
      pattern: /^\/channels\/(?<channel>\d+)\/typing$/,
      auth: true,
      handle: ({ params }) => (world.channels.has(params.channel!) ? noContent : unknownChannel),
    },
  ];
}

async function readBody(
  request: IncomingMessage,
  url: URL,
): Promise<{ body: JsonBody; files: RecordedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: null, files: [] };
  const contentType = String(request.headers['content-type'] ?? '');
  if (contentType.startsWith('multipart/form-data')) {
    // Let the platform's own multipart parser read it, as a server framework would.
    const form = await new Request(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    const files: RecordedFile[] = [];
    let body: JsonBody = null;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json' && typeof value === 'string') body = JSON.parse(value);
      else if (typeof value !== 'string') {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({
          name: value.name,
          contentType: value.type,
          text: data.toString('utf8'),
          data,
        });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply.status === 204 || reply.json === undefined) {
    // No body and, above all, no JSON content type: @discordjs/rest would try to parse it.
    response.writeHead(reply.status);
    response.end();
    return;
  }
  const text = JSON.stringify(reply.json);
  response.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Handles one HTTP request under `/api/v10`. */
export async function handleRest(
  routes: Route[],
  world: FakeWorld,
  hooks: RestHooks,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  url: URL,
): Promise<void> {
  const method = request.method ?? 'GET';
  const { body, files } = await readBody(request, url);
  const query = Object.fromEntries(url.searchParams.entries());
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params = { ...(match.groups ?? {}) };
    const problems: string[] = [];
    let reply: Reply;
    if (route.auth && request.headers.authorization !== `Bot ${world.token}`) {
      problems.push('missing or wrong bot token');
      reply = { status: 401, json: { message: '401: Unauthorized', code: 0 } };
    } else {
      reply = await route.handle({ params, query: url.searchParams, body, files, problems });
    }
    hooks.record({
      method,
      path,
      route: route.name,
      params,
      query,
      body,
      files,
      status: reply.status,
      response: reply.json ?? null,
      problems,
    });
    send(response, reply);
    return;
  }
  hooks.record({
    method,
    path,
    route: 'unmatched',
    params: {},
    query,
    body,
    files,
    status: 404,
    response: notFound.json,
    problems: ['no such route in the fake'],
  });
  send(response, notFound);
}
