/**
 * Mermaid accepts node ids in any script (`召回 --> 排序`), but maid's lexer takes only ASCII
 * letters, digits and `_` in an id and fails on the first Chinese one ("Redundant input,
 * expecting EOF but found: 召回"), while `A[召回] --> B[排序]` works. So before parsing, each
 * id (or bare word outside brackets, quotes and `|…|` labels) that has a non-ASCII character is
 * replaced by an ASCII stand-in, the same one each time it appears; after parsing, stand-ins are
 * turned back into the words they replaced. Labels inside brackets and quotes are never touched.
 */

/** A stand-in no one writes by hand: `zzcjk1zz`, `zzcjk2zz`… */
const standIn = (n: number) => `zzcjk${n}zz`;
const STAND_IN = /zzcjk(\d+)zz/g;
const OPENERS: Record<string, string> = { '[': ']', '(': ')', '{': '}' };
const WORD = /[\p{L}\p{N}_]/u;
const ASCII_WORD = /^[A-Za-z0-9_]+$/;

export interface AsciiIds {
  text: string;
  /** Stand-in → the word it replaced. */
  originals: Map<string, string>;
}

function rewriteLine(line: string, byWord: Map<string, string>, originals: Map<string, string>) {
  let out = '';
  const closers: string[] = [];
  let quote = false;
  let pipe = false;
  let i = 0;
  const chars = [...line];
  while (i < chars.length) {
    const c = chars[i]!;
    if (quote) {
      if (c === '"') quote = false;
    } else if (closers.length > 0) {
      if (c === '"') quote = true;
      else if (c === closers.at(-1)) closers.pop();
      else if (OPENERS[c]) closers.push(OPENERS[c]!);
    } else if (pipe) {
      if (c === '|') pipe = false;
    } else if (c === '"') {
      quote = true;
    } else if (OPENERS[c]) {
      closers.push(OPENERS[c]!);
    } else if (c === '|') {
      pipe = true;
    } else if (WORD.test(c)) {
      let word = '';
      while (i < chars.length && WORD.test(chars[i]!)) word += chars[i++]!;
      if (ASCII_WORD.test(word)) {
        out += word;
      } else {
        let id = byWord.get(word);
        if (!id) {
          id = standIn(byWord.size + 1);
          byWord.set(word, id);
          originals.set(id, word);
        }
        out += id;
      }
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export function asciiIds(text: string): AsciiIds {
  const originals = new Map<string, string>();
  // Plain ASCII (the common case) goes through untouched.
  if (/^[\x00-\x7f]*$/.test(text)) return { text, originals };
  const byWord = new Map<string, string>();
  const lines = text.split('\n');
  // The header (`flowchart LR`) has no ids; `%%` comments are dropped before this.
  const rewritten = lines.map((line, index) =>
    index === 0 ? line : rewriteLine(line, byWord, originals),
  );
  return { text: rewritten.join('\n'), originals };
}

/** `text` with every stand-in turned back into the word it replaced. */
export function restoreIds(text: string, originals: ReadonlyMap<string, string>): string {
  if (originals.size === 0) return text;
  return text.replace(STAND_IN, (s) => originals.get(s) ?? s);
}
