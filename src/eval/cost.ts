/**
 * Tokens and cost per answer for `eval --scorer llm`. Prices come from JUDGE_PRICE_INPUT_PER_MTOK
 * and JUDGE_PRICE_OUTPUT_PER_MTOK when set, else from the small table below; a model in neither
 * gets tokens only, and the report says how to give it a price. Cached prompt tokens are charged
 * at the full input price (providers charge less), so the cost is an upper bound.
 */
import type { TokenUsage } from '../engine/types.ts';

export interface ModelPrice {
  /** US$ per million prompt tokens. */
  inputPerMTok: number;
  /** US$ per million completion tokens (reasoning tokens included, as providers count them). */
  outputPerMTok: number;
}

export interface PriceSource extends ModelPrice {
  model: string;
  from: 'JUDGE_PRICE_*' | 'table';
}

/**
 * OpenAI's published standard list prices (US$ per million tokens), as the author knew them in
 * 2025; they change, so check them, or set JUDGE_PRICE_* for any model or provider.
 */
export const KNOWN_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
};

/**
 * The configured price, else the table's for the model: by exact name, or a dated snapshot of a
 * listed model (`gpt-4o-mini-2024-07-18`), after any `provider/` prefix. Null when unknown.
 */
export function priceFor(model: string, configured: ModelPrice | null): PriceSource | null {
  if (configured) return { ...configured, model, from: 'JUDGE_PRICE_*' };
  const name = model.replace(/^.*\//, '').toLowerCase();
  const dated = /^(.*)-\d{4}-\d{2}-\d{2}$/.exec(name)?.[1];
  const known = KNOWN_PRICES[name] ?? (dated ? KNOWN_PRICES[dated] : undefined);
  return known ? { ...known, model, from: 'table' } : null;
}

export interface UsageReport extends TokenUsage {
  /** Answers scored (items × runs). */
  scorings: number;
  perAnswer: { requests: number; promptTokens: number; completionTokens: number };
  /** US$ per answer, null when the model has no price. */
  costPerAnswer: number | null;
  price: PriceSource | null;
}

export function usageReport(
  total: TokenUsage,
  scorings: number,
  price: PriceSource | null,
): UsageReport {
  const per = (n: number) => (scorings === 0 ? 0 : n / scorings);
  const perAnswer = {
    requests: per(total.requests),
    promptTokens: per(total.promptTokens),
    completionTokens: per(total.completionTokens),
  };
  const costPerAnswer = price
    ? (perAnswer.promptTokens * price.inputPerMTok +
        perAnswer.completionTokens * price.outputPerMTok) /
      1_000_000
    : null;
  return { ...total, scorings, perAnswer, costPerAnswer, price };
}

const whole = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatUsage(usage: UsageReport): string {
  const { perAnswer, price } = usage;
  const lines = [
    `tokens per answer: ${whole(perAnswer.promptTokens)} in, ${whole(perAnswer.completionTokens)} out, ${perAnswer.requests.toFixed(1)} requests (over ${usage.scorings} scorings; ${whole(usage.cachedTokens)} of ${whole(usage.promptTokens)} prompt tokens cached)`,
  ];
  if (price && usage.costPerAnswer !== null) {
    const from = price.from === 'table' ? 'list price from src/eval/cost.ts' : 'from JUDGE_PRICE_*';
    lines.push(
      `cost per answer: $${usage.costPerAnswer.toFixed(5)} (${price.model} at $${price.inputPerMTok} in / $${price.outputPerMTok} out per million tokens, ${from}; cached tokens at full price)`,
    );
  } else {
    lines.push(
      'cost per answer: unknown for this model (set JUDGE_PRICE_INPUT_PER_MTOK and JUDGE_PRICE_OUTPUT_PER_MTOK)',
    );
  }
  return `${lines.join('\n')}\n`;
}
