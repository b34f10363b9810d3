/**
 * Whether the configured model takes images (LLM_VISION). `on` and `off` say so outright;
 * `auto` matches the model's name (after any `provider/` prefix) against the families below,
 * all of which accept `image_url` parts in Chat Completions. A model not listed is taken as
 * text-only: set LLM_VISION=on for it.
 */

/** Model-name patterns known to take images (documented in the README, "Diagrams as images"). */
export const VISION_MODEL_PATTERNS: readonly RegExp[] = [
  /^gpt-4o/i, // gpt-4o, gpt-4o-mini
  /^gpt-4\.1/i, // gpt-4.1, -mini, -nano
  /^gpt-4-turbo/i,
  /^gpt-4-vision/i,
  /^gpt-5/i,
  /^o1(?!-mini)/i, // o1 (not o1-mini)
  /^o3(?!-mini)/i, // o3 (not o3-mini)
  /^o4-mini/i,
  /^chatgpt-4o/i,
  /^claude-(3|sonnet-4|opus-4|haiku-4)/i,
  /^gemini/i,
  /^(llava|bakllava)/i,
  /^llama-?3\.2.*vision/i,
  /^llama-?4/i,
  /^qwen[\d.]*-?vl/i, // qwen-vl, qwen2-vl, qwen2.5-vl
  /^pixtral/i,
  /^(mistral-small-3\.[12]|mistral-medium-3)/i,
  /^gemma-?3(?!n)/i,
  /^minicpm-v/i,
  /^internvl/i,
  /^glm-4(\.\d+)?v/i,
  /vision/i,
];

export type VisionSetting = 'auto' | 'on' | 'off';

export function modelTakesImages(model: string): boolean {
  const name = model.replace(/^.*\//, '').replace(/:.*$/, '');
  return VISION_MODEL_PATTERNS.some((p) => p.test(name));
}

/** Whether images go to `model` under the setting (no model at all: never). */
export function visionEnabled(setting: VisionSetting, model: string | null): boolean {
  if (model === null || setting === 'off') return false;
  return setting === 'on' || modelTakesImages(model);
}
