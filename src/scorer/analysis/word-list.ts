/**
 * One regular expression for a list of English words and phrases (each itself a pattern), each
 * matched from a word start to a word end, case-insensitive: "just" matches in "we just ship"
 * but not in "adjusted" or "justify".
 */
export function wordListPattern(phrases: readonly string[]): RegExp {
  return new RegExp(phrases.map((p) => `\\b${p}(?![a-z])`).join('|'), 'i');
}
