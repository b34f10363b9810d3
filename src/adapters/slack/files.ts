/**
 * The files shared with a Slack message, as the kit downloads them: from the file's own
 * `url_private_download` (or `url_private`) in the event, with the bot token (the `files:read`
 * scope), never from a link in the text. A file Slack lists without a URL (hidden by the
 * workspace's plan, deleted) comes through as one that could not be downloaded.
 */
import type { RemoteFile } from '../kit/attachments.ts';

/** The fields of a file in a `message` event that we read. */
export interface SlackFileLike {
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
}

export function messageFiles(
  files: readonly SlackFileLike[] | undefined,
  botToken: string | undefined,
): RemoteFile[] {
  return (files ?? []).map((file) => ({
    name: file.name ?? file.title ?? 'file',
    mime: file.mimetype ?? 'application/octet-stream',
    size: file.size ?? 0,
    url: file.url_private_download ?? file.url_private ?? '',
    ...(botToken ? { headers: { authorization: `Bearer ${botToken}` } } : {}),
  }));
}
