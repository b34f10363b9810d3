/**
 * The types of the fake Discord's REST side (rest.ts): what a recorded call holds, the route
 * names, and the shape of a route and its handler.
 */
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

export interface Reply {
  status: number;
  json?: unknown;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: JsonBody;
  files: RecordedFile[];
  problems: string[];
}

export interface Route {
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
