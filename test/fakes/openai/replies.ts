/**
 * The replies the fake OpenAI server can be scripted with (content, API errors, a hang, a raw
 * body, a cut-off stream) and builders for the common ones.
 */
import type { RecordedRequest } from './requests.ts';

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

export function errorBody(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}
