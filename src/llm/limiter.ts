/**
 * Global limits on LLM requests (bottleneck): requests per window, tokens per window and
 * requests in flight — in this process, or for all processes together through Redis.
 *
 * Two limiters, nested:
 *  - `slots` (outer): at most `maxConcurrent` requests in flight.
 *  - `pace` (inner): starts requests at least `windowMs / requestsPerWindow` apart, and draws
 *    each request's estimated tokens from a token bucket.
 * The request is sent the moment its `pace` job starts, so both the spacing and the tokens are
 * accounted at send time. (Had `pace` been outer, requests that waited for a concurrency slot
 * would leave in bursts.)
 *
 * Both are sized so that no sliding window of `windowMs` ever sees more than the limits — the
 * strictest reading of a provider's "per minute", which also satisfies providers that replenish
 * continuously:
 *  - requests: evenly spaced over the window plus a little slack (2% of it, at least 250 ms)
 *    for jitter: bottleneck schedules each start from the previous *planned* start, so a
 *    late timer or a slow Redis round trip for one request brings the next one closer;
 *  - tokens: a bucket of `TOKEN_BURST_FRACTION` of the budget, refilled every `windowMs / 60` by
 *    an amount chosen so that bucket + refills within any window stay under the budget (so the
 *    sustained rate is a little under 90% of the budget).
 * A job heavier than the bucket would wait forever, so its weight is clamped to the bucket size
 * (such a request is then under-counted; the provider's 429 and our retry cover the rest).
 */
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';

export interface LimiterSettings {
  requestsPerWindow: number;
  tokensPerWindow: number;
  /** 60 000 for per-minute limits; tests use shorter windows. */
  windowMs: number;
  maxConcurrent: number;
}

export interface LimiterClusterOptions {
  /**
   * The app's shared Redis connection (the store's): the limiter sends its commands over it and
   * never closes it. Bottleneck duplicates it once for its pub/sub, which needs a connection of
   * its own; the limiter closes that one.
   */
  redis: Redis;
  /** Shared by every process that must count together, e.g. `ml-interviewer`. */
  keyPrefix: string;
  /**
   * Longest a request may hold its slot before the cluster frees it (a process that died
   * mid-request must not hold a slot forever).
   */
  jobExpirationMs: number;
}

export interface LimiterEvents {
  error(error: unknown): void;
}

const SPACING_SLACK_FRACTION = 0.02;
const SPACING_SLACK_MIN_MS = 250;
const TOKEN_BURST_FRACTION = 0.1;
const REFILLS_PER_WINDOW = 60;
/** How long `close()` waits for requests still being sent. */
const CLOSE_WAIT_MS = 200;

/** The bottleneck settings that realise `settings`; exported for tests and the benchmark. */
export function limiterPlan(settings: LimiterSettings) {
  const { requestsPerWindow, tokensPerWindow, windowMs } = settings;
  const slack = Math.max(windowMs * SPACING_SLACK_FRACTION, SPACING_SLACK_MIN_MS);
  const minTime = Math.ceil((windowMs + slack) / requestsPerWindow);
  const bucketSize = Math.max(1, Math.floor(tokensPerWindow * TOKEN_BURST_FRACTION));
  const refillInterval = Math.max(10, Math.floor(windowMs / REFILLS_PER_WINDOW));
  // Refills that can land inside one window: windowMs / refillInterval, plus one at the edge.
  const refillsInWindow = Math.floor(windowMs / refillInterval) + 1;
  const refillAmount = Math.max(1, Math.floor((tokensPerWindow - bucketSize) / refillsInWindow));
  return { minTime, bucketSize, refillInterval, refillAmount };
}

export class RequestLimiter {
  private readonly slots: Bottleneck;
  private readonly pace: Bottleneck;
  private readonly connection: Bottleneck.IORedisConnection | null;
  /** Bottleneck's pub/sub connection, duplicated from the shared one: ours to close. */
  private readonly subscriber: Redis | null;
  private readonly expiration: number | undefined;
  /** The heaviest weight a job can have (the token bucket's size). */
  readonly bucketSize: number;

