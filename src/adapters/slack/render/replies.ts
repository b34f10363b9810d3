/**
 * Engine replies → what to send to Slack. One command's replies become as few messages as
 * possible (notes, the interviewer's words and a stage heading together), with the buttons
 * once, under the last message, while the interview is active. A scorecard is a message of its
 * own; an export is a file. Pure: no Slack calls.
 */
import {
  formatHistory,
  formatStageScore,
  formatStatus,
  msg,
  stageHeading,
} from '../../../engine/messages.ts';
import type { Action, Lang, Reply, ReplyFile } from '../../../engine/types.ts';
import { forgetText } from '../forget-me.ts';
import { escapeMrkdwn as esc } from '../mrkdwn.ts';
import { slackText } from '../text.ts';
import { type Block, context, fallbackText, fitBlocks, header, sections } from './blocks.ts';
import { buttonsBlock } from './buttons.ts';
import { LIMITS } from './limits.ts';
import { modelAnswerPiece } from './practice-blocks.ts';
import { ratingPiece } from './rating-blocks.ts';
import type { ReplayLink } from '../../../engine/replay.ts';
import { type RenderedMessage, scorecardMessage } from './scorecard-blocks.ts';
import { stageScoreLines, stageScoreTitle } from './stage-score.ts';

export type Outgoing =
  | ({ kind: 'message' } & RenderedMessage)
  | { kind: 'file'; filename: string; markdown: string }
  /** Charts to upload after the message before them (src/adapters/slack/charts.ts). */
  | { kind: 'images'; files: ReplyFile[] };

export interface RenderContext {
  lang: Lang;
  /** The session the buttons act on; null: no buttons. */
  sessionId: string | null;
  /** Links from a scorecard's gaps and mistakes to their messages (replay-links.ts). */
  replay?: ReplayLink;
}

interface Piece {
  blocks: Block[];
  /** Escaped text for the notification. */
  text: string;
  /** The buttons this reply asks for; undefined: it has no say (the latest say wins). */
  actions?: readonly Action[];
}

function piece(reply: Exclude<Reply, { kind: 'scorecard' | 'export' }>, ctx: RenderContext): Piece {
  const m = msg(ctx.lang);
  switch (reply.kind) {
    case 'message': {
      const text = esc(reply.text);
      // System notes say nothing about the buttons; the interviewer's messages do.
      const actions = reply.from === 'interviewer' ? reply.actions : undefined;
      if (reply.from === 'system' && reply.tone === 'info') {
        return { blocks: [context(text)], text };
      }
      const shown = reply.tone === 'warning' ? `:warning: ${text}` : text;
      return { blocks: sections(shown), text: shown, actions };
    }
    case 'stage-opened': {
      const heading = stageHeading(reply.number, reply.total, reply.title, ctx.lang);
      const question = esc(reply.question);
      return {
        blocks: [header(heading), ...sections(question)],
        text: `${esc(heading)}: ${question}`,
        actions: reply.actions,
      };
    }
    case 'stage-feedback': {
      const title = stageScoreTitle(reply.title, reply.score, ctx.lang);
      const lines = [title];
      if (reply.score.feedback) lines.push(esc(reply.score.feedback));
      lines.push(...stageScoreLines(reply.score, ctx.lang));
      return {
        blocks: sections(lines.join('\n')),
        text: `${m.feedback}: ${esc(reply.title)} ${formatStageScore(reply.score, ctx.lang)}`,
      };
    }
    case 'status': {
      const text = esc(formatStatus(reply.status, ctx.lang));
      return { blocks: sections(text), text };
    }
    case 'history': {
      const text = esc(formatHistory(reply.history, ctx.lang));
      return { blocks: sections(text), text };
    }
    case 'forget': {
      const text = esc(forgetText(reply, ctx.lang));
      return { blocks: sections(text), text };
    }
    case 'model-answer':
      return modelAnswerPiece(reply, ctx.lang);
    case 'self-assess':
      return ratingPiece(reply, ctx.lang, ctx.sessionId);
  }
}

class MessageBuilder {
  private blocks: Block[] = [];
  private texts: string[] = [];
  private actions: readonly Action[] = [];

  constructor(
    private readonly ctx: RenderContext,
    private readonly out: Outgoing[],
  ) {}

  add(p: Piece): void {
    // Keep one block free for the buttons.
    if (this.blocks.length > 0 && this.blocks.length + p.blocks.length > LIMITS.messageBlocks - 1) {
      this.flush({ buttons: false });
    }
    this.blocks.push(...p.blocks);
    this.texts.push(p.text);
    if (p.actions !== undefined) this.actions = p.actions;
  }

  /** Emit the message built so far; the buttons go under the last message of a run only. */
  flush(options: { buttons: boolean } = { buttons: true }): void {
    if (this.blocks.length === 0) return;
    const blocks = fitBlocks(
      this.blocks,
      LIMITS.messageBlocks - 1,
      slackText(this.ctx.lang).moreInExport,
    );
    if (options.buttons && this.actions.length > 0 && this.ctx.sessionId) {
      blocks.push(buttonsBlock(this.ctx.sessionId, this.actions, this.ctx.lang));
    }
    this.out.push({ kind: 'message', text: fallbackText(this.texts), blocks });
    this.blocks = [];
    this.texts = [];
    if (options.buttons) this.actions = [];
  }
}

export function renderReplies(replies: readonly Reply[], ctx: RenderContext): Outgoing[] {
  const out: Outgoing[] = [];
  const builder = new MessageBuilder(ctx, out);
  for (const reply of replies) {
    if (reply.kind === 'scorecard') {
      builder.flush();
      out.push({ kind: 'message', ...scorecardMessage(reply.scorecard, ctx.lang, ctx.replay) });
    } else if (reply.kind === 'export') {
      builder.flush();
      out.push({ kind: 'file', filename: reply.filename, markdown: reply.markdown });
    } else {
      builder.add(piece(reply, ctx));
    }
    if (
      (reply.kind === 'scorecard' || reply.kind === 'export' || reply.kind === 'history') &&
      reply.files?.length
    ) {
      builder.flush();
      out.push({ kind: 'images', files: reply.files });
    }
  }
  builder.flush();
  return out;
}

/** A single text message (errors, notes), escaped, without buttons. */
export function textMessage(plain: string): RenderedMessage {
  const text = esc(plain);
  return { text: fallbackText([text]), blocks: sections(text).slice(0, LIMITS.messageBlocks) };
}
