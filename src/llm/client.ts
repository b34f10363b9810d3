/**
 * One structured LLM call: Chat Completions with a strict JSON schema, through the global
 * limiter, validated with zod and then by the caller's own checks (grounding, evidence). Any
 * failure — transport, rate limit, invalid JSON, wrong content — is retried within one budget of
 * attempts; when they run out the caller gets the reason, never made-up content.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import type { EngineLogger } from '../engine/ports.ts';
import type { TokenUsage } from '../engine/types.ts';
import type { CircuitBreaker } from './breaker.ts';
import type { RequestLimiter } from './limiter.ts';
import { decideAfterError, type RetryPolicy } from './retry.ts';
import { addUsage, emptyUsage, estimateRequestTokens, estimateTextTokens } from './usage.ts';

/** A part of a user message that carries more than text: an image, as a `data:` URL. */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'low' | 'high' | 'auto' } };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  /** Text, or (user messages to a model that takes images) text and image parts. */
  content: string | ContentPart[];
}

export type Refined<R> = { ok: true; value: R } | { ok: false; problem: string };

export interface StructuredRequest<T, R = T> {
  /** For logs, e.g. `scorer:metrics`. */
  purpose: string;
  /** The `json_schema.name` sent to the provider. */
  schemaName: string;
  schema: z.ZodType<T>;
  messages: ChatMessage[];
  temperature: number;
  maxCompletionTokens: number;
  /** Checks beyond the schema; a problem is retried like invalid JSON. */
  refine?: (value: T) => Refined<R>;
}

export type StructuredResult<R> =
  | { ok: true; value: R; usage: TokenUsage; model: string; attempts: number }
  | { ok: false; reason: string; problems: string[]; usage: TokenUsage; attempts: number };

export interface LlmClientOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  limiter: RequestLimiter;
  /** Switches the LLM off after consecutive failures (absent: every request is tried). */
  breaker?: CircuitBreaker;
  logger?: EngineLogger;
  /** Ask for Server-Sent Events instead of one JSON body (some proxies prefer it). */
  stream?: boolean;
  /** First backoff step (default 500 ms). */
  baseDelayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about every HTTP request (metrics): the model, success, tokens, or why it failed. */
  observer?: (call: LlmCallEvent) => void;
}

export interface LlmCallEvent {
  model: string;
  ok: boolean;
  usage: TokenUsage | null;
  error?: string;
}

/** What a single HTTP request needs from a structured request. */
interface SendSpec {
  schemaName: string;
  schema: z.ZodType;
  temperature: number;
  maxCompletionTokens: number;
}

interface RawCompletion {
  content: string;
  refusal: string | null;
  finishReason: string | null;
  usage: TokenUsage;
  model: string;
}

const defaultSleep = (ms: number): Promise<void> => sleep(ms);

export class LlmClient {
  readonly model: string;
  private readonly openai: OpenAI;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly formats = new WeakMap<object, Map<string, unknown>>();
  /** Whether requests also carry the legacy `max_tokens` (see `capsWithMaxTokens`). */
  private readonly legacyMaxTokens: boolean;

