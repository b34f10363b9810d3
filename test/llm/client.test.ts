import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LlmClient } from '../../src/llm/client.ts';
import { RequestLimiter } from '../../src/llm/limiter.ts';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';

const Answer = z.strictObject({ answer: z.string(), level: z.number().int().min(1).max(4) });

let server: FakeOpenAIServer;
const limiters: RequestLimiter[] = [];

beforeAll(async () => {
  server = await startFakeOpenAI({ cache: { minTokens: 1, step: 1 } });
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  server.reset();
  await Promise.all(limiters.splice(0).map((l) => l.close()));
});

function makeClient(overrides: Partial<ConstructorParameters<typeof LlmClient>[0]> = {}) {
  const waits: number[] = [];
  const limiter = new RequestLimiter({
    requestsPerWindow: 10_000,
    tokensPerWindow: 10_000_000,
    windowMs: 60_000,
    maxConcurrent: 4,
  });
  limiters.push(limiter);
  const client = new LlmClient({
    apiKey: 'test-key',
    baseURL: server.url,
    model: 'test-model',
    timeoutMs: 2_000,
    maxRetries: 2,
    maxRetryAfterMs: 5_000,
    limiter,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, waits };
}

const request = {
  purpose: 'test',
  schemaName: 'answer',
  schema: Answer,
  messages: [
    { role: 'system' as const, content: 'You answer.' },
    { role: 'user' as const, content: 'Question?' },
  ],
  temperature: 0,
  maxCompletionTokens: 200,
};

describe('LlmClient through the openai SDK against the local server', () => {
  it('sends a strict json_schema request and returns the validated value with usage', async () => {
    server.on({ schema: 'answer' }, reply.json({ answer: 'yes', level: 3 }));
    const { client } = makeClient();
    const result = await client.structured(request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ answer: 'yes', level: 3 });
    expect(result.model).toBe('test-model');
    expect(result.usage.requests).toBe(1);
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    const [sent] = server.requests;
    expect(sent?.body.response_format?.type).toBe('json_schema');
    expect(sent?.body.response_format?.json_schema?.strict).toBe(true);
    expect(sent?.body.temperature).toBe(0);
    expect(sent?.body.max_completion_tokens).toBe(200);
    expect(sent?.headers.authorization).toBe('Bearer test-key');
  });

  it('also caps the reply with max_tokens for a local server (Ollama ignores max_completion_tokens)', async () => {
    server.on({ schema: 'answer' }, reply.json({ answer: 'yes', level: 3 }));
    const { client } = makeClient();
    expect((await client.structured(request)).ok).toBe(true);
    const [sent] = server.requests;
    expect(sent?.body.max_completion_tokens).toBe(200);
    expect(sent?.body.max_tokens).toBe(200);
  });
});

