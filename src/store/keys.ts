/**
 * Key names, in one place so every backend (and the tests that look underneath) agree.
 * Keyv adds the namespace for the values it holds; `redisKey` gives the full Redis key for the
 * values we address directly with ioredis, in the same `<namespace>::<key>` shape @keyv/redis uses.
 */
export const keys = {
  /** The session record. */
  session: (id: string) => `sess:${id}`,
  /** Redis only: the session's version, checked and bumped in the same script as the write. */
  version: (id: string) => `ver:${id}`,
  /** The candidate's session summaries. */
  candidateIndex: (candidateId: string) => `idx:${candidateId}`,
  /** The place index: the interview a place (thread, channel, DM, terminal) holds. */
  place: (place: string) => `place:${place}`,
  /** A `claimOnce` marker. */
  claim: (key: string) => `claim:${key}`,
  /** Redis only: a cross-process lock. */
  lock: (key: string) => `lock:${key}`,
  /** Redis only: the token of the process next in line for that lock. */
  lockNext: (key: string) => `lock-next:${key}`,
  /** A `KeyValue` window counter. */
  counter: (key: string) => `ctr:${key}`,
};

/** The Redis key @keyv/redis uses for `key` in `namespace` (its separator is `::`). */
export function redisKey(namespace: string, key: string): string {
  return `${namespace}::${key}`;
}