  constructor(private readonly options: LlmClientOptions) {
    this.model = options.model;
    // Retries are ours (see retry.ts): the SDK would sleep as long as any retry-after says.
    this.openai = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: options.timeoutMs,
      maxRetries: 0,
    });
    this.policy = {
      maxRetries: options.maxRetries,
      maxRetryAfterMs: options.maxRetryAfterMs,
      baseDelayMs: options.baseDelayMs ?? 500,
      random: options.random ?? Math.random,
      now: Date.now,
    };
    this.sleep = options.sleep ?? defaultSleep;
    this.legacyMaxTokens = capsWithMaxTokens(options.baseURL);
  }

  async structured<T, R = T>(request: StructuredRequest<T, R>): Promise<StructuredResult<R>> {
    const { maxRetries } = this.policy;
    const problems: string[] = [];
    let usage = emptyUsage();
    let messages = request.messages;

    const breaker = this.options.breaker;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const isLast = attempt === maxRetries;
      // While the breaker is open nothing is sent: the caller falls back at once.
      if (breaker && !breaker.allows()) {
        const reason = breaker.describe();
        if (attempt === 0) problems.push(reason);
        return { ok: false, reason, problems, usage, attempts: attempt };
      }
      let raw: RawCompletion;
      try {
        raw = await this.options.limiter.schedule(
          estimateRequestTokens(messages, request.maxCompletionTokens),
          () => this.send(request, messages),
        );
      } catch (error) {
        usage = addUsage(usage, { ...emptyUsage(), requests: 1 });
        const decision = decideAfterError(error, attempt, this.policy);
        problems.push(decision.reason);
        this.options.observer?.({
          model: this.model,
          ok: false,
          usage: null,
          error: decision.reason,
        });
        this.options.logger?.warn(
          { purpose: request.purpose, attempt: attempt + 1, reason: decision.reason },
          'llm request failed',
        );
        const opened =
          breaker !== undefined &&
          isNotAnswering(error) &&
          breaker.recordFailure(decision.reason, {
            opensAtOnce: error instanceof APIConnectionTimeoutError,
          });
        if (opened) {
          this.options.logger?.warn(
            { purpose: request.purpose, reason: decision.reason },
            'llm switched off for the cooling period',
          );
        }
        if (!decision.retry || isLast || opened) {
          return { ok: false, reason: decision.reason, problems, usage, attempts: attempt + 1 };
        }
        await this.sleep(decision.waitMs);
        continue;
      }

      breaker?.recordReply();
      usage = addUsage(usage, raw.usage);
      this.options.observer?.({ model: raw.model, ok: true, usage: raw.usage });
      const checked = this.check(raw, request);
      if (checked.ok) {
        return { ok: true, value: checked.value, usage, model: raw.model, attempts: attempt + 1 };
      }
      problems.push(checked.problem);
      this.options.logger?.warn(
        { purpose: request.purpose, attempt: attempt + 1, problem: checked.problem },
        'llm output rejected',
      );
      if (isLast) {
        return { ok: false, reason: checked.problem, problems, usage, attempts: attempt + 1 };
      }
      // Say what was wrong, after the unchanged prefix (so provider prompt caching still hits).
      messages = [
        ...request.messages,
        {
          role: 'user',
          content: `Your previous reply was rejected: ${checked.problem}. Reply again with JSON that follows the schema and every rule above.`,
        },
      ];
    }
    // Unreachable: the loop returns on its last attempt.
    return { ok: false, reason: 'no attempt made', problems, usage, attempts: 0 };
  }

  private check<T, R>(raw: RawCompletion, request: StructuredRequest<T, R>): Refined<R> {
    if (raw.refusal)
      return { ok: false, problem: `the model refused: ${raw.refusal.slice(0, 120)}` };
    if (raw.finishReason === 'length') {
      return { ok: false, problem: 'the reply was cut off at the token limit' };
    }
    let json: unknown;
    try {
      json = JSON.parse(stripCodeFence(raw.content));
    } catch {
      return { ok: false, problem: 'the reply was not valid JSON' };
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      return { ok: false, problem: `the reply did not match the schema (${issues.join('; ')})` };
    }
    if (!request.refine) return { ok: true, value: parsed.data as unknown as R };
    return request.refine(parsed.data);
  }

  private responseFormat(request: SendSpec) {
    let byName = this.formats.get(request.schema);
    if (!byName) {
      byName = new Map();
      this.formats.set(request.schema, byName);
    }
    let jsonSchema = byName.get(request.schemaName);
    if (!jsonSchema) {
      jsonSchema = zodResponseFormat(request.schema, request.schemaName).json_schema;
      byName.set(request.schemaName, jsonSchema);
    }
    return { type: 'json_schema', json_schema: jsonSchema } as const;
  }

  /**
   * The SDK's `timeout` stops only the wait for the response headers; a server that sends them
   * and then stalls the body (or a stream that stops mid-way) would hold the request, its
   * limiter slot and the session lock forever. This deadline covers the whole exchange.
   */
  private async send(request: SendSpec, messages: ChatMessage[]): Promise<RawCompletion> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    try {
      return await this.sendWithin(request, messages, deadline.signal);
    } catch (error) {
      if (deadline.signal.aborted) throw new APIConnectionTimeoutError();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async sendWithin(
    request: SendSpec,
    messages: ChatMessage[],
    signal: AbortSignal,
  ): Promise<RawCompletion> {
    const body = {
      model: this.model,
      // Image parts only ever sit in user messages (see ContentPart).
      messages: messages as OpenAI.ChatCompletionMessageParam[],
      // OpenAI's reasoning models accept only their default temperature (any other value is a
      // 400, which would silently send every turn to the offline fallback).
      ...(fixedTemperature(this.model) ? {} : { temperature: request.temperature }),
      max_completion_tokens: request.maxCompletionTokens,
      ...(this.legacyMaxTokens ? { max_tokens: request.maxCompletionTokens } : {}),
      response_format: this.responseFormat(request) as OpenAI.ResponseFormatJSONSchema,
    };
    const promptEstimate = estimateRequestTokens(messages, 0);

    if (this.options.stream) {
      const stream = await this.openai.chat.completions.create(
        { ...body, stream: true, stream_options: { include_usage: true } },
        { signal },
      );
      let content = '';
      let refusal: string | null = null;
      let finishReason: string | null = null;
      let model = this.model;
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of stream) {
        model = chunk.model || model;
        const choice = chunk.choices[0];
        content += choice?.delta?.content ?? '';
        if (choice?.delta?.refusal) refusal = (refusal ?? '') + choice.delta.refusal;
        finishReason = choice?.finish_reason ?? finishReason;
        if (chunk.usage) usage = chunk.usage;
      }
      if (finishReason === null) throw new Error('the stream ended without a finish reason');
      return {
        content,
        refusal,
        finishReason,
        model,
        usage: toUsage(usage, promptEstimate, content),
      };
    }

    const completion = await this.openai.chat.completions.create(body, { signal });
    const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
    if (!choice || typeof choice.message?.content !== 'string') {
      if (choice?.message?.refusal) {
        return {
          content: '',
          refusal: choice.message.refusal,
          finishReason: choice.finish_reason,
          model: completion.model ?? this.model,
          usage: toUsage(completion.usage, promptEstimate, ''),
        };
      }
      throw new Error('the response had no message content');
    }
    return {
      content: choice.message.content,
      refusal: choice.message.refusal ?? null,
      finishReason: choice.finish_reason ?? null,
      model: completion.model || this.model,
      usage: toUsage(completion.usage, promptEstimate, choice.message.content),
    };
  }
}

