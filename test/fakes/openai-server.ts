/**
 * A local stand-in for an OpenAI-compatible Chat Completions server, on 127.0.0.1, for tests and
 * benchmarks. The real `openai` SDK talks to it through `baseURL` (`server.url`).
 *
 * - Scripted replies chosen by request matchers (schema name, message text, or a predicate),
 *   first matching rule wins; a rule can be limited to a number of uses.
 * - Every request is recorded (parsed body, headers, arrival time, outcome) for assertions.
 * - Faults on demand: 429 with retry-after, 5xx, a hang past the client timeout, a broken HTTP
 *   body, malformed JSON content, schema-valid but wrong content (just script it), a stream that
 *   is cut off mid-way.
 * - `stream: true` requests get Server-Sent Events as the SDK expects (with a usage chunk when
 *   `stream_options.include_usage` is set).
 * - An optional RPM/TPM sliding window: requests beyond it get 429 with `retry-after-ms` and
 *   `retry-after`, like the real API. Tokens are counted at admission as the prompt estimate plus
 *   the requested completion budget.
 * - Usage numbers in every response: prompt tokens ≈ characters / 4; cached tokens = the prefix
 *   shared with an earlier request, rounded like provider prompt caching.
 */
import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  response_format?: {
    type: string;
    json_schema?: { name?: string; strict?: boolean; schema?: unknown };
  };
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  max_completion_tokens?: number;
  max_tokens?: number;
  [key: string]: unknown;
}

export type RequestOutcome = 'replied' | 'error' | 'rate-limited' | 'hang' | 'unmatched' | 'bad';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: ChatRequestBody;
  /** `response_format.json_schema.name`, or null. */
  schemaName: string | null;
  /** All message contents joined with blank lines, for matchers and assertions. */
  text: string;
  /** Arrival time (ms since epoch). */
  at: number;
  /** Tokens counted against the window at admission (prompt estimate + completion budget). */
  tokens: number;
  outcome: RequestOutcome;
}

export type FakeReply =
  | {
      kind: 'content';
      content: string;
      finishReason?: 'stop' | 'length' | 'content_filter';
      /** Usage numbers to report instead of the computed ones. */
      usage?: { prompt_tokens?: number; completion_tokens?: number; cached_tokens?: number };
    }
  | { kind: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Never answers; the connection stays open until the client gives up or the server closes. */
  | { kind: 'hang' }
  /** A raw HTTP body, e.g. invalid JSON with a JSON content type. */
  | { kind: 'raw'; status?: number; contentType?: string; body: string }
  /** For streaming requests: sends part of the content, then drops the connection. */
  | { kind: 'stream-cut'; content: string };

export type ReplySource = FakeReply | ((request: RecordedRequest) => FakeReply);

export interface Matcher {
  /** `response_format.json_schema.name` equals this. */
  schema?: string;
  /** The joined message text contains this. */
  contains?: string;
  test?: (request: RecordedRequest) => boolean;
}

/** Builders for the replies tests script most often. */
export const reply = {
  /** A valid completion whose content is `value` as JSON. */
  json(value: unknown, usage?: Extract<FakeReply, { kind: 'content' }>['usage']): FakeReply {
    return { kind: 'content', content: JSON.stringify(value), usage };
  },
  /** A completion with arbitrary content, e.g. malformed JSON. */
  text(content: string): FakeReply {
    return { kind: 'content', content };
  },
  rateLimited(options: { retryAfterS?: number; retryAfterMs?: number } = {}): FakeReply {
    const headers: Record<string, string> = {};
    if (options.retryAfterS !== undefined) headers['retry-after'] = String(options.retryAfterS);
    if (options.retryAfterMs !== undefined)
      headers['retry-after-ms'] = String(options.retryAfterMs);
    return {
      kind: 'error',
      status: 429,
      headers,
      body: errorBody('Rate limit reached (scripted)', 'requests', 'rate_limit_exceeded'),
    };
  },
  serverError(status = 500): FakeReply {
    return {
      kind: 'error',
      status,
      body: errorBody('The server had an error while processing your request.', 'server_error'),
    };
  },
  error(status: number, message: string): FakeReply {
    return { kind: 'error', status, body: errorBody(message, 'invalid_request_error') };
  },
  hang(): FakeReply {
    return { kind: 'hang' };
  },
  /** HTTP 200 with a JSON content type and a body that is not JSON. */
  brokenBody(): FakeReply {
    return { kind: 'raw', status: 200, contentType: 'application/json', body: '{"id": "chatcmpl-' };
  },
  streamCut(value: unknown): FakeReply {
    return { kind: 'stream-cut', content: JSON.stringify(value) };
  },
};

function errorBody(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

export interface FakeOpenAIOptions {
  /** Sliding-window limits; requests beyond them get 429. */
  limits?: { rpm?: number; tpm?: number; windowMs?: number };
  /** Prompt caching as providers do it: nothing below `minTokens`, then in steps of `step`. */
  cache?: { minTokens: number; step: number };
  /** Model name reported in responses (default: the requested model). */
  model?: string;
}

interface Rule {
  match: Matcher;
  source: ReplySource;
  remaining: number;
}

/** Prompt tokens as the fake counts them: about four characters per token. */
export function fakeTokenCount(text: string): number {
  return Math.ceil(text.length / 4);
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : ''))
      .join('');
  }
  return '';
}

