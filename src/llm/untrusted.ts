/**
 * Candidate text goes into prompts as data, inside tags the system prompt declares untrusted.
 * A candidate who types one of those tags could otherwise close the block and write
 * "instructions" after it, so any such tag in their text is defused first (its `<` becomes `‹`).
 * Evidence quotes are checked against the original text, not this one.
 */
// Invisible format characters (zero-width space, joiners, soft hyphen: \p{Cf}) and the
// full-width and small `<` look like nothing or like `<` to a model, so they cannot hide a tag.
const OUR_TAGS =
  /[<＜﹤]([\s\p{Cf}]*\/?[\s\p{Cf}]*(?:candidate_answer|candidate|interviewer|transcript|reference_answer)\b)/giu;

export function neutraliseTags(text: string): string {
  return text.replace(OUR_TAGS, '‹$1');
}

/**
 * `text` wrapped in `<tag>` … `</tag>`, with our tags inside it defused (interviewer turns too:
 * they may quote the candidate).
 */
export function delimit(
  tag: 'candidate_answer' | 'candidate' | 'interviewer',
  text: string,
): string {
  return `<${tag}>\n${neutraliseTags(text)}\n</${tag}>`;
}
