/**
 * Self-assessment on Discord: the question for one stage with five buttons, 1–4 and Skip (one
 * action row). A press is an engine `self-assess` command (buttons.ts); the engine refuses a
 * stranger's press like any other.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import { replayText } from '../../engine/replay-wording.ts';
import type { Level, Reply } from '../../engine/types.ts';
import { ratingCustomId } from './ids.ts';
import type { OutgoingMessage, RenderContext } from './render.ts';

const LEVELS: readonly Level[] = [1, 2, 3, 4];

export function ratingMessage(
  reply: Extract<Reply, { kind: 'self-assess' }>,
  context: RenderContext,
): OutgoingMessage {
  const t = replayText(context.lang);
  if (!context.sessionId) return { content: reply.text };
  const sessionId = context.sessionId;
  return {
    content: reply.text,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          ...LEVELS.map((level) => ({
            type: ComponentType.Button as const,
            style: ButtonStyle.Primary as const,
            label: t.rateLabels[level],
            custom_id: ratingCustomId(level, reply.stage, sessionId),
          })),
          {
            type: ComponentType.Button as const,
            style: ButtonStyle.Secondary as const,
            label: t.skip,
            custom_id: ratingCustomId('skip', reply.stage, sessionId),
          },
        ],
      },
    ],
  };
}
