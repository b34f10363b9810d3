/**
 * Which files sent with an answer the engine takes: diagrams as PNG, JPEG, WebP or GIF images,
 * a few MB each, a few per message. The type is decided by the bytes (their magic numbers, read
 * with `file-type`), never by the name or the type the platform declared: a renamed PDF is not
 * an image. Adapters use the same limits to skip downloading a file declared too large.
 */

/**
 * A file sent with an answer, platform-neutral. `mime` and `size` are what the platform
 * declared; the engine trusts only the bytes (their magic numbers) for the type.
 */
export interface Attachment {
  name: string;
  mime: string;
  /** Declared size in bytes (an adapter does not download a file declared over the limit). */
  size: number;
  /** The bytes; empty when the adapter did not or could not download them (see `unavailable`). */
  data: Uint8Array;
  /** The adapter could not fetch the file (timeout, refused, over the size limit). */
  unavailable?: 'download-failed' | 'too-large';
}

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageMime = (typeof IMAGE_TYPES)[number];

export const IMAGE_LIMITS = {
  /** Per image: enough for a phone photo of a whiteboard, small enough for one LLM request. */
  maxBytes: 4 * 1024 * 1024,
  /** Per message: each image is one LLM request. */
  maxImages: 3,
} as const;

/** An image that passed the checks: its type as the bytes say. */
export interface CheckedImage {
  name: string;
  mime: ImageMime;
  data: Uint8Array;
}

export type RefusalReason =
  | 'too-large'
  | 'too-many'
  | 'not-an-image'
  | 'unsupported-image'
  | 'download-failed';

export interface RefusedAttachment {
  name: string;
  why: RefusalReason;
  /** What the bytes turned out to be (e.g. `application/pdf`, `image/tiff`), when known. */
  detected?: string;
}

export interface CheckedAttachments {
  images: CheckedImage[];
  refused: RefusedAttachment[];
}

/** A file name safe to show and to put in a Mermaid comment: no mentions, markup or new lines. */
export function displayName(name: string): string {
  const clean = name.replace(/[\s<>@`*~|\\]+/g, ' ').trim();
  return (clean === '' ? 'image' : clean).slice(0, 60);
}

function isImageMime(mime: string): mime is ImageMime {
  return (IMAGE_TYPES as readonly string[]).includes(mime);
}

// Loaded at the first attachment: most answers have none, and start-up should not pay for it.
let detector: Promise<typeof import('file-type')> | null = null;

async function detectMime(data: Uint8Array): Promise<string | null> {
  detector ??= import('file-type');
  const { fileTypeFromBuffer } = await detector;
  return (await fileTypeFromBuffer(data))?.mime ?? null;
}

export async function checkAttachments(list: readonly Attachment[]): Promise<CheckedAttachments> {
  const images: CheckedImage[] = [];
  const refused: RefusedAttachment[] = [];
  for (const file of list) {
    const name = displayName(file.name);
    if (
      file.unavailable === 'too-large' ||
      Math.max(file.size, file.data.length) > IMAGE_LIMITS.maxBytes
    ) {
      refused.push({ name, why: 'too-large' });
      continue;
    }
    if (file.unavailable === 'download-failed' || file.data.length === 0) {
      refused.push({ name, why: 'download-failed' });
      continue;
    }
    const detected = await detectMime(file.data);
    if (detected === null || !detected.startsWith('image/')) {
      refused.push({ name, why: 'not-an-image', ...(detected ? { detected } : {}) });
      continue;
    }
    if (!isImageMime(detected)) {
      refused.push({ name, why: 'unsupported-image', detected });
      continue;
    }
    if (images.length >= IMAGE_LIMITS.maxImages) {
      refused.push({ name, why: 'too-many' });
      continue;
    }
    images.push({ name, mime: detected, data: file.data });
  }
  return { images, refused };
}
