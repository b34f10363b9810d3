/**
 * Wrong claims in an answer: an ML term misdefined ("isolation forest, a supervised model") or a
 * practice stated backwards ("SMOTE on the test set"), from knowledge/misconceptions.yaml. An
 * answer that names the right words but gets them wrong earns no credit for them: the offline
 * scorer weighs how many distinct wrong claims an answer makes (features.ts).
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/loader.ts';
import { readCatalogue } from './catalogue-file.ts';
import { compileBothLangs } from './catalogue-patterns.ts';

const PatternsSchema = z.strictObject({
  en: z.array(z.string()).default([]),
  zh: z.array(z.string()).default([]),
});
const ClaimSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  why: z.string().min(1),
  /** The same reason in Chinese, shown on a Chinese interview's scorecard. */
  why_zh: z.string().min(1).optional(),
  recognise: PatternsSchema,
  unless: PatternsSchema.optional(),
  /** Sentences that must (wrong) and must not (right) be recognised: checked by a test. */
  examples: z.strictObject({
    wrong: z.array(z.string()).min(1),
    right: z.array(z.string()).min(1),
  }),
});
const FileSchema = z.strictObject({ version: z.literal(1), claims: z.array(ClaimSchema).min(1) });

export interface WrongClaim {
  id: string;
  why: string;
  /** `why` in Chinese, when the catalogue gives it. */
  whyZh?: string;
  recognise: RegExp[];
  unless: RegExp[];
  examples: { wrong: string[]; right: string[] };
}

/** Reads and validates a misconceptions file; errors name the file and the claim. */
export function loadWrongClaims(file: string): WrongClaim[] {
  return readCatalogue(FileSchema, file).claims.map((c) => ({
    id: c.id,
    why: c.why,
    ...(c.why_zh ? { whyZh: c.why_zh } : {}),
    recognise: compileBothLangs(c.recognise, `${file}: ${c.id}`),
    unless: compileBothLangs(c.unless, `${file}: ${c.id}`),
    examples: c.examples,
  }));
}

let shipped: WrongClaim[] | undefined;

/** The committed catalogue (knowledge/misconceptions.yaml), read once. */
export function shippedWrongClaims(): WrongClaim[] {
  shipped ??= loadWrongClaims(path.join(DEFAULT_KNOWLEDGE_DIR, 'misconceptions.yaml'));
  return shipped;
}

/** The ids of the wrong claims the sentences make (each claim once). */
export function wrongClaimsIn(
  sentences: readonly string[],
  claims: readonly WrongClaim[],
): string[] {
  const found: string[] = [];
  for (const claim of claims) {
    const made = sentences.some(
      (s) => claim.recognise.some((re) => re.test(s)) && !claim.unless.some((re) => re.test(s)),
    );
    if (made) found.push(claim.id);
  }
  return found;
}
