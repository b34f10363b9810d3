/**
 * Telling a candidate, in the conversation, when the LLM path switches off (the circuit breaker
 * opened: turns run offline at once) and when it is back. Each session is told once per
 * outage, whichever of its turns first meets it. In memory: after a restart the breaker is
 * closed again anyway.
 */
import type { LlmHealth } from './ports.ts';
import { notices } from './notices.ts';
import type { Lang } from './types.ts';

/** Sessions told about an outage; bounded so a long outage on a busy bot cannot grow it. */
const MAX_TOLD = 10_000;

export class LlmOutageNotices {
  private readonly told = new Set<string>();

  constructor(
    private readonly health: LlmHealth,
    private readonly now: () => number,
  ) {}

  /** After a turn that may have used the LLM: what to tell this session, if anything. */
  afterTurn(sessionId: string, lang: Lang): string | null {
    const outage = this.health.outage();
    if (outage) {
      if (this.told.has(sessionId)) return null;
      if (this.told.size >= MAX_TOLD) this.told.clear();
      this.told.add(sessionId);
      const seconds = Math.max(1, Math.ceil((outage.retryAt - this.now()) / 1000));
      return notices(lang).llmOffline(outage.reason, seconds);
    }
    if (!this.told.delete(sessionId)) return null;
    return notices(lang).llmBack;
  }
}
