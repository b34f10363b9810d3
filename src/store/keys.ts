/**
 * Key names, in one place so every backend (and the tests that look underneath) agree.
 * Keyv adds the namespace for the values it holds; `redisKey` gives the full Redis key for the
 * values we address directly with ioredis, in keyv's `<namespace>::<key>` shape (the one its
 * Redis store, @keyv/redis, writes; that package itself is not used).
 */
export const keys = {
  /** The session's header (everything but its turns, plus the turn count). */
  header: (id: string) => `hdr:${id}`,
  /** Redis: the session's turns, a list. */
  turns: (id: string) => `turns:${id}`,
  /** Redis: the session's stages, a hash (index → progress JSON). */
  stages: (id: string) => `stages:${id}`,
  /** Keyv (memory, sqlite): one stage's progress. */
  stage: (id: string, index: number) => `stage:${id}:${index}`,
  /** Keyv (memory, sqlite): one turn of the session. */
  turn: (id: string, index: number) => `turn:${id}:${index}`,
  /** Earlier versions' whole-session record: read once, migrated, then deleted. */
  session: (id: string) => `sess:${id}`,
  /** Redis only: the session's version, checked and bumped in the same script as the write. */
  version: (id: string) => `ver:${id}`,
  /** The candidate's session summaries. */
  candidateIndex: (candidateId: string) => `idx:${candidateId}`,
  /** The session a place (thread, channel, terminal) holds. */
  place: (place: string) => `place:${place}`,
  /** The places pointing at a session, so deleting it deletes them. */
  sessionPlaces: (id: string) => `splaces:${id}`,
  /** A `claimOnce` marker. */
  claim: (key: string) => `claim:${key}`,
  /** Redis only: a cross-process lock. */
  lock: (key: string) => `lock:${key}`,
  /** Redis only: the token of the process next in line for that lock. */
  lockNext: (key: string) => `lock-next:${key}`,
  /** A `KeyValue` window counter. */
  counter: (key: string) => `ctr:${key}`,
};

/** The Redis key for `key` in `namespace`, as @keyv/redis writes it (its separator is `::`). */
export function redisKey(namespace: string, key: string): string {
  return `${namespace}::${key}`;
}
