/**
 * The catalogues of wrong content read together: known wrong claims
 * (knowledge/misconceptions.yaml), terms misdefined or misused, metrics read backwards and
 * problems praised (knowledge/definitions.yaml), acronyms spelled out as something they do not stand for
 * (knowledge/acronyms.yaml), standard practices dismissed without a reason
 * (knowledge/dismissals.yaml) and choices the scenario's facts rule out. Ids: the claim's id;
 * `misdefined:`, `misused:`, `backwards:`, `praised:`, `dismissed:` or `misfit:` followed by the
 * entry's id;
 * `expanded:` followed by the acronym.
 */
import type { Scenario } from '../../knowledge/schema.ts';
import { shippedWrongClaims, wrongClaimsIn } from '../wrong-claims.ts';
import { misdefinedTermsIn, shippedDefinedTerms } from './definitions.ts';
import { misexpandedAcronymsIn, shippedAcronyms } from './acronyms.ts';
import { dismissalsIn, shippedPracticeCatalogue } from './dismissals.ts';
import { backwardsMetricsIn } from './metric-direction.ts';
import { praisedProblemsIn } from './praised-problems.ts';
import { scenarioMisfitsIn } from './scenario-misfit.ts';
import { misusedTermsIn } from './term-misuse.ts';

/**
 * The wrong claims the sentences make, from all the catalogues (each once). With `only`, just
 * the entries with those ids are read.
 */
export function wrongClaimsOf(
  sentences: readonly string[],
  scenario: Scenario,
  only?: ReadonlySet<string>,
): string[] {
  const keep = <T extends { id: string }>(entries: T[], prefix: string): T[] =>
    only ? entries.filter((e) => only.has(`${prefix}${e.id}`)) : entries;
  const terms = shippedDefinedTerms();
  const practices = shippedPracticeCatalogue();
  const dismissals = only
    ? {
        ...practices,
        practices: keep(practices.practices, 'dismissed:'),
        direct: keep(practices.direct, 'dismissed:'),
      }
    : practices;
  return [
    ...wrongClaimsIn(sentences, keep(shippedWrongClaims(), '')),
    ...misdefinedTermsIn(sentences, keep(terms, 'misdefined:'), terms).map(
      (id) => `misdefined:${id}`,
    ),
    ...misexpandedAcronymsIn(
      sentences,
      only ? shippedAcronyms().filter((a) => only.has(`expanded:${a.acronym}`)) : shippedAcronyms(),
    ).map((id) => `expanded:${id}`),
    ...dismissalsIn(sentences, dismissals).map((id) => `dismissed:${id}`),
    ...misusedTermsIn(sentences, terms, keep(terms, 'misused:')).map((id) => `misused:${id}`),
    ...backwardsMetricsIn(sentences, terms, keep(terms, 'backwards:')).map(
      (id) => `backwards:${id}`,
    ),
    ...praisedProblemsIn(sentences, keep(terms, 'praised:')).map((id) => `praised:${id}`),
    ...scenarioMisfitsIn(sentences, scenario)
      .map((id) => `misfit:${id}`)
      .filter((id) => !only || only.has(id)),
  ];
}

/**
 * Which of `found` (what `wrongClaimsOf` found in the whole answer) each sentence makes. Only
 * the entries found are read again, so this costs little next to the scan that found them.
 */
export function wrongClaimsPerSentence(
  sentences: readonly string[],
  found: readonly string[],
  scenario: Scenario,
): string[][] {
  if (found.length === 0) return sentences.map(() => []);
  const only = new Set(found);
  return sentences.map((s) => wrongClaimsOf([s], scenario, only));
}

/**
 * The example sentences of the shipped catalogues' claims, term definitions and practices: the
 * wrong ones each entry must flag and the right ones it must not. Together they are a labeled set
 * of wrong and correct sentences about the field (see wrong-likeness.ts). The terms' example
 * uses (`uses` in definitions.yaml) are not among them: the model was designed and measured
 * without them.
 */
export function catalogueExamples(): { wrong: string[]; right: string[] } {
  const practices = shippedPracticeCatalogue();
  const entries: { examples: { wrong: string[]; right: string[] } }[] = [
    ...shippedWrongClaims(),
    ...shippedDefinedTerms(),
    ...practices.practices,
    ...practices.direct,
  ];
  return {
    wrong: entries.flatMap((e) => e.examples.wrong),
    right: entries.flatMap((e) => e.examples.right),
  };
}
