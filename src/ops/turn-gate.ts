/**
 * The process's turn gate (the engine's `TurnGate` port): what this process takes on, as a
 * whole. It refuses new turns while draining for shutdown or while the store is unreachable,
 * bounds the LLM work queued here (beyond the bound the candidate is told at once when to try
 * again, instead of waiting silently behind the rate limiter), and cuts turns in flight short
 * when the shutdown deadline comes or the store is lost, so the candidate hears about it on
 * their own surface (the adapter renders the cut outcome like any other).
 */
import type { TurnEntry, TurnGate as TurnGatePort, TurnReport } from '../engine/ports.ts';
import type { EngineError, EngineRequest, Outcome } from '../engine/types.ts';

export interface TurnGateOptions {
  /** LLM requests this process sends at once (LLM_MAX_CONCURRENT). */
  maxConcurrentLlm: number;
  /** LLM turns that may wait beyond those (LLM_MAX_QUEUE); more are refused as `overloaded`. */
  maxQueuedLlm: number;
  now?: () => number;
  /** Whether the store answers now (a bounded check); absent: failures are shown as they are. */
  checkStore?: () => Promise<boolean>;
}

export interface FinishedTurn {
  request: EngineRequest;
  outcome: Outcome;
  report: TurnReport;
  latencyMs: number;
  /** Why the turn was cut short, if it was. */
  cut: EngineError['code'] | null;
}

interface Running {
  usesLlm: boolean;
  cut(error: EngineError): void;
  done: Promise<void>;
}

/** Until turns have been timed, a guess of how long an LLM turn takes. */
const INITIAL_TURN_MS = 10_000;
/** Weight of the newest turn in the moving average of LLM turn time. */
const SMOOTHING = 0.2;
const MIN_RETRY_SECONDS = 5;

export class ProcessTurnGate implements TurnGatePort {
  private readonly running = new Set<Running>();
  private draining = false;
  private storeDown = false;
  private llmTurns = 0;
  private llmTurnMs = INITIAL_TURN_MS;
  private readonly listeners: ((turn: FinishedTurn) => void)[] = [];
  private readonly now: () => number;

  constructor(private readonly options: TurnGateOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Called once per finished (or cut, or refused) turn: the log line and the metrics. */
  onFinished(listener: (turn: FinishedTurn) => void): void {
    this.listeners.push(listener);
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** LLM turns running or waiting in this process (the queue depth candidates see). */
  get llmTurnsInFlight(): number {
    return this.llmTurns;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  enter(request: EngineRequest, usesLlm: boolean): TurnEntry {
    const refused = this.refusal(usesLlm);
    if (refused) {
      this.emit({
        request,
        outcome: { ok: false, lang: request.lang ?? 'en', error: refused },
        report: emptyReport(request),
        latencyMs: 0,
        cut: null,
      });
      return { ok: false, error: refused };
    }
    const started = this.now();
    let cutWith: (error: EngineError) => void = () => {};
    let cutCode: EngineError['code'] | null = null;
    const cut = new Promise<EngineError>((resolve) => {
      cutWith = resolve;
    });
    let markDone: () => void = () => {};
    const entry: Running = {
      usesLlm,
      cut: (error) => {
        cutCode ??= error.code;
        cutWith(error);
      },
      done: new Promise<void>((resolve) => {
        markDone = resolve;
      }),
    };
    this.running.add(entry);
    if (usesLlm) this.llmTurns++;
    let finished = false;
    return {
      ok: true,
      cut,
      review: (outcome) => this.review(outcome),
      finish: (outcome, report) => {
        if (finished) return;
        finished = true;
        this.running.delete(entry);
        const latencyMs = this.now() - started;
        if (usesLlm) {
          this.llmTurns--;
          if (cutCode === null) {
            this.llmTurnMs = (1 - SMOOTHING) * this.llmTurnMs + SMOOTHING * latencyMs;
          }
        }
        markDone();
        this.emit({ request, outcome, report, latencyMs, cut: cutCode });
      },
    };
  }

  /** The store stopped (or started again) answering: refuse turns while down, cut those waiting. */
  setStoreDown(down: boolean): void {
    if (down === this.storeDown) return;
    this.storeDown = down;
    if (down) this.cutAll({ code: 'store-down' });
  }

  /**
   * Stop taking turns and wait for the ones in flight, at most `withinMs`; those still running
   * then are cut (the candidate is asked to send again). Resolves when every turn has given its
   * outcome to its adapter.
   */
  async drain(withinMs: number): Promise<{ finished: number; cut: number }> {
    this.draining = true;
    const before = this.running.size;
    const all = Promise.all([...this.running].map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), withinMs);
    });
    const result = await Promise.race([all.then(() => 'done' as const), deadline]);
    clearTimeout(timer);
    let cut = 0;
    if (result === 'deadline') {
      cut = this.running.size;
      this.cutAll({ code: 'restarting', params: { resend: 1 } });
      await all;
    }
    return { finished: before - cut, cut };
  }

  /** An unexpected failure while the store does not answer: say so, and ask to resend. */
  private async review(outcome: Outcome): Promise<Outcome> {
    if (outcome.ok || outcome.error.code !== 'internal' || !this.options.checkStore) return outcome;
    if (await this.options.checkStore()) return outcome;
    return { ok: false, lang: outcome.lang, error: { code: 'store-down' } };
  }

  private cutAll(error: EngineError): void {
    for (const entry of this.running) entry.cut(error);
  }

  private refusal(usesLlm: boolean): EngineError | null {
    if (this.draining) return { code: 'restarting' };
    if (this.storeDown) return { code: 'store-down' };
    const { maxConcurrentLlm, maxQueuedLlm } = this.options;
    if (usesLlm && this.llmTurns >= maxConcurrentLlm + maxQueuedLlm) {
      return { code: 'overloaded', params: { retryAfterSeconds: this.retryAfterSeconds() } };
    }
    return null;
  }

  /**
   * When a place is likely free: the turns ahead, served `maxConcurrentLlm` at a time, at the
   * recent average LLM turn time.
   */
  private retryAfterSeconds(): number {
    const waves = Math.ceil(
      (this.llmTurns + 1 - this.options.maxConcurrentLlm) / this.options.maxConcurrentLlm,
    );
    const ms = Math.max(1, waves) * this.llmTurnMs;
    return Math.max(MIN_RETRY_SECONDS, Math.ceil(ms / 1000));
  }

  private emit(turn: FinishedTurn): void {
    for (const listener of this.listeners) {
      try {
        listener(turn);
      } catch {
        // Logging and metrics must never fail a turn.
      }
    }
  }
}

function emptyReport(request: EngineRequest): TurnReport {
  return {
    command: request.command.kind,
    sessionId: request.sessionId ?? null,
    stage: null,
    move: null,
    tokens: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 },
  };
}
