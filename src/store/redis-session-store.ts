/**
 * SessionStore shared by many processes through one Redis.
 *
 * Reads go through Keyv (@keyv/redis), so records have the same shape as on the other
 * backends. Writes that must be atomic across processes go through ioredis:
 * - `put` runs one Lua script that checks the version and writes session, version and index
 *   summary together. The version lives in its own small key (`ver:<id>`) rather than being
 *   decoded from the session JSON inside the script: the check stays O(1) while the session
 *   grows with every turn, and Redis is never blocked parsing it. Only this script writes
 *   sessions, so the version key and the record cannot drift apart.
 * - `claimOnce` is `SET key 1 NX PX ttl`.
 * The candidate index is a Redis hash (session id -> summary JSON).
 * Needs a single Redis (or primary + replicas): the script touches keys in different hash
 * slots, so Redis Cluster is not supported.
 */
import type { Redis } from 'ioredis';
import type Keyv from 'keyv';
import type { PutResult, SessionStore, SessionSummary } from '../engine/ports.ts';
import type { CandidateId, Session } from '../engine/types.ts';
import { keys, redisKey } from './keys.ts';
import { LuaScript } from './lua-script.ts';
import { assertNextVersion, newestActiveId, newestFirst, summarize } from './summaries.ts';

const PUT_IF_VERSION = new LuaScript(`
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
return 1
`);

export class RedisSessionStore implements SessionStore {
  /** `keyv` must be created with `throwOnErrors: true` (on Keyv and on the adapter). */
  constructor(
    private readonly keyv: Keyv,
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  async get(id: string): Promise<Session | null> {
    return (await this.keyv.get<Session>(keys.session(id))) ?? null;
  }

  async put(session: Session, expectedVersion: number): Promise<PutResult> {
    assertNextVersion(session, expectedVersion);
    // Serialised exactly as Keyv would, so `get` (through Keyv) reads it back.
    const record = await this.keyv.serializeData({ value: session, expires: undefined });
    const written = await PUT_IF_VERSION.run(
      this.redis,
      [
        this.key(keys.session(session.id)),
        this.key(keys.version(session.id)),
        this.key(keys.candidateIndex(session.candidateId)),
      ],
      [
        expectedVersion,
        session.version,
        record as string,
        session.id,
        JSON.stringify(summarize(session)),
      ],
    );
    return written === 1 ? 'ok' : 'conflict';
  }

  async listByCandidate(candidateId: CandidateId, limit: number): Promise<SessionSummary[]> {
    return (await this.readIndex(candidateId)).slice(0, Math.max(0, limit));
  }

  async lastActive(candidateId: CandidateId): Promise<string | null> {
    return newestActiveId(await this.readIndex(candidateId));
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const set = await this.redis.set(this.key(keys.claim(key)), '1', 'PX', ttlMs, 'NX');
    return set === 'OK';
  }

  async sessionAtPlace(place: string): Promise<string | null> {
    return this.redis.get(this.key(keys.place(place)));
  }

  async setSessionAtPlace(place: string, sessionId: string): Promise<void> {
    await this.redis.set(this.key(keys.place(place)), sessionId);
  }

  private async readIndex(candidateId: CandidateId): Promise<SessionSummary[]> {
    const fields = await this.redis.hgetall(this.key(keys.candidateIndex(candidateId)));
    return Object.values(fields)
      .map((json) => JSON.parse(json) as SessionSummary)
      .sort(newestFirst);
  }

  private key(key: string): string {
    return redisKey(this.namespace, key);
  }
}
