/**
 * The fake Slack's file uploads, in Slack's three steps (what `files.uploadV2` in the client
 * does): files.getUploadURLExternal hands out a URL for one file (filename and length
 * required), the bytes go to that URL, and files.completeUploadExternal shares the files
 * whose bytes came into a conversation. Every shared file is kept with its bytes.
 */

/** A file between files.getUploadURLExternal and files.completeUploadExternal. */
export interface FakeUpload {
  fileId: string;
  filename: string;
  /** The length the client announced. */
  length: number;
  altText?: string;
  /** The bytes sent to the upload URL (absent until they come). */
  data?: Buffer;
}

/** A file shared by files.completeUploadExternal: where it went, and its bytes. */
export interface SharedFile extends FakeUpload {
  data: Buffer;
  channel: string | null;
  threadTs: string | null;
  initialComment: string | null;
}

type Answer = Record<string, unknown>;

export class FakeUploads {
  /** Upload URLs handed out and not yet completed, by file id. */
  readonly pending = new Map<string, FakeUpload>();
  /** Files shared into a conversation, in order. */
  readonly shared: SharedFile[] = [];
  private counter = 0;

  /** files.getUploadURLExternal: a URL on the fake server (`base`) for one file. */
  uploadUrl(args: Record<string, unknown>, base: string): Answer {
    const length = Number(args.length);
    if (!args.filename || !Number.isInteger(length) || length <= 0)
      return { ok: false, error: 'invalid_arguments' };
    this.counter += 1;
    const fileId = `F${String(this.counter).padStart(8, '0')}`;
    const alt = args.alt_txt ?? args.alt_text;
    this.pending.set(fileId, {
      fileId,
      filename: String(args.filename),
      length,
      ...(alt ? { altText: String(alt) } : {}),
    });
    return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
  }

  /** The bytes sent to a file's upload URL; false for a URL never handed out. */
  receive(fileId: string, data: Buffer): boolean {
    const upload = this.pending.get(fileId);
    if (!upload) return false;
    upload.data = data;
    return true;
  }

  /** files.completeUploadExternal: shares the files whose bytes came. */
  complete(args: Record<string, unknown>): Answer {
    const files = (Array.isArray(args.files) ? args.files : []) as { id: string; title?: string }[];
    const uploads = files.map((f) => this.pending.get(f.id));
    if (files.length === 0 || uploads.some((u) => !u?.data))
      return { ok: false, error: 'file_not_found' };
    for (const upload of uploads as (FakeUpload & { data: Buffer })[]) {
      this.pending.delete(upload.fileId);
      this.shared.push({
        ...upload,
        channel: args.channel_id ? String(args.channel_id) : null,
        threadTs: args.thread_ts ? String(args.thread_ts) : null,
        initialComment: args.initial_comment ? String(args.initial_comment) : null,
      });
    }
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? f.id })) };
  }
}
