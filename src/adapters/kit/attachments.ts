/**
 * Downloading the files a platform says came with a message (Discord's attachment URL, Slack's
 * url_private with the bot token): only those URLs, never one the candidate typed. A file
 * declared over the engine's size limit is not fetched; a body that grows past it is cut off;
 * the whole download has a time limit (PLATFORM_TIMEOUT_MS). A failed download becomes an
 * attachment marked unavailable, so the engine says so and still takes the message's text.
 */
import { IMAGE_LIMITS } from '../../engine/attachments.ts';
import type { Attachment } from '../../engine/types.ts';

/** Used when the platform's own time limit is not passed in. */
export const DOWNLOAD_TIMEOUT_MS = 10_000;

export interface RemoteFile {
  name: string;
  mime: string;
  /** As the platform declared it. */
  size: number;
  url: string;
  /** e.g. Slack's `Authorization: Bearer xoxb-…` for url_private. */
  headers?: Record<string, string>;
}

export interface DownloadOptions {
  timeoutMs: number;
  /** Told why a download failed (logs); the candidate is told by the engine. */
  onFailure?: (file: RemoteFile, reason: string) => void;
}

class TooLarge extends Error {}

async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function downloadAttachment(
  file: RemoteFile,
  options: DownloadOptions,
): Promise<Attachment> {
  const base = { name: file.name, mime: file.mime, size: file.size };
  if (file.size > IMAGE_LIMITS.maxBytes)
    return { ...base, data: new Uint8Array(0), unavailable: 'too-large' };
  if (!/^https?:\/\//i.test(file.url)) {
    options.onFailure?.(file, 'no download URL');
    return { ...base, data: new Uint8Array(0), unavailable: 'download-failed' };
  }
  try {
    const response = await fetch(file.url, {
      headers: file.headers,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // Slack answers a token without files:read with its sign-in page (200, HTML), not the file.
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || type.startsWith('text/html')) {
      await response.body?.cancel();
      options.onFailure?.(file, `HTTP ${response.status} ${type}`.trim());
      return { ...base, data: new Uint8Array(0), unavailable: 'download-failed' };
    }
    const data = await readCapped(response.body, IMAGE_LIMITS.maxBytes);
    return { ...base, size: Math.max(file.size, data.byteLength), data };
  } catch (error) {
    if (error instanceof TooLarge)
      return { ...base, data: new Uint8Array(0), unavailable: 'too-large' };
    options.onFailure?.(file, error instanceof Error ? error.message : String(error));
    return { ...base, data: new Uint8Array(0), unavailable: 'download-failed' };
  }
}

/** Every file of a message, downloaded side by side. */
export function downloadAttachments(
  files: readonly RemoteFile[],
  options: DownloadOptions,
): Promise<Attachment[]> {
  return Promise.all(files.map((file) => downloadAttachment(file, options)));
}
