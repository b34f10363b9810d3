/**
 * Engine replies → Discord message payloads (plain JSON, no client needed, so it is
 * unit-tested). Text goes out as message content split within 2,000 characters; scores as
 * embeds packed within Discord's limits; the export as a Markdown file. The buttons of the last
 * reply that offers actions go on the last message rendered for it.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { actionLabel, formatHistory, formatStatus, stageHeading } from '../../engine/messages.ts';
import type { Action, Lang, Reply } from '../../engine/types.ts';
import type { Framework } from '../../knowledge/schema.ts';
import { packEmbeds } from './embed-limits.ts';
import { buttonCustomId } from './ids.ts';
import { scorecardEmbeds, stageFeedbackEmbed } from './render-scores.ts';
import { splitMessage } from './split-text.ts';

export interface OutgoingFile {
  name: string;
  data: Buffer;
}

/** One Discord message to send; `allowedMentions` is added by the sender (send.ts). */
export interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  files?: OutgoingFile[];
}

export interface RenderContext {
  lang: Lang;
  /** The session the buttons act on; no buttons without one. */
  sessionId: string | null;
  /** For criterion names in scores (ids are shown without it). */
  framework?: Framework;
}

const BUTTON_STYLES: Record<Action, ButtonStyle> = {
  followup: ButtonStyle.Secondary,
  hint: ButtonStyle.Secondary,
  next: ButtonStyle.Primary,
  end: ButtonStyle.Danger,
};

export function actionRow(
  actions: readonly Action[],
  sessionId: string,
  lang: Lang,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: actions.slice(0, 5).map((action) => ({
      type: ComponentType.Button,
      style: BUTTON_STYLES[action] as ButtonStyle.Primary,
      label: actionLabel(action, lang),
      custom_id: buttonCustomId(action, sessionId),
    })),
  };
}

function textMessages(text: string): OutgoingMessage[] {
  return splitMessage(text).map((content) => ({ content }));
}

function renderOne(reply: Reply, context: RenderContext): OutgoingMessage[] {
  const { lang, framework } = context;
  switch (reply.kind) {
    case 'message': {
      const marker =
        reply.from === 'system'
          ? reply.tone === 'warning'
            ? '⚠️ '
            : reply.tone === 'info'
              ? 'ℹ️ '
              : ''
          : '';
      return textMessages(`${marker}${reply.text}`);
    }
    case 'stage-opened':
      return textMessages(
        `**${stageHeading(reply.number, reply.total, reply.title, lang)}**\n\n${reply.question}`,
      );
    case 'stage-feedback':
      return [{ embeds: [stageFeedbackEmbed(reply.title, reply.score, lang, framework)] }];
    case 'scorecard':
      return packEmbeds(scorecardEmbeds(reply.scorecard, lang, framework)).map((embeds) => ({
        embeds,
      }));
    case 'status':
      return textMessages(formatStatus(reply.status, lang));
    case 'history':
      return textMessages(formatHistory(reply.history, lang));
    case 'export':
      return [
        {
          content: `📄 ${reply.filename}`,
          files: [{ name: reply.filename, data: Buffer.from(reply.markdown, 'utf8') }],
        },
      ];
  }
}

function actionsOf(reply: Reply): readonly Action[] {
  return reply.kind === 'message' || reply.kind === 'stage-opened' ? reply.actions : [];
}

export function renderReplies(
  replies: readonly Reply[],
  context: RenderContext,
): OutgoingMessage[] {
  const rendered = replies.map((reply) => renderOne(reply, context));
  let withButtons = -1;
  replies.forEach((reply, index) => {
    if (actionsOf(reply).length > 0) withButtons = index;
  });
  if (context.sessionId && withButtons >= 0) {
    const messages = rendered[withButtons]!;
    const last = messages[messages.length - 1];
    if (last) {
      last.components = [
        actionRow(actionsOf(replies[withButtons]!), context.sessionId, context.lang),
      ];
    }
  }
  return rendered.flat();
}

/** A plain notice (errors, "your interview is in #thread"), split like any text. */
export function renderNotice(text: string): OutgoingMessage[] {
  return textMessages(text);
}
