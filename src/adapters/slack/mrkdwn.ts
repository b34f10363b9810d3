/**
 * Slack mrkdwn safety and size. Slack reads `<...>` as links, mentions and `<!channel>`-style
 * pings, so every piece of text we did not write ourselves is escaped (`&`, `<`, `>`) before it
 * goes into a message. Size helpers keep text within Block Kit limits without cutting an
 * escape sequence in half.
 */

/** Escape the three characters Slack's mrkdwn gives meaning to. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An index ≤ `at` that does not fall inside an `&amp;`-style entity of `text`. */
function safeCut(text: string, at: number): number {
  const amp = text.lastIndexOf('&', at - 1);
  if (amp !== -1 && at - amp < 6) {
    const semicolon = text.indexOf(';', amp);
    if (semicolon >= at) return amp;
  }
  return at;
}

/**
 * Split already-escaped text into pieces of at most `max` characters, preferring to break at
 * a newline, then at a space, and never inside an entity.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    cut = safeCut(rest, cut);
    if (cut <= 0) cut = max; // a pathological run of '&'s: cutting is the lesser harm
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Already-escaped text shortened to at most `max` characters, with an ellipsis when cut. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1))}…`;
}

/** Plain-text fields (headers, buttons, options) are not parsed for mentions: only clamp. */
export function clampPlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A message's text as Slack sends it → the plain words the person typed. Slack encodes what
 * people type: `&`, `<`, `>` as entities, mentions and links as `<...>` markup (`<@U123>`,
 * `<!channel>`, `<#C123|general>`, `<https://x|label>`). The engine stores and scores plain
 * words; everything shown again is escaped on the way out, so a typed `@channel` comes back
 * as plain text that pings nobody.
 */
export function slackToPlain(text: string): string {
  const decoded = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
    if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!')) {
      if (label) return label;
      const special = target.slice(1).split('^')[0];
      return `@${special}`;
    }
    return label && label !== target ? `${label} (${target})` : target;
  });
  return decoded.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
