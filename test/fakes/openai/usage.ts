/**
 * The usage numbers the fake OpenAI server reports: prompt tokens ≈ characters / 4, and cached
 * tokens = the prefix shared with an earlier prompt, rounded like provider prompt caching.
 */
import type { FakeReply } from './replies.ts';
import { fakeTokenCount } from './requests.ts';

/** Prompt caching as providers do it: nothing below `minTokens`, then in steps of `step`. */
export interface CacheSettings {
  minTokens: number;
  step: number;
}

export type Usage = ReturnType<UsageCounter['usageFor']>;

export class UsageCounter {
  /** The latest prompts (up to 100), for prompt-cache hits. */
  private readonly prompts: string[] = [];

  constructor(private readonly cache: CacheSettings | undefined) {}

  /** Forget the prompt cache. */
  reset(): void {
    this.prompts.length = 0;
  }

  usageFor(
    promptKey: string,
    fake: Extract<FakeReply, { kind: 'content' }>,
    completionBudget: number,
  ) {
    const promptTokens = fake.usage?.prompt_tokens ?? fakeTokenCount(promptKey);
    let completionTokens = fake.usage?.completion_tokens ?? fakeTokenCount(fake.content);
    if (completionBudget > 0) completionTokens = Math.min(completionTokens, completionBudget);
    const cachedTokens = fake.usage?.cached_tokens ?? this.cachedTokens(promptKey);
    this.prompts.push(promptKey);
    if (this.prompts.length > 100) this.prompts.shift();
    return {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: cachedTokens },
      completion_tokens_details: { reasoning_tokens: 0 },
    };
  }

  /** The longest prefix shared with an earlier prompt, in tokens, rounded as providers do. */
  private cachedTokens(promptKey: string): number {
    const { minTokens, step } = this.cache ?? { minTokens: 1024, step: 128 };
    let best = 0;
    for (const earlier of this.prompts) {
      const limit = Math.min(earlier.length, promptKey.length);
      let i = 0;
      while (i < limit && earlier.charCodeAt(i) === promptKey.charCodeAt(i)) i++;
      best = Math.max(best, i);
    }
    const tokens = Math.floor(best / 4);
    return tokens < minTokens ? 0 : Math.floor(tokens / step) * step;
  }
}