  constructor(
    readonly settings: LimiterSettings,
    cluster?: LimiterClusterOptions,
    events: LimiterEvents = { error() {} },
  ) {
    const plan = limiterPlan(settings);
    this.bucketSize = plan.bucketSize;

    let shared: Bottleneck.ConstructorOptions = {};
    if (cluster) {
      this.connection = new Bottleneck.IORedisConnection({ client: cluster.redis, Redis });
      this.connection.on('error', (error) => events.error(error));
      // Bottleneck keeps the duplicate in `subscriber` (a field its typings leave out). A
      // duplicate of a lazily connected client (the store's) waits for a first command, while
      // Bottleneck waits for it to be ready before subscribing: connect it now.
      this.subscriber = (this.connection as unknown as { subscriber: Redis }).subscriber;
      if (this.subscriber.status === 'wait') this.subscriber.connect().catch(events.error);
      // Processes configured alike share state; a changed configuration starts a fresh state
      // instead of inheriting the old limits from Redis.
      const fingerprint = [
        settings.requestsPerWindow,
        settings.tokensPerWindow,
        settings.windowMs,
        settings.maxConcurrent,
      ].join('-');
      shared = {
        datastore: 'ioredis',
        connection: this.connection,
        clearDatastore: false,
        // Drop the limiter's keys after ten idle windows.
        timeout: settings.windowMs * 10,
        id: `${cluster.keyPrefix}:llm:${fingerprint}`,
      };
      this.expiration = cluster.jobExpirationMs;
    } else {
      this.connection = null;
      this.subscriber = null;
      this.expiration = undefined;
    }

    this.slots = new Bottleneck({
      ...shared,
      id: `${shared.id ?? 'llm'}:slots`,
      maxConcurrent: settings.maxConcurrent,
    });
    this.pace = new Bottleneck({
      ...shared,
      id: `${shared.id ?? 'llm'}:pace`,
      minTime: plan.minTime,
      reservoir: plan.bucketSize,
      reservoirIncreaseAmount: plan.refillAmount,
      reservoirIncreaseInterval: plan.refillInterval,
      reservoirIncreaseMaximum: plan.bucketSize,
      // Bottleneck refills on its heartbeat, one amount per beat: beat as often as we refill.
      heartbeatInterval: plan.refillInterval,
    } as Bottleneck.ConstructorOptions);
    for (const limiter of [this.slots, this.pace]) {
      limiter.on('error', (error) => events.error(error));
    }
  }

  /** Resolves once the limiters are connected (immediately when local). */
  async ready(): Promise<void> {
    await Promise.all([this.slots.ready(), this.pace.ready()]);
  }

  /** Run `send` (one HTTP request) when the limits allow a request of `estimatedTokens`. */
  schedule<T>(estimatedTokens: number, send: () => Promise<T>): Promise<T> {
    const weight = Math.min(this.bucketSize, Math.max(1, Math.ceil(estimatedTokens)));
    if (this.expiration === undefined) {
      return this.slots.schedule(() => this.pace.schedule({ weight }, send));
    }
    // A slot is held while the request waits for its pace, which can take up to a window.
    const slotExpiration = this.expiration + this.settings.windowMs;
    return this.slots.schedule({ expiration: slotExpiration }, () =>
      this.pace.schedule({ expiration: this.expiration, weight }, send),
    );
  }

  /** Requests in this process not yet sent: waiting for a concurrency slot or for their pace. */
  waiting(): number {
    const slots = this.slots.counts();
    const pace = this.pace.counts();
    return slots.RECEIVED + slots.QUEUED + pace.RECEIVED + pace.QUEUED;
  }

  async close(): Promise<void> {
    const stopped = Promise.all([
      this.slots.stop({ dropWaitingJobs: true }),
      this.pace.stop({ dropWaitingJobs: true }),
    ]).catch(() => {});
    // stop() also waits for the requests being sent, which at shutdown may be the very ones
    // cut for the deadline (an LLM that does not answer): wait only briefly for them.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      stopped,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
    // stop() removed the limiters from the shared connection; only the pub/sub one is ours.
    if (this.subscriber) await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }
}
