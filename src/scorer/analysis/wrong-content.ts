/**
 * The five catalogues of wrong content read together: known wrong claims
 * (knowledge/misconceptions.yaml), terms misdefined or misused (knowledge/definitions.yaml),
 * standard practices dismissed without a reason (knowledge/dismissals.yaml) and choices the
 * scenario's facts rule out. Ids: the claim's id, `misdefined:`, `misused:`, `dismissed:` and
 * `misfit:` followed by the entry's id.
 */
import type { Scenario } from '../../knowledge/schema.ts';
import { shippedWrongClaims, wrongClaimsIn } from '../wrong-claims.ts';
import { misdefinedTermsIn, shippedDefinedTerms } from './definitions.ts';
import { dismissalsIn, dismissalsInSentence, shippedPracticeCatalogue } from './dismissals.ts';
import { scenarioMisfitsIn } from './scenario-misfit.ts';
import { misusedTermsIn, misuses } from './term-misuse.ts';

/** The wrong claims the sentences make, from all five catalogues (each once). */
export function wrongClaimsOf(sentences: readonly string[], scenario: Scenario): string[] {
  return [
    ...wrongClaimsIn(sentences, shippedWrongClaims()),
    ...misdefinedTermsIn(sentences, shippedDefinedTerms()).map((id) => `misdefined:${id}`),
    ...dismissalsIn(sentences, shippedPracticeCatalogue()).map((id) => `dismissed:${id}`),
    ...misusedTermsIn(sentences, shippedDefinedTerms()).map((id) => `misused:${id}`),
    ...scenarioMisfitsIn(sentences, scenario).map((id) => `misfit:${id}`),
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
  const ids = new Set(found);
  const terms = shippedDefinedTerms();
  const claims = shippedWrongClaims().filter((c) => ids.has(c.id));
  const misdefined = terms.filter((t) => ids.has(`misdefined:${t.id}`));
  const misused = terms.filter((t) => ids.has(`misused:${t.id}`));
  const practices = shippedPracticeCatalogue();
  const dismissed = {
    ...practices,
    practices: practices.practices.filter((p) => ids.has(`dismissed:${p.id}`)),
    direct: practices.direct.filter((p) => ids.has(`dismissed:${p.id}`)),
  };
  const misfits = found.some((id) => id.startsWith('misfit:'));
  return sentences.map((s) => [
    ...wrongClaimsIn([s], claims),
    ...misdefinedTermsIn([s], misdefined).map((id) => `misdefined:${id}`),
    ...(dismissed.practices.length + dismissed.direct.length > 0
      ? dismissalsInSentence(s, dismissed).map((id) => `dismissed:${id}`)
      : []),
    ...misused.filter((t) => misuses(s, t, terms)).map((t) => `misused:${t.id}`),
    ...(misfits ? scenarioMisfitsIn([s], scenario).map((id) => `misfit:${id}`) : []),
  ]);
}
