/**
 * The "ml-interviewer is typing…" indicator while the engine (and the LLM behind it) works.
 * Discord shows it for about ten seconds per trigger, so it is renewed until the work is done.
 */
/** Any channel that can show typing (threads, DMs, text channels). */
export interface TypingChannel {
  sendTyping(): Promise<unknown>;
}

function canType(channel: object | null | undefined): channel is TypingChannel {
  return typeof (channel as Partial<TypingChannel> | null)?.sendTyping === 'function';
}

const RENEW_EVERY_MS = 8_000;

export async function typingIn<T>(
  channel: object | null | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (!canType(channel)) return work();
  // Typing is a courtesy: a failure to show it must never fail the turn.
  const show = () => void channel.sendTyping().catch(() => {});
  show();
  const timer = setInterval(show, RENEW_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