export class FakeOpenAIServer {
  readonly requests: RecordedRequest[] = [];
  private readonly rules: Rule[] = [];
  private readonly admitted: { at: number; tokens: number }[] = [];
  private readonly prompts: string[] = [];
  private server: Server | null = null;
  private port = 0;
  private nextId = 1;
  private readonly holds: Promise<void>[] = [];

  constructor(private readonly options: FakeOpenAIOptions = {}) {}

  /** Base URL for the SDK, ending in /v1. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(errorBody(String(error), 'server_error')));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Script a reply for requests matching `match`, `times` times (default: every time). */
  on(match: Matcher, source: ReplySource, options: { times?: number } = {}): this {
    this.rules.push({ match, source, remaining: options.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  /** Script a reply used once. Rules are tried in the order added, so a `once` added first wins. */
  once(match: Matcher, source: ReplySource): this {
    return this.on(match, source, { times: 1 });
  }

  /**
   * A slow LLM: the next request that matches a rule is recorded at once but answered only
   * after `release()`, so a test knows a process is in the middle of its LLM call.
   */
  hold(): () => void {
    let release!: () => void;
    this.holds.push(
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    return release;
  }

  /** Forget scripted rules, recorded requests, the rate window and the prompt cache. */
  reset(): void {
    this.rules.length = 0;
    this.requests.length = 0;
    this.admitted.length = 0;
    this.prompts.length = 0;
  }

  /** Requests for a schema name (all when omitted). */
  requestsFor(schemaName?: string): RecordedRequest[] {
    return schemaName === undefined
      ? [...this.requests]
      : this.requests.filter((r) => r.schemaName === schemaName);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';

    let body: ChatRequestBody = {};
    try {
      body = raw ? (JSON.parse(raw) as ChatRequestBody) : {};
    } catch {
      // Recorded below as a bad request.
    }
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const text = messages.map((m) => messageText(m.content)).join('\n\n');
    const promptKey = messages.map((m) => `${m.role}\n${messageText(m.content)}`).join('\n\n');
    const completionBudget = body.max_completion_tokens ?? body.max_tokens ?? 0;
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path,
      headers: req.headers,
      body,
      schemaName: body.response_format?.json_schema?.name ?? null,
      text,
      at: Date.now(),
      tokens: fakeTokenCount(promptKey) + completionBudget,
      outcome: 'replied',
    };
    this.requests.push(recorded);

    if (req.method !== 'POST' || !path.endsWith('/chat/completions') || messages.length === 0) {
      recorded.outcome = 'bad';
      this.sendJson(
        res,
        404,
        errorBody(`no route for ${req.method} ${path}`, 'invalid_request_error'),
      );
      return;
    }

    const limited = this.checkWindow(recorded);
    if (limited) {
      recorded.outcome = 'rate-limited';
      this.sendJson(res, 429, limited.body, limited.headers);
      return;
    }

    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.match, recorded));
    if (!rule) {
      recorded.outcome = 'unmatched';
      this.sendJson(res, 500, errorBody('no scripted reply matches this request', 'server_error'));
      return;
    }
    rule.remaining -= 1;
    const fake = typeof rule.source === 'function' ? rule.source(recorded) : rule.source;
    const gate = this.holds.shift();
    if (gate) await gate;

    switch (fake.kind) {
      case 'error':
        recorded.outcome = 'error';
        this.sendJson(
          res,
          fake.status,
          fake.body ?? errorBody('error', 'server_error'),
          fake.headers,
        );
        return;
      case 'hang':
        recorded.outcome = 'hang';
        // Keep the socket open; the client times out, or close() ends it.
        return;
      case 'raw':
        recorded.outcome = 'replied';
        res.writeHead(fake.status ?? 200, {
          'content-type': fake.contentType ?? 'application/json',
        });
        res.end(fake.body);
        return;
      case 'stream-cut':
        recorded.outcome = 'replied';
        this.streamCut(res, body, fake.content);
        return;
      case 'content': {
        recorded.outcome = 'replied';
        const usage = this.usageFor(promptKey, fake, completionBudget);
        const model = this.options.model ?? body.model ?? 'fake-model';
        if (body.stream) {
          this.stream(res, model, fake, usage, body.stream_options?.include_usage === true);
        } else {
          this.sendJson(res, 200, {
            id: `chatcmpl-fake-${this.nextId++}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: fake.content, refusal: null },
                logprobs: null,
                finish_reason: fake.finishReason ?? 'stop',
              },
            ],
            usage,
          });
        }
        return;
      }
    }
  }

  /** Null when the request fits the window (and is then counted), else the 429 to send. */
  private checkWindow(
    request: RecordedRequest,
  ): { body: unknown; headers: Record<string, string> } | null {
    const limits = this.options.limits;
    if (!limits || (limits.rpm === undefined && limits.tpm === undefined)) return null;
    const windowMs = limits.windowMs ?? 60_000;
    const now = request.at;
    while (this.admitted.length > 0 && this.admitted[0]!.at <= now - windowMs) {
      this.admitted.shift();
    }
    const used = this.admitted.reduce((sum, a) => sum + a.tokens, 0);
    const overRequests = limits.rpm !== undefined && this.admitted.length + 1 > limits.rpm;
    const overTokens = limits.tpm !== undefined && used + request.tokens > limits.tpm;
    if (!overRequests && !overTokens) {
      this.admitted.push({ at: now, tokens: request.tokens });
      return null;
    }
    const oldest = this.admitted[0]?.at ?? now;
    const waitMs = Math.max(1, oldest + windowMs - now);
    return {
      body: errorBody(
        `Rate limit reached: ${overRequests ? 'requests' : 'tokens'} per window`,
        overRequests ? 'requests' : 'tokens',
        'rate_limit_exceeded',
      ),
      headers: {
        'retry-after-ms': String(waitMs),
        'retry-after': String(Math.ceil(waitMs / 1000)),
        'x-ratelimit-limit-requests': String(limits.rpm ?? ''),
        'x-ratelimit-remaining-requests': String(
          Math.max(0, (limits.rpm ?? 0) - this.admitted.length),
        ),
        'x-ratelimit-limit-tokens': String(limits.tpm ?? ''),
        'x-ratelimit-remaining-tokens': String(Math.max(0, (limits.tpm ?? 0) - used)),
      },
    };
  }

  private usageFor(
    promptKey: string,
    fake: Extract<FakeReply, { kind: 'content' }>,
    completionBudget: number,
  ) {
    const promptTokens = fake.usage?.prompt_tokens ?? fakeTokenCount(promptKey);
    let completionTokens = fake.usage?.completion_tokens ?? fakeTokenCount(fake.content);
    if (completionBudget > 0) completionTokens = Math.min(completionTokens, completionBudget);
    const cachedTokens = fake.usage?.cached_tokens ?? this.cachedTokens(promptKey);
    this.prompts.push(promptKey);
    if (this.prompts.length > 100) this.prompts.shift();
    return {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: cachedTokens },
      completion_tokens_details: { reasoning_tokens: 0 },
    };
  }

  /** The longest prefix shared with an earlier prompt, in tokens, rounded as providers do. */
  private cachedTokens(promptKey: string): number {
    const { minTokens, step } = this.options.cache ?? { minTokens: 1024, step: 128 };
    let best = 0;
    for (const earlier of this.prompts) {
      const limit = Math.min(earlier.length, promptKey.length);
      let i = 0;
      while (i < limit && earlier.charCodeAt(i) === promptKey.charCodeAt(i)) i++;
      best = Math.max(best, i);
    }
    const tokens = Math.floor(best / 4);
    return tokens < minTokens ? 0 : Math.floor(tokens / step) * step;
  }

  private stream(
    res: ServerResponse,
    model: string,
    fake: Extract<FakeReply, { kind: 'content' }>,
    usage: ReturnType<FakeOpenAIServer['usageFor']>,
    includeUsage: boolean,
  ): void {
    const id = `chatcmpl-fake-${this.nextId++}`;
    const created = Math.floor(Date.now() / 1000);
    const chunk = (choices: unknown[], extra: object = {}) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(
      chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    );
    for (const piece of splitInPieces(fake.content, 3)) {
      res.write(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]));
    }
    res.write(chunk([{ index: 0, delta: {}, finish_reason: fake.finishReason ?? 'stop' }]));
    if (includeUsage) res.write(chunk([], { usage }));
    res.end('data: [DONE]\n\n');
  }

  private streamCut(res: ServerResponse, body: ChatRequestBody, content: string): void {
    if (!body.stream) {
      // Not a streaming request: send a truncated JSON body and drop the connection.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"chatcmpl-cut","object":"chat.completion","choices":[{"index":0,');
      res.socket?.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const half = content.slice(0, Math.floor(content.length / 2));
    res.write(
      `data: ${JSON.stringify({ id: 'chatcmpl-cut', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta: { content: half }, finish_reason: null }] })}\n\n`,
    );
    res.socket?.destroy();
  }

  private sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}

function matches(match: Matcher, request: RecordedRequest): boolean {
  if (match.schema !== undefined && request.schemaName !== match.schema) return false;
  if (match.contains !== undefined && !request.text.includes(match.contains)) return false;
  if (match.test && !match.test(request)) return false;
  return true;
}

function splitInPieces(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

/** Start a fake server on 127.0.0.1 with an ephemeral port. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAIServer> {
  return new FakeOpenAIServer(options).start();
}
