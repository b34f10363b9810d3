/**
 * What the fake Slack knows about the messages in its channels, for `chat.getPermalink`: each
 * message's thread (its own ts for a top-level message). Answers as Slack does: a permalink on
 * the workspace's URL for a known message (with `thread_ts` and `cid` for a reply in a
 * thread), `message_not_found` otherwise.
 */
export class FakeMessages {
  /** `<channel>:<ts>` → the message's thread. */
  private readonly threads = new Map<string, string>();

  add(message: { channel: string; ts: string; threadTs?: string | undefined }): void {
    this.threads.set(`${message.channel}:${message.ts}`, message.threadTs ?? message.ts);
  }

  /** chat.getPermalink's answer for `args`, on the workspace URL `base` (ends with `/`). */
  permalink(args: Record<string, unknown>, base: string): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    const ts = String(args.message_ts ?? '');
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const thread = this.threads.get(`${channel}:${ts}`);
    if (thread === undefined) return { ok: false, error: 'message_not_found' };
    const link = `${base}archives/${channel}/p${ts.replace('.', '')}`;
    return {
      ok: true,
      channel,
      permalink: thread === ts ? link : `${link}?thread_ts=${thread}&cid=${channel}`,
    };
  }
}

/** The channel and ts a permalink names, and the thread it gives (null for a top-level one). */
export function readPermalink(
  permalink: string,
): { channel: string; ts: string; threadTs: string | null } | null {
  const url = new URL(permalink);
  const match = /^\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})$/.exec(url.pathname);
  if (!match) return null;
  return {
    channel: match[1]!,
    ts: `${match[2]}.${match[3]}`,
    threadTs: url.searchParams.get('thread_ts'),
  };
}
