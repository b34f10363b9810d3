/**
 * Operations, assembled per app: the process turn gate, metrics, the store monitor, the
 * per-turn log line and the readiness answer. The composition root creates it first (the
 * engine and the LLM client report into it) and attaches the store and LLM once they exist.
 */
import type { Config } from '../config.ts';
import type { EngineLogger, LlmHealth, SessionStore } from '../engine/ports.ts';
import type { LlmCallEvent } from '../llm/client.ts';
import type { OpsEndpoints, Readiness } from './http.ts';
import { OpsMetrics } from './metrics.ts';
import { StoreMonitor } from './store-monitor.ts';
import { timedStore } from './timed-store.ts';
import { ProcessTurnGate } from './turn-gate.ts';
import { logTurns } from './turn-log.ts';

/** An id no session has: reading it costs one round trip and finds nothing. */
const HEALTH_CHECK_ID = 'ops:health-check';

export class Ops implements OpsEndpoints {
  readonly gate: ProcessTurnGate;
  readonly metrics: OpsMetrics;
  private monitor: StoreMonitor | null = null;
  private llmHealth: LlmHealth | null = null;

  constructor(
    config: Pick<Config, 'llm' | 'ops'>,
    private readonly logger: EngineLogger,
    options: { processMetrics?: boolean } = {},
  ) {
    this.gate = new ProcessTurnGate({
      maxConcurrentLlm: config.llm.maxConcurrent,
      maxQueuedLlm: config.llm.maxQueue,
      checkStore: async () => (this.monitor ? this.monitor.checkNow() : true),
    });
    this.metrics = new OpsMetrics({
      queueDepth: () => this.gate.llmTurnsInFlight,
      limiterWaiting: () => this.limiterWaiting(),
      storeIsUp: () => this.monitor?.isUp ?? true,
      processMetrics: options.processMetrics,
    });
    this.gate.onFinished(logTurns(logger, config.ops.logAnswerText));
    this.gate.onFinished((turn) =>
      this.metrics.turn(
        turn.report.command,
        turn.outcome.ok ? 'ok' : turn.outcome.error.code,
        turn.latencyMs / 1000,
        turn.report.sessionId,
      ),
    );
    this.storeCheckMs = config.ops.storeCheckMs;
  }

  private readonly storeCheckMs: number;

  /** For the LLM client: every request counted by model. */
  readonly llmObserver = (call: LlmCallEvent): void => this.metrics.llmCall(call);

  /** The store, timed, and watched: turns are refused (and cut) while it does not answer. */
  watchStore<S extends SessionStore>(store: S): S {
    const timed = timedStore(store, (operation, seconds) =>
      this.metrics.storeCall(operation, seconds),
    );
    this.monitor = new StoreMonitor({
      check: () => timed.get(HEALTH_CHECK_ID),
      intervalMs: this.storeCheckMs,
      timeoutMs: this.storeCheckMs,
      onChange: (up, reason) => {
        if (up) this.logger.info({}, 'store answers again: taking turns');
        else this.logger.error({ reason }, 'store not answering: refusing turns until it does');
        this.gate.setStoreDown(!up);
      },
    });
    return timed;
  }

  watchLlm(llm: { health: LlmHealth; waiting(): number } | null): void {
    this.llmHealth = llm?.health ?? null;
    this.limiterWaiting = llm ? () => llm.waiting() : () => 0;
  }

  private limiterWaiting: () => number = () => 0;

  readiness(): Readiness {
    const outage = this.llmHealth?.outage() ?? null;
    const checks: Readiness['checks'] = {
      accepting: {
        ok: !this.gate.isDraining,
        ...(this.gate.isDraining ? { detail: 'shutting down' } : {}),
      },
      store: {
        ok: this.monitor?.isUp ?? true,
        ...(this.monitor?.reason ? { detail: this.monitor.reason } : {}),
      },
      llm: {
        ok: outage === null,
        detail:
          this.llmHealth === null ? 'offline (no LLM configured)' : (outage?.reason ?? 'answering'),
      },
    };
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }

  async metricsText(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.metrics.contentType, body: await this.metrics.text() };
  }

  /** Start watching (once the app is assembled: a failed start-up leaves no timer behind). */
  start(): void {
    this.monitor?.start();
  }

  close(): void {
    this.monitor?.stop();
  }
}
