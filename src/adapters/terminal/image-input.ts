/**
 * Diagrams as images in the terminal: `/image PATH [text]` sends the file at PATH (relative to
 * the folder the chat runs in; quote a path with spaces) with the text as one answer, and a line
 * that is only the path of an image file (what dragging a file into most terminals types) does
 * the same. The file is read from disk here, never fetched from a URL; the engine checks its
 * type by its bytes and its size.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { IMAGE_LIMITS } from '../../engine/attachments.ts';
import type { Attachment } from '../../engine/types.ts';

export interface ImageLine {
  path: string;
  text: string;
  /** A bare path (no `/image`): if no such file exists, the line is an ordinary answer. */
  bare: boolean;
}

const IMAGE_EXTENSION = /\.(png|jpe?g|webp|gif)$/i;
const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** The first word of `rest` as a path: quoted ('…' or "…"), or up to a space not escaped by \. */
function splitPath(rest: string): { path: string; text: string } {
  const quoted = /^(["'])(.+?)\1\s*([\s\S]*)$/.exec(rest);
  if (quoted) return { path: quoted[2]!, text: quoted[3]! };
  const plain = /^((?:\\ |\S)+)\s*([\s\S]*)$/.exec(rest);
  if (!plain) return { path: '', text: '' };
  return { path: plain[1]!.replace(/\\ /g, ' '), text: plain[2]! };
}

/** `/image PATH [text]` (with `command` the text after `/image`), or a bare image path. */
export function imageLine(line: string): ImageLine | null {
  const trimmed = line.trim();
  const command = /^\/image(?:\s+([\s\S]*))?$/i.exec(trimmed);
  if (command) return { ...splitPath(command[1] ?? ''), bare: false };
  const bare = splitPath(trimmed);
  if (bare.text === '' && IMAGE_EXTENSION.test(bare.path) && !/^[a-z]+:\/\//i.test(bare.path))
    return { path: bare.path, text: '', bare: true };
  return null;
}

export type ImageFile =
  | { ok: true; attachment: Attachment }
  | { ok: false; reason: 'no-path' | 'missing' | 'not-a-file' | 'unreadable' };

/** The file as an attachment; one declared over the size limit is not read (the engine says so). */
export async function readImageFile(file: string, cwd = process.cwd()): Promise<ImageFile> {
  if (file === '') return { ok: false, reason: 'no-path' };
  const full = path.resolve(cwd, file.replace(/^~(?=\/)/, process.env.HOME ?? '~'));
  const name = path.basename(full);
  const mime =
    MIME_BY_EXTENSION[path.extname(full).slice(1).toLowerCase()] ?? 'application/octet-stream';
  try {
    const info = await stat(full);
    if (!info.isFile()) return { ok: false, reason: 'not-a-file' };
    if (info.size > IMAGE_LIMITS.maxBytes)
      return {
        ok: true,
        attachment: {
          name,
          mime,
          size: info.size,
          data: new Uint8Array(0),
          unavailable: 'too-large',
        },
      };
    // Read at most the limit, even if the file grew since stat.
    const handle = await open(full, 'r');
    try {
      const buffer = Buffer.alloc(IMAGE_LIMITS.maxBytes + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const data = new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
      return { ok: true, attachment: { name, mime, size: bytesRead, data } };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable',
    };
  }
}
