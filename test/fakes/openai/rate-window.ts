/**
 * The fake OpenAI server's optional RPM/TPM sliding window: a request beyond it gets 429 with
 * `retry-after-ms` and `retry-after`, like the real API. Tokens are counted at admission.
 */
import { errorBody } from './replies.ts';
import type { RecordedRequest } from './requests.ts';

export interface RateLimits {
  rpm?: number;
  tpm?: number;
  windowMs?: number;
}

export class RateWindow {
  private readonly admitted: { at: number; tokens: number }[] = [];

  constructor(private readonly limits: RateLimits | undefined) {}

  /** Forget every admitted request. */
  reset(): void {
    this.admitted.length = 0;
  }

  /** Null when the request fits the window (and is then counted), else the 429 to send. */
  check(request: RecordedRequest): { body: unknown; headers: Record<string, string> } | null {
    const limits = this.limits;
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
}
