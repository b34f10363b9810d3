/** Token usage arithmetic, shared by the engine (per session) and the LLM layer (per request). */
import type { TokenUsage } from './types.ts';

export function emptyUsage(): TokenUsage {
  return { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 };
}

export function addUsage(a: TokenUsage, b: TokenUsage | undefined): TokenUsage {
  if (!b) return a;
  return {
    requests: a.requests + b.requests,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    cachedTokens: a.cachedTokens + b.cachedTokens,
  };
}
