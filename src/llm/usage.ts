/**
 * Token accounting: adding up usage across requests, and estimating a request's tokens before
 * it is sent (for the tokens-per-minute limiter, which must never under-count).
 */
export { addUsage, emptyUsage } from '../engine/usage.ts';

/**
 * A generous estimate of a text's tokens without a tokenizer: English runs about four
 * characters per token, Chinese about one character per token or a little more. Counting every
 * non-ASCII character as a whole token keeps the estimate on the high side for both.
 */
export function estimateTextTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4) + other;
}

/** Per-message overhead in the chat format (role, separators). */
const MESSAGE_OVERHEAD_TOKENS = 4;

/**
 * What one image costs at most in prompt tokens: OpenAI's high-detail tiling of an image scaled
 * to 2048×768 comes to 1,105; other providers are in the same range. On the high side, like the
 * text estimate, so the tokens-per-minute limiter never under-counts.
 */
export const IMAGE_TOKENS_ESTIMATE = 1_500;

type Content = string | readonly ({ type: 'text'; text: string } | { type: 'image_url' })[];

function estimateContentTokens(content: Content): number {
  if (typeof content === 'string') return estimateTextTokens(content);
  return content.reduce(
    (sum, part) =>
      sum + (part.type === 'text' ? estimateTextTokens(part.text) : IMAGE_TOKENS_ESTIMATE),
    0,
  );
}

/** Estimated tokens a request counts against a tokens-per-minute limit: prompt plus budget. */
export function estimateRequestTokens(
  messages: readonly { content: Content }[],
  maxCompletionTokens: number,
): number {
  const prompt = messages.reduce(
    (sum, m) => sum + estimateContentTokens(m.content) + MESSAGE_OVERHEAD_TOKENS,
    0,
  );
  return prompt + maxCompletionTokens;
}
