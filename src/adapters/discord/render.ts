/**
 * Engine replies → Discord message payloads (plain JSON, no client needed, so it is
 * unit-tested). Consecutive text replies go out as one message content, split within 2,000
 * characters; scores as embeds packed within Discord's limits; the export as a Markdown file.
 * The buttons of the last reply that offers actions go on the last message of its text.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { actionLabel, formatHistory, formatStatus, stageHeading } from '../../engine/messages.ts';
import type { Action, Lang, Reply, ReplyFile } from '../../engine/types.ts';
import { packEmbeds } from './embed-limits.ts';
import { forgetText } from './forget-me-command.ts';
import { modelAnswerMarkdown } from './practice-render.ts';
import { buttonCustomId } from './ids.ts';
import { ratingMessage } from './rating-render.ts';
import { discordReplayLink } from './replay-links.ts';
import { scorecardEmbeds, stageFeedbackEmbed } from './render-scores.ts';
import { splitMessage } from './split-text.ts';

export interface OutgoingFile {
  name: string;
  data: Buffer;
  /** Alt text (Discord shows it to screen readers), for images. */
  description?: string;
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
  /** The server the interview is in (null or absent in DMs), for replay links. */
  guildId?: string | null;
}

/** Discord's limits: embeds per message, characters of an attachment's description. */
const MAX_EMBEDS = 10;
const ALT_TEXT_MAX = 1024;

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

/**
 * A reply as either text (merged with neighbouring text, so a turn reads as one message rather
 * than a burst of small ones) or ready messages (embeds, files).
 */
type Rendered = { text: string } | { messages: OutgoingMessage[] };

function renderOne(reply: Reply, context: RenderContext): Rendered {
  const { lang } = context;
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
      return { text: `${marker}${reply.text}` };
    }
    case 'stage-opened':
      return {
        text: `**${stageHeading(reply.number, reply.total, reply.title, lang)}**\n${reply.question}`,
      };
    case 'stage-feedback':
      return {
        messages: [{ embeds: [stageFeedbackEmbed(reply.title, reply.score, lang)] }],
      };
    case 'scorecard':
      return {
        messages: withCharts(
          packEmbeds(
            scorecardEmbeds(
              reply.scorecard,
              lang,
              discordReplayLink(context.sessionId, context.guildId, lang),
            ),
          ).map((embeds) => ({ embeds })),
          reply.files,
        ),
      };
    case 'status':
      return { text: formatStatus(reply.status, lang) };
    case 'history':
      return reply.files?.length
        ? { messages: withCharts(textMessages(formatHistory(reply.history, lang)), reply.files) }
        : { text: formatHistory(reply.history, lang) };
    case 'forget':
      return { text: forgetText(reply, lang) };
    case 'export':
      return {
        messages: [
          {
            content: `📄 ${reply.filename}`,
            files: [
              { name: reply.filename, data: Buffer.from(reply.markdown, 'utf8') },
              ...attachments(reply.files),
            ],
          },
        ],
      };
    case 'model-answer':
      return { text: modelAnswerMarkdown(reply, lang) };
    case 'self-assess':
      return { messages: [ratingMessage(reply, context)] };
  }
}

function attachments(files: readonly ReplyFile[] | undefined): OutgoingFile[] {
  return (files ?? []).map((f) => ({
    name: f.name,
    data: Buffer.from(f.data),
    description: f.alt.slice(0, ALT_TEXT_MAX),
  }));
}

/**
 * `messages` with the reply's charts attached to the first one, each shown by an embed that
 * points at its attachment (`attachment://<name>`), so the image sits inside the card.
 */
function withCharts(
  messages: OutgoingMessage[],
  files: readonly ReplyFile[] | undefined,
): OutgoingMessage[] {
  const [first, ...rest] = messages;
  if (!first || !files?.length) return messages;
  const images: APIEmbed[] = files.map((f) => ({ image: { url: `attachment://${f.name}` } }));
  // A message holds at most ten embeds: the charts get their own message when they do not fit.
  if ((first.embeds?.length ?? 0) + images.length > MAX_EMBEDS)
    return [...messages, { embeds: images, files: attachments(files) }];
  return [
    { ...first, embeds: [...(first.embeds ?? []), ...images], files: attachments(files) },
    ...rest,
  ];
}

function actionsOf(reply: Reply): readonly Action[] {
  return reply.kind === 'message' || reply.kind === 'stage-opened' ? reply.actions : [];
}

export function renderReplies(
  replies: readonly Reply[],
  context: RenderContext,
): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  let text: string[] = [];
  let buttons: readonly Action[] = [];
  /** Index in `messages` after which the pending buttons go (the end of their reply's text). */
  let buttonsAfter = -1;
  const flushText = () => {
    if (text.length > 0) messages.push(...textMessages(text.join('\n\n')));
    text = [];
  };
  for (const reply of replies) {
    const rendered = renderOne(reply, context);
    if ('text' in rendered) text.push(rendered.text);
    else {
      flushText();
      messages.push(...rendered.messages);
    }
    if (actionsOf(reply).length > 0) {
      flushText();
      buttons = actionsOf(reply);
      buttonsAfter = messages.length - 1;
    }
  }
  flushText();
  const target = messages[buttonsAfter];
  if (context.sessionId && target) {
    target.components = [actionRow(buttons, context.sessionId, context.lang)];
  }
  return messages;
}

/** A plain notice (errors, "your interview is in #thread"), split like any text. */
export function renderNotice(text: string): OutgoingMessage[] {
  return textMessages(text);
}
