/**
 * Splits long text into Discord messages (at most 2,000 characters each) where a reader
 * would: between code blocks or paragraphs, else at a line break, else after a sentence, else
 * at a space; a cut inside a code block closes the block and reopens it (same language) in the
 * next message, so both halves still render as code. Pure, so it is unit-tested on its own.
 */

export const DISCORD_MESSAGE_LIMIT = 2000;

const FENCE = /^```/;
const CLOSING_FENCE = '\n```';

interface CodeState {
  /** The fence line that opened the block the position is in (e.g. "```python"), or null. */
  openFence: string | null;
}

/** Whether position `at` of `text` lies inside a fenced code block, and which fence opened it. */
function codeStateAt(text: string, at: number): CodeState {
  let openFence: string | null = null;
  let lineStart = 0;
  while (lineStart < at) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    // A fence line counts once the cut is past its start (the cut never lands inside one on
    // purpose; see `candidates`).
    // Reopened blocks repeat at most a short language tag, never a long info string.
    if (FENCE.test(line)) openFence = openFence === null ? line.trimEnd().slice(0, 32) : null;
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { openFence };
}

/** Positions after which `text` may be cut, for one kind of boundary. */
type BoundaryFinder = (text: string) => number[];

function positionsAfter(pattern: RegExp): BoundaryFinder {
  return (text) => {
    const found: number[] = [];
    for (const match of text.matchAll(pattern)) found.push(match.index + match[0].length);
    return found;
  };
}

/** Boundaries in order of preference: the first kind that fits wins. */
const BOUNDARIES: BoundaryFinder[] = [
  // Right before a block's opening fence or right after its closing one (outside code):
  // keeps a whole code block together.
  (text) => {
    const found: number[] = [];
    for (const match of text.matchAll(/^```[^\n]*$/gm)) {
      found.push(match.index, match.index + match[0].length);
    }
    return found.filter((at) => codeStateAt(text, at).openFence === null);
  },
  positionsAfter(/\n[ \t]*\n/g), // paragraph
  positionsAfter(/\n/g), // line
  positionsAfter(/[.!?;](?=\s)|[。！？；]/gu), // sentence
  positionsAfter(/[ \t]+/g), // word
];

/** The cut for the first chunk of `text` (longer than `limit`), and the code block it is in. */
function chooseCut(text: string, limit: number): { cut: number; openFence: string | null } {
  const fits = (at: number) => {
    const { openFence } = codeStateAt(text, at);
    const length = text.slice(0, at).trimEnd().length + (openFence ? CLOSING_FENCE.length : 0);
    // Inside code the rest starts with the reopened fence: the cut must get past it, or the
    // rest would not shrink.
    const progress = openFence ? at > openFence.length + 1 : true;
    return length > 0 && length <= limit && progress;
  };
  // Prefer a boundary in the second half of the window (fewer, fuller messages), then any.
  for (const minimum of [Math.floor(limit / 2), 1]) {
    for (const find of BOUNDARIES) {
      const candidates = find(text.slice(0, limit + 1))
        .filter((at) => at >= minimum && at < text.length)
        .sort((a, b) => b - a);
      const cut = candidates.find(fits);
      if (cut !== undefined) return { cut, openFence: codeStateAt(text, cut).openFence };
    }
  }
  // No boundary at all (one enormous word): cut hard, never inside a surrogate pair.
  let cut = limit - CLOSING_FENCE.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return { cut, openFence: codeStateAt(text, cut).openFence };
}

/**
 * `text` as messages of at most `limit` characters (UTF-16 units, which never undercount what
 * Discord counts). Blank text gives no messages.
 */
export function splitMessage(text: string, limit = DISCORD_MESSAGE_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const { cut, openFence } = chooseCut(rest, limit);
    const head = rest.slice(0, cut).trimEnd();
    if (openFence) {
      chunks.push(`${head}${CLOSING_FENCE}`);
      // Inside code keep the next line's indentation; drop only the line break we cut at.
      rest = `${openFence}\n${rest.slice(cut).replace(/^\n/, '')}`;
    } else {
      chunks.push(head);
      rest = rest.slice(cut).trimStart();
    }
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}
