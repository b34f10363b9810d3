/** Slack blocks for the practice loop's replies (model answers). */
import { modelAnswerText } from '../../../engine/practice-messages.ts';
import type { Lang, Reply } from '../../../engine/types.ts';
import { escapeMrkdwn as esc } from '../mrkdwn.ts';
import { type Block, sections } from './blocks.ts';

export function modelAnswerPiece(
  reply: Extract<Reply, { kind: 'model-answer' }>,
  lang: Lang,
): { blocks: Block[]; text: string } {
  const { heading, body } = modelAnswerText(reply, lang);
  const text = `:blue_book: *${esc(heading)}*\n${esc(body)}`;
  return { blocks: sections(text), text: esc(heading) };
}
