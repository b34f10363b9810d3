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
import { channelRoutes } from './rest-channel-routes.ts';
import { interactionRoutes } from './rest-interaction-routes.ts';
import { invalidBody, notFound } from './rest-replies.ts';
import type { JsonBody, RecordedFile, Reply, RestHooks, Route } from './rest-types.ts';
import { snowflake } from './payloads.ts';
import type { FakeWorld, RegisteredCommand } from './world.ts';

export type { JsonBody, RecordedCall, RecordedFile, RestHooks, RouteName } from './rest-types.ts';

/** All routes, tried in order: the application's, then interactions', then channels'. */
export function createRestRoutes(world: FakeWorld, hooks: RestHooks): Route[] {
  return [
    ...applicationRoutes(world, hooks),
    ...interactionRoutes(world),
    ...channelRoutes(world, hooks),
  ];
}

/** Gateway discovery, the application itself and its slash-command registration. */
function applicationRoutes(world: FakeWorld, hooks: RestHooks): Route[] {
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
