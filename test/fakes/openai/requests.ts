/**
 * What the fake OpenAI server records of a request, and how a scripted rule picks the requests
 * it answers (schema name, message text, or a predicate).
 */
import type { IncomingHttpHeaders } from 'node:http';

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

export interface Matcher {
  /** `response_format.json_schema.name` equals this. */
  schema?: string;
  /** The joined message text contains this. */
  contains?: string;
  test?: (request: RecordedRequest) => boolean;
}

/** Prompt tokens as the fake counts them: about four characters per token. */
export function fakeTokenCount(text: string): number {
  return Math.ceil(text.length / 4);
}

export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : ''))
      .join('');
  }
  return '';
}

export function matches(match: Matcher, request: RecordedRequest): boolean {
  if (match.schema !== undefined && request.schemaName !== match.schema) return false;
  if (match.contains !== undefined && !request.text.includes(match.contains)) return false;
  if (match.test && !match.test(request)) return false;
  return true;
}
