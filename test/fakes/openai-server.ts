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
 *
 * This file is the server and its test controls; the pieces are in openai/: requests.ts
 * (what is recorded, matchers), replies.ts (scripted replies), rate-window.ts, usage.ts and
 * streams.ts.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RateLimits, RateWindow } from './openai/rate-window.ts';
import { errorBody, type ReplySource } from './openai/replies.ts';
import {
  type ChatRequestBody,
  fakeTokenCount,
  type Matcher,
  matches,
  messageText,
  type RecordedRequest,
} from './openai/requests.ts';
import { writeStream, writeStreamCut } from './openai/streams.ts';
import { type CacheSettings, UsageCounter } from './openai/usage.ts';

export { type FakeReply, type ReplySource, reply } from './openai/replies.ts';
export {
  type ChatRequestBody,
  fakeTokenCount,
  type Matcher,
  type RecordedRequest,
  type RequestOutcome,
} from './openai/requests.ts';

export interface FakeOpenAIOptions {
  /** Sliding-window limits; requests beyond them get 429. */
  limits?: RateLimits;
  /** Prompt caching as providers do it: nothing below `minTokens`, then in steps of `step`. */
  cache?: CacheSettings;
  /** Model name reported in responses (default: the requested model). */
  model?: string;
}

interface Rule {
  match: Matcher;
  source: ReplySource;
  remaining: number;
}

export class FakeOpenAIServer {
  readonly requests: RecordedRequest[] = [];
  private readonly rules: Rule[] = [];
  private readonly window: RateWindow;
  private readonly usage: UsageCounter;
  private server: Server | null = null;
  private port = 0;
  private nextId = 1;
  private readonly holds: Promise<void>[] = [];

  constructor(private readonly options: FakeOpenAIOptions = {}) {
    this.window = new RateWindow(options.limits);
    this.usage = new UsageCounter(options.cache);
  }

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
    this.window.reset();
    this.usage.reset();
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

    const limited = this.window.check(recorded);
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
        writeStreamCut(res, body, fake.content);
        return;
      case 'content': {
        recorded.outcome = 'replied';
        const usage = this.usage.usageFor(promptKey, fake, completionBudget);
        const model = this.options.model ?? body.model ?? 'fake-model';
        if (body.stream) {
          const id = `chatcmpl-fake-${this.nextId++}`;
          writeStream(res, id, model, fake, usage, body.stream_options?.include_usage === true);
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

/** Start a fake server on 127.0.0.1 with an ephemeral port. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAIServer> {
  return new FakeOpenAIServer(options).start();
}
