/**
 * Small Block Kit builders that enforce the limits. Every `mrkdwn` argument must already be
 * escaped (see ../mrkdwn.ts); plain-text arguments are only clamped, since Slack does not
 * parse mentions or links in plain text.
 */
import type { types } from '@slack/bolt';
import { clampPlain, clampText, splitText } from '../mrkdwn.ts';
import { LIMITS } from './limits.ts';

export type Block = types.KnownBlock;

/**
 * A mrkdwn text object with `verbatim: true`. Slack's default (`verbatim: false`) automatically
 * parses plain text: it link-ifies URLs and conversation names and parses certain mentions, so
 * an answer's "@channel" (how slackToPlain renders a typed `<!channel>`) or a bare URL echoed by
 * the interviewer could come alive. Verbatim keeps our formatting (bold, our `<@U…>`) and turns
 * that preprocessing off.
 */
export function mrkdwnText(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** One or more section blocks: long text is split, never cut off. */
export function sections(mrkdwn: string): Block[] {
  if (mrkdwn.trim() === '') return [];
  return splitText(mrkdwn, LIMITS.sectionText).map((text) => ({
    type: 'section',
    text: mrkdwnText(text),
  }));
}

/** One section block; text past the limit is cut with an ellipsis. */
export function section(mrkdwn: string): Block {
  return { type: 'section', text: mrkdwnText(clampText(mrkdwn, LIMITS.sectionText)) };
}

export function header(plain: string): Block {
  return {
    type: 'header',
    text: { type: 'plain_text', text: clampPlain(plain, LIMITS.headerText) },
  };
}

export function context(mrkdwn: string): Block {
  return {
    type: 'context',
    elements: [mrkdwnText(clampText(mrkdwn, LIMITS.contextText))],
  };
}

export function divider(): Block {
  return { type: 'divider' };
}

/** A section of label/value pairs (at most 10, each clamped). */
export function fields(pairs: [label: string, value: string][]): Block {
  return {
    type: 'section',
    fields: pairs
      .slice(0, LIMITS.sectionFields)
      .map(([label, value]) => mrkdwnText(clampText(`*${label}*\n${value}`, LIMITS.fieldText))),
  };
}

/**
 * At most `max` blocks: when there are more, the last ones give way to a note (for example
 * "more detail is in the export").
 */
export function fitBlocks(blocks: Block[], max: number, overflowNote: string): Block[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), context(overflowNote)];
}

/** The notification text of a message: plain enough to read, short, still escaped. */
export function fallbackText(escapedParts: string[]): string {
  const text = escapedParts.filter(Boolean).join('\n');
  return clampText(text, LIMITS.fallbackText);
}