/**
 * The provider's usage numbers; servers that report none (some local ones when streaming) get
 * our estimate, so per-user budgets still count something.
 */
function toUsage(
  usage: OpenAI.CompletionUsage | undefined | null,
  promptEstimate: number,
  content: string,
): TokenUsage {
  if (!usage) {
    return {
      requests: 1,
      promptTokens: promptEstimate,
      completionTokens: estimateTextTokens(content),
      cachedTokens: 0,
    };
  }
  return {
    requests: 1,
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

/**
 * Whether the server needs `max_tokens` besides `max_completion_tokens` to bound a reply:
 * OpenAI-compatible local servers may ignore the newer field (Ollama's /v1 does, ollama#7125),
 * leaving the reply unbounded; OpenAI's own reasoning models reject `max_tokens`, so OpenAI and
 * Azure OpenAI get only the newer field.
 */
function capsWithMaxTokens(baseURL: string | undefined): boolean {
  if (baseURL === undefined) return false;
  try {
    const host = new URL(baseURL).hostname;
    return host !== 'api.openai.com' && !host.endsWith('.openai.azure.com');
  } catch {
    return true;
  }
}

/** OpenAI reasoning models (o1, o3, o4-mini, gpt-5…) reject a temperature other than 1. */
export function fixedTemperature(model: string): boolean {
  return /^(o\d|gpt-5)/i.test(model.replace(/^.*\//, ''));
}

/** Some local models wrap JSON in a Markdown fence even in JSON mode. */
function stripCodeFence(content: string): string {
  const match = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(content);
  return match ? match[1]! : content;
}

/**
 * Whether an error says the server is not answering (what the breaker counts): no reply in
 * time, no connection, a 5xx or 408. A 429 or a 4xx is an answer from a live server.
 */
function isNotAnswering(error: unknown): boolean {
  if (error instanceof APIError && typeof error.status === 'number') {
    return error.status >= 500 || error.status === 408;
  }
  return true;
}
