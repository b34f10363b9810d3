/**
 * Is the answer about this stage and this scenario at all? An answer to another stage (say,
 * serving details given when asked for requirements) or to another scenario (ride matching
 * when asked about violent-content detection) scores 1 however good it is, as in a real
 * interview. Both checks compare against the best alternative and need a wide margin, so an
 * answer that merely touches a neighbouring stage or a related product is not caught.
 */
import type { StageId } from '../../knowledge/schema.ts';
import { conceptsIn } from './concepts.ts';
import type { Lexicon } from './lexicon.ts';
import { affinities, contentWords } from './terms.ts';

export interface OffStage {
  stage: StageId;
  /** Concepts of that stage found in the answer (ones shared with this stage excluded). */
  theirs: number;
  ours: number;
  /** Concepts of all other stages together (ones shared with this stage excluded). */
  elsewhere: number;
  /** The other stages the text names two concepts or more of, the most named first. */
  named: StageId[];
  /** Set by isFarMore when the answer is spread over several other stages, none far ahead. */
  spread?: boolean;
}

export interface OffScenario {
  scenario: string;
  theirs: number;
  ours: number;
}

/**
 * The other stage whose concepts the text names most (ones shared with `stage` excluded), with
 * that count, the text's own-stage count and how many distinct concepts of all other stages it
 * names; null when the stage is unknown.
 */
export function closestOtherStage(text: string, stage: StageId, lexicon: Lexicon): OffStage | null {
  const own = lexicon.stages.get(stage);
  if (!own) return null;
  const ownKeys = own.keys;
  const ours = conceptsIn(text, own.all).size;
  let best: OffStage | null = null;
  const elsewhere = new Set<string>();
  const counts: [StageId, number][] = [];
  for (const [other, entry] of lexicon.stages) {
    if (other === stage) continue;
    const theirs = [...conceptsIn(text, entry.all)].filter((k) => !ownKeys.has(k));
    for (const k of theirs) elsewhere.add(k);
    counts.push([other, theirs.length]);
    if (!best || theirs.length > best.theirs)
      best = { stage: other, theirs: theirs.length, ours, elsewhere: 0, named: [] };
  }
  if (best) {
    best.elsewhere = elsewhere.size;
    // Stable sort: ties keep the framework's order, as `best` does.
    best.named = counts
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1])
      .map(([s]) => s);
  }
  return best;
}

/** The other stage the answer addresses instead of `stage`, if it clearly does. */
export function detectOffStage(text: string, stage: StageId, lexicon: Lexicon): OffStage | null {
  return isFarMore(closestOtherStage(text, stage, lexicon));
}

/**
 * "Far more": at least three concepts of the other stage and three times our own; or, for an
 * answer spread over several other stages (a modeling-and-serving plan given when asked about
 * data), at least ten concepts of other stages together and five times our own. The second
 * margin is wide on purpose: a strong answer touches its neighbours, and in the content of the
 * scoring corpus's answers labeled 2 or more and the development sets' answers written at 2 or
 * more (they are not labeled) it never passes 2.75. The stage named is still the one other stage
 * the answer names most.
 */
export function isFarMore(best: OffStage | null): OffStage | null {
  if (!best) return null;
  const oneStage = best.theirs >= 3 && best.theirs >= 3 * Math.max(1, best.ours);
  const spread = best.elsewhere >= 10 && best.elsewhere >= 5 * Math.max(1, best.ours);
  if (oneStage) return best;
  return spread ? { ...best, spread: true } : null;
}

/** The other scenario the answer is about instead of `scenario`, if it clearly is. */
export function detectOffScenario(
  text: string,
  scenario: string,
  lexicon: Lexicon,
): OffScenario | null {
  const scores = affinities(lexicon.scenarioTerms, contentWords(text));
  const ours = scores.get(scenario);
  if (ours === undefined) return null; // scenario not indexed (scorer built without it)
  let best: OffScenario | null = null;
  for (const [id, theirs] of scores) {
    if (id === scenario) continue;
    if (!best || theirs > best.theirs) best = { scenario: id, theirs, ours };
  }
  if (!best || lexicon.scenarioTerms.docs.size < 2) return null;
  // "Far more": three times our affinity, and ahead by about three words found in that
  // scenario alone (a word unique to one scenario weighs log N).
  const scenarioCount = lexicon.scenarioTerms.docs.size;
  const margin = 3 * Math.log(scenarioCount);
  return best.theirs >= 3 * ours && best.theirs - ours >= margin ? best : null;
}
