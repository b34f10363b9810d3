/** Discord rendering of the practice loop's replies (model answers, as text that splits). */
import { modelAnswerText } from '../../engine/practice-messages.ts';
import type { Lang, Reply } from '../../engine/types.ts';

export function modelAnswerMarkdown(
  reply: Extract<Reply, { kind: 'model-answer' }>,
  lang: Lang,
): string {
  const { heading, body } = modelAnswerText(reply, lang);
  return `📘 **${heading}**\n${body}`;
}