describe('LlmClient faults: retried within one budget, then an honest failure', () => {
  it('honours retry-after on 429 (seconds and ms forms) when within the cap', async () => {
    server
      .once({ schema: 'answer' }, reply.rateLimited({ retryAfterS: 2 }))
      .once({ schema: 'answer' }, reply.rateLimited({ retryAfterMs: 750 }))
      .on({ schema: 'answer' }, reply.json({ answer: 'ok', level: 2 }));
    const { client, waits } = makeClient();
    const result = await client.structured(request);
    expect(result.ok).toBe(true);
    expect(waits).toEqual([2_000, 750]);
    expect(result.usage.requests).toBe(3);
  });

  it('does not wait longer than the cap: a retry-after beyond it ends the call at once', async () => {
    server.on({ schema: 'answer' }, reply.rateLimited({ retryAfterS: 3_600 }));
    const { client, waits } = makeClient({ maxRetryAfterMs: 5_000 });
    const result = await client.structured(request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(waits).toEqual([]);
    expect(result.reason).toMatch(/retry-after 3600s exceeds the 5s cap/);
    expect(server.requests).toHaveLength(1);
  });

  it('backs off exponentially (with jitter, capped) on 5xx, then succeeds', async () => {
    server
      .once({ schema: 'answer' }, reply.serverError(500))
      .once({ schema: 'answer' }, reply.serverError(503))
      .on({ schema: 'answer' }, reply.json({ answer: 'ok', level: 4 }));
    const { client, waits } = makeClient({ baseDelayMs: 400 });
    const result = await client.structured(request);
    expect(result.ok).toBe(true);
    // random() = 0.5: half the step plus a quarter → 0.75 × step; steps 400, 800.
    expect(waits).toEqual([300, 600]);
  });

  it('gives up after the retry budget on persistent 500s, with the reason', async () => {
    server.on({ schema: 'answer' }, reply.serverError(500));
    const { client } = makeClient({ maxRetries: 1 });
    const result = await client.structured(request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('server error (500)');
    expect(result.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('times out a request that hangs, then retries', async () => {
    server
      .once({ schema: 'answer' }, reply.hang())
      .on({ schema: 'answer' }, reply.json({ answer: 'late but fine', level: 3 }));
    const { client } = makeClient({ timeoutMs: 300 });
    const result = await client.structured(request);
    expect(result.ok).toBe(true);
    expect(server.requests.map((r) => r.outcome)).toEqual(['hang', 'replied']);
  });

  // The SDK's own timeout ends once the headers arrive; a stalled body must time out too.
  it.each([
    ['a JSON body', false],
    ['an SSE stream', true],
  ])(
    'times out a server that sends headers and then stalls %s',
    async (_, stream) => {
      const stalled: ServerResponse[] = [];
      const stalling = createServer((_req, res) => {
        stalled.push(res);
        res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
        res.write(
          stream ? 'data: {"id":"x","object":"chat.completion.chunk",' : '{"id": "chatcmpl-',
        );
      });
      await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = stalling.address() as AddressInfo;
        const { client } = makeClient({
          baseURL: `http://127.0.0.1:${port}/v1`,
          timeoutMs: 300,
          maxRetries: 1,
          stream,
        });
        const result = await client.structured(request);
        expect(result.ok).toBe(false);
        expect(result.ok ? [] : result.problems).toEqual([
          'request timed out',
          'request timed out',
        ]);
        expect(stalled).toHaveLength(2);
      } finally {
        stalling.closeAllConnections();
        await new Promise((resolve) => stalling.close(resolve));
      }
    },
    15_000,
  );

  it('does not retry a request the server rejects as invalid (400)', async () => {
    server.on({ schema: 'answer' }, reply.error(400, 'bad request'));
    const { client } = makeClient();
    const result = await client.structured(request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/request rejected \(400\)/);
    expect(server.requests).toHaveLength(1);
  });

  it('retries malformed JSON content and a broken HTTP body', async () => {
    server
      .once({ schema: 'answer' }, reply.text('{"answer": "unterminated'))
      .once({ schema: 'answer' }, reply.brokenBody())
      .on({ schema: 'answer' }, reply.json({ answer: 'ok', level: 1 }));
    const { client } = makeClient();
    const result = await client.structured(request);
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it('retries schema-valid JSON with wrong content, telling the model what was wrong', async () => {
    server
      .once({ schema: 'answer' }, reply.json({ answer: 'x', level: 7 }))
      .on({ schema: 'answer' }, reply.json({ answer: 'x', level: 2 }));
    const { client } = makeClient();
    const result = await client.structured(request);
    expect(result.ok).toBe(true);
    const retry = server.requests[1]!;
    const last = retry.body.messages?.at(-1);
    expect(last?.role).toBe('user');
    expect(String(last?.content)).toMatch(/previous reply was rejected.*level/);
    // The prefix is unchanged, so provider prompt caching still applies.
    expect(retry.body.messages?.slice(0, 2)).toEqual(server.requests[0]!.body.messages);
  });

  it('runs the caller refine check and fails honestly when it never passes', async () => {
    server.on({ schema: 'answer' }, reply.json({ answer: 'made up', level: 2 }));
    const { client } = makeClient({ maxRetries: 2 });
    const result = await client.structured({
      ...request,
      refine: (value) =>
        value.answer === 'made up' ? { ok: false, problem: 'invented' } : { ok: true, value },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(['invented', 'invented', 'invented']);
    expect(result.usage.requests).toBe(3);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
  });

  it('streams over SSE when asked, and records usage from the final chunk', async () => {
    server.on({ schema: 'answer' }, reply.json({ answer: 'streamed', level: 3 }));
    const { client } = makeClient({ stream: true });
    const result = await client.structured(request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.answer).toBe('streamed');
    expect(server.requests[0]?.body.stream).toBe(true);
    expect(server.requests[0]?.body.stream_options).toEqual({ include_usage: true });
    expect(result.usage.promptTokens).toBeGreaterThan(0);
  });

  it('retries a stream cut off mid-way', async () => {
    server
      .once({ schema: 'answer' }, reply.streamCut({ answer: 'cut', level: 3 }))
      .on({ schema: 'answer' }, reply.json({ answer: 'whole', level: 3 }));
    const { client } = makeClient({ stream: true });
    const result = await client.structured(request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.answer).toBe('whole');
  });

  it('records cached prompt tokens reported by the provider', async () => {
    server.on({ schema: 'answer' }, reply.json({ answer: 'a', level: 1 }));
    const { client } = makeClient();
    const first = await client.structured(request);
    const second = await client.structured(request);
    expect(first.usage.cachedTokens).toBe(0);
    expect(second.usage.cachedTokens).toBeGreaterThan(0);
  });
});

describe('fixedTemperature', () => {
  it('leaves the temperature out for OpenAI reasoning models only', async () => {
    const { fixedTemperature } = await import('../../src/llm/client.ts');
    for (const model of ['o1', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini', 'openai/o3']) {
      expect(fixedTemperature(model), model).toBe(true);
    }
    for (const model of ['gpt-4o-mini', 'gpt-4.1', 'qwen2.5:14b', 'llama3.1', 'omni-x']) {
      expect(fixedTemperature(model), model).toBe(false);
    }
  });
});
