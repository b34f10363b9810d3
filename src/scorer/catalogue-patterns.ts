/**
 * An entry's patterns in both languages, compiled together (misconceptions.yaml, dismissals.yaml).
 * A Chinese pattern also reads the English spelling of the terms it names in Chinese
 * (term-names.ts): Chinese candidates type many terms in English.
 */
import { compilePatterns } from './catalogue-file.ts';
import { withEnglishNames } from './term-names.ts';

export function compileBothLangs(
  patterns: { en: string[]; zh: string[] } | undefined,
  where: string,
  flags = 'iu',
): RegExp[] {
  const zh = (patterns?.zh ?? []).map((source) => withEnglishNames(source));
  return compilePatterns([...(patterns?.en ?? []), ...zh], where, flags);
}
