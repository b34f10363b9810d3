/**
 * Dismissing a standard practice without a sound reason: "baselines are pointless", "skip the
 * A/B test and ship it to everyone", "监控没必要". A confident answer that waves away what
 * the rubric asks for is worse than one that leaves it out, however fluent it is.
 *
 * A dismissal is a sentence that names a practice (knowledge/dismissals.yaml `practices`) and
 * waves it away (`cues`), or states a backwards practice outright (`direct`: "roll it out to
 * everyone at once"). A reasoned trade-off is not a dismissal: the same sentence giving a
 * constraint, a stage of the plan, a replacement that serves the same purpose, or a hedge
 * (`reasons`: "no A/B test at first: 200 users a day is too few, a staged rollout instead")
 * is left alone, and so is a sentence that rejects the dismissal (`rejections`: "never skip the
 * baseline").
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../../knowledge/loader.ts';
import { readCatalogue } from '../catalogue-file.ts';
import { compileBothLangs } from '../catalogue-patterns.ts';

const Patterns = z.strictObject({
  en: z.array(z.string()).default([]),
  zh: z.array(z.string()).default([]),
});
const Examples = z.strictObject({
  wrong: z.array(z.string()).min(1),
  right: z.array(z.string()).min(1),
});
const FileSchema = z.strictObject({
  version: z.literal(1),
  /** Words that wave a practice away. */
  cues: Patterns,
  /** A sentence with one of these gives a reason that can justify waving a practice away. */
  reasons: Patterns,
  /** A sentence with one of these rejects the dismissal ("never skip …"): nothing is dismissed. */
  rejections: Patterns,
  practices: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        names: Patterns,
        unless: Patterns.optional(),
        examples: Examples,
      }),
    )
    .min(1),
  /** Backwards practices that need no cue ("straight to 100% of users"). */
  direct: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      recognise: Patterns,
      unless: Patterns.optional(),
      examples: Examples,
    }),
  ),
});

interface Entry {
  id: string;
  recognise: RegExp[];
  /** `recognise` with the 'g' flag, to find where in the sentence. */
  where: RegExp[];
  unless: RegExp[];
  examples: z.infer<typeof Examples>;
}

export interface PracticeCatalogue {
  cues: RegExp[];
  cuesWhere: RegExp[];
  reasons: RegExp[];
  rejections: RegExp[];
  /** `recognise` holds the practice's names. */
  practices: Entry[];
  direct: Entry[];
}

/** Reads and validates a dismissals file; errors name the file and the entry. */
export function loadPracticeCatalogue(file: string): PracticeCatalogue {
  const d = readCatalogue(FileSchema, file);
  return {
    cues: compileBothLangs(d.cues, `${file}: cues`),
    cuesWhere: compileBothLangs(d.cues, `${file}: cues`, 'giu'),
    reasons: compileBothLangs(d.reasons, `${file}: reasons`),
    rejections: compileBothLangs(d.rejections, `${file}: rejections`),
    practices: d.practices.map((p) => ({
      id: p.id,
      recognise: compileBothLangs(p.names, `${file}: ${p.id}`),
      where: compileBothLangs(p.names, `${file}: ${p.id}`, 'giu'),
      unless: compileBothLangs(p.unless, `${file}: ${p.id}`),
      examples: p.examples,
    })),
    direct: d.direct.map((p) => ({
      id: p.id,
      recognise: compileBothLangs(p.recognise, `${file}: ${p.id}`),
      where: [],
      unless: compileBothLangs(p.unless, `${file}: ${p.id}`),
      examples: p.examples,
    })),
  };
}

let shipped: PracticeCatalogue | undefined;

/** The committed catalogue (knowledge/dismissals.yaml), read once. */
export function shippedPracticeCatalogue(): PracticeCatalogue {
  shipped ??= loadPracticeCatalogue(path.join(DEFAULT_KNOWLEDGE_DIR, 'dismissals.yaml'));
  return shipped;
}

/** How far (in characters) a cue may be from the practice it waves away. */
const NEAR = 35;

function spans(sentence: string, res: readonly RegExp[]): [number, number][] {
  return res.flatMap((re) =>
    [...sentence.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as [number, number]),
  );
}

/** Is some cue close to some name? ("overfitting is not a concern … validation set" waves away overfitting, not validation.) */
function near(cues: [number, number][], names: [number, number][]): boolean {
  return cues.some(([a, b]) => names.some(([c, d]) => Math.max(c - b, a - d, 0) <= NEAR));
}

/** The practices (and direct backwards practices) one sentence dismisses without a reason. */
export function dismissalsInSentence(sentence: string, catalogue: PracticeCatalogue): string[] {
  const any = (res: readonly RegExp[]) => res.some((re) => re.test(sentence));
  const made = (e: Entry) => any(e.recognise) && !any(e.unless);
  // A practice waved away with a reason (a constraint, a stage, a replacement, a hedge) is a
  // trade-off, and one argued for ("never skip it") is not waved away at all; a backwards
  // practice stated outright has no reason that makes it right (only its own `unless`).
  const waved =
    any(catalogue.cues) && !any(catalogue.reasons) && !any(catalogue.rejections)
      ? catalogue.practices.filter(
          (p) =>
            any(p.recognise) &&
            !any(p.unless) &&
            near(spans(sentence, catalogue.cuesWhere), spans(sentence, p.where)),
        )
      : [];
  return [...waved, ...catalogue.direct.filter(made)].map((e) => e.id);
}

/** The ids of the practices the sentences dismiss (each once). */
export function dismissalsIn(sentences: readonly string[], catalogue: PracticeCatalogue): string[] {
  return [...new Set(sentences.flatMap((s) => dismissalsInSentence(s, catalogue)))];
}
