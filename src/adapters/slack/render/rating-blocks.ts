/**
 * Self-assessment on Slack: the question for one stage with five buttons, 1–4 and Skip. Each
 * button's value names the stage and the session (`<stage>|<sessionId>`), so a press is an
 * engine `self-assess` command without a lookup; the engine refuses a stranger's press.
 */
import { replayText } from '../../../engine/replay-wording.ts';
import type { Lang, Level, Reply, StageId } from '../../../engine/types.ts';
import { escapeMrkdwn as esc, clampPlain } from '../mrkdwn.ts';
import { type Block, sections } from './blocks.ts';
import { LIMITS } from './limits.ts';

const PREFIX = 'self_assess_';
/** Matches the action ids of the rating buttons (for `app.action(...)`). */
export const RATING_ACTION_ID = /^self_assess_(1|2|3|4|skip)$/;

/** The rating (undefined: skip) a rating button's action id names. */
export function ratingFromId(actionId: string): Level | undefined {
  const level = Number(actionId.slice(PREFIX.length));
  return level >= 1 && level <= 4 ? (level as Level) : undefined;
}

export function ratingValue(stage: StageId, sessionId: string): string {
  return `${stage}|${sessionId}`;
}

/** The stage and session of a rating button's value; null when it is not one. */
export function parseRatingValue(value: string): { stage: StageId; sessionId: string } | null {
  const bar = value.indexOf('|');
  if (bar <= 0) return null;
  return { stage: value.slice(0, bar) as StageId, sessionId: value.slice(bar + 1) };
}

export function ratingPiece(
  reply: Extract<Reply, { kind: 'self-assess' }>,
  lang: Lang,
  sessionId: string | null,
): { blocks: Block[]; text: string } {
  const t = replayText(lang);
  const text = esc(reply.text);
  if (!sessionId) return { blocks: sections(text), text };
  const value = ratingValue(reply.stage, sessionId);
  const button = (id: string, label: string) => ({
    type: 'button' as const,
    action_id: `${PREFIX}${id}`,
    text: { type: 'plain_text' as const, text: clampPlain(label, LIMITS.buttonText) },
    value,
  });
  const levels = ([1, 2, 3, 4] as const).map((level) => button(String(level), t.rateLabels[level]));
  return {
    blocks: [
      ...sections(text),
      { type: 'actions', block_id: 'self_assess', elements: [...levels, button('skip', t.skip)] },
    ],
    text,
  };
}
