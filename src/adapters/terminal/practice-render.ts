/** Terminal rendering of the practice loop's replies (model answers). */
import { modelAnswerText } from '../../engine/practice-messages.ts';
import type { Lang, Reply } from '../../engine/types.ts';
import { safeText } from './render.ts';

export function renderModelAnswer(
  reply: Extract<Reply, { kind: 'model-answer' }>,
  lang: Lang,
  bold: (s: string) => string,
): string {
  const { heading, body } = modelAnswerText(reply, lang);
  return [bold(`── ${safeText(heading)} ──`), safeText(body)].join('\n');
}
