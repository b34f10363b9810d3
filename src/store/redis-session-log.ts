/**
 * The session log shared by many processes through one Redis:
 * `hdr:<id>` the header (JSON), `ver:<id>` its version, `turns:<id>` a list of turns (JSON),
 * `idx:<candidate>` a hash of summaries, `place:<place>` → session id.
 * A commit is one Lua script: check the version and the turn count, set the header, RPUSH the
 * new turns, update the summary, set the expiry — atomic, and its size is the turn's, not the
 * interview's. The version lives in its own small key so the check never parses JSON.
 * Needs a single Redis (or primary + replicas): scripts touch keys in different hash slots,
 * so Redis Cluster is not supported.
 */
import type { Redis } from 'ioredis';
import type { SessionSummary } from '../engine/ports.ts';
import type { CandidateId, StageProgress, Turn } from '../engine/types.ts';
import { keys, redisKey } from './keys.ts';
import { LuaScript } from './lua-script.ts';
import { headerOf, parseLegacy } from './records.ts';
import type { Commit, Loaded, SessionLog } from './session-log.ts';

type StoredSummary = SessionSummary & { expiresAt?: number };

const LOAD = new LuaScript(`
local header = redis.call('GET', KEYS[1])
if not header then return false end
return {header, redis.call('HGETALL', KEYS[3]), redis.call('LRANGE', KEYS[2], ARGV[1], -1)}
`);

// KEYS: header, version, turns, index, stages. ARGV: expected version, new version, header
// JSON, turn count before, ms until it expires or '', summary field or '', summary JSON, number of
// new turns, the turns..., then (stage index, progress JSON) pairs.
const COMMIT = new LuaScript(`
if tonumber(redis.call('GET', KEYS[2]) or '0') ~= tonumber(ARGV[1]) then return 0 end
if redis.call('LLEN', KEYS[3]) ~= tonumber(ARGV[4]) then return 0 end
redis.call('SET', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[2])
local turns = tonumber(ARGV[8])
if turns > 0 then redis.call('RPUSH', KEYS[3], unpack(ARGV, 9, 8 + turns)) end
if #ARGV > 8 + turns then redis.call('HSET', KEYS[5], unpack(ARGV, 9 + turns)) end
if ARGV[6] ~= '' then redis.call('HSET', KEYS[4], ARGV[6], ARGV[7]) end
if ARGV[5] ~= '' then
  for _, i in ipairs({1, 2, 3, 5}) do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
end
return 1
`);

// KEYS: header, version, turns, legacy record, stages. ARGV: legacy version, header JSON,
// number of stages, the stages' JSON..., turns... (JSON passed through as it is: cjson would
// turn an empty list into an object).
const MIGRATE = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 1 end
if tonumber(redis.call('GET', KEYS[2]) or '-1') ~= tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[3], KEYS[5])
local stages = tonumber(ARGV[3])
for i = 1, stages do redis.call('HSET', KEYS[5], i - 1, ARGV[3 + i]) end
for i = 4 + stages, #ARGV, 1000 do
  redis.call('RPUSH', KEYS[3], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('DEL', KEYS[4])
return 1
`);

export class RedisSessionLog implements SessionLog {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    private readonly now: () => number = Date.now,
  ) {}

  async load(id: string, fromTurn: number): Promise<Loaded | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = (await LOAD.run(
        this.redis,
        [this.key(keys.header(id)), this.key(keys.turns(id)), this.key(keys.stages(id))],
        [Math.min(fromTurn, Number.MAX_SAFE_INTEGER)],
      )) as [string, string[], string[]] | null;
      if (found) {
        const [header, stageFields, turns] = found;
        const stages: StageProgress[] = [];
        for (let i = 0; i < stageFields.length; i += 2) {
          stages[Number(stageFields[i])] = JSON.parse(stageFields[i + 1]!) as StageProgress;
        }
        return {
          header: JSON.parse(header),
          stages,
          turns: turns.map((t) => JSON.parse(t) as Turn),
        };
      }
      if (!(await this.migrate(id))) return null;
    }
    throw new Error(`session ${id}: the old record changed while it was being migrated`);
  }

  async commit(commit: Commit): Promise<'ok' | 'conflict'> {
    const { header, summary, expiresAt } = commit;
    const stored: StoredSummary | undefined =
      summary && (expiresAt === undefined ? summary : { ...summary, expiresAt });
    const written = await COMMIT.run(
      this.redis,
      [
        this.key(keys.header(header.id)),
        this.key(keys.version(header.id)),
        this.key(keys.turns(header.id)),
        this.key(keys.candidateIndex(header.candidateId)),
        this.key(keys.stages(header.id)),
      ],
      [
        commit.expectedVersion,
        header.version,
        JSON.stringify(header),
        commit.fromTurn,
        expiresAt === undefined ? '' : this.msUntil(expiresAt),
        stored ? header.id : '',
        stored ? JSON.stringify(stored) : '',
        commit.newTurns.length,
        ...commit.newTurns.map((t) => JSON.stringify(t)),
        ...commit.changedStages.flatMap(({ index, progress }) => [index, JSON.stringify(progress)]),
      ],
    );
    if (written === 1 && expiresAt !== undefined && commit.expiryChanged) {
      await this.expirePlaces(header.id, expiresAt);
    }
    return written === 1 ? 'ok' : 'conflict';
  }

  async summaries(candidateId: CandidateId): Promise<SessionSummary[]> {
    const indexKey = this.key(keys.candidateIndex(candidateId));
    const fields = await this.redis.hgetall(indexKey);
    const now = this.now();
    const expired: string[] = [];
    const live: SessionSummary[] = [];
    for (const [id, json] of Object.entries(fields)) {
      const { expiresAt, ...summary } = JSON.parse(json) as StoredSummary;
      if (expiresAt !== undefined && expiresAt <= now) expired.push(id);
      else live.push(summary);
    }
    // The session's own keys expired by themselves; its index entry is pruned here.
    if (expired.length > 0) await this.redis.hdel(indexKey, ...expired);
    return live;
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(keys.claim(key)), '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async setPlace(place: string, sessionId: string): Promise<void> {
    await this.checked(
      this.redis
        .multi()
        .set(this.key(keys.place(place)), sessionId)
        .sadd(this.key(keys.sessionPlaces(sessionId)), place),
    );
  }

  async sessionAtPlace(place: string): Promise<string | null> {
    return this.redis.get(this.key(keys.place(place)));
  }

  async forgetCandidate(candidateId: CandidateId): Promise<number> {
    const indexKey = this.key(keys.candidateIndex(candidateId));
    const ids = await this.redis.hkeys(indexKey);
    for (const id of ids) {
      const places = await this.redis.smembers(this.key(keys.sessionPlaces(id)));
      await this.redis.del(
        ...places.map((p) => this.key(keys.place(p))),
        ...[
          keys.sessionPlaces,
          keys.header,
          keys.version,
          keys.turns,
          keys.stages,
          keys.session,
        ].map((k) => this.key(k(id))),
      );
    }
    await this.redis.del(indexKey);
    return ids.length;
  }

  /** An earlier version's whole-session record → header + turns list; false if there is none. */
  private async migrate(id: string): Promise<boolean> {
    const raw = await this.redis.get(this.key(keys.session(id)));
    if (raw === null) return false;
    const session = parseLegacy(id, JSON.parse(raw));
    await MIGRATE.run(
      this.redis,
      [
        this.key(keys.header(id)),
        this.key(keys.version(id)),
        this.key(keys.turns(id)),
        this.key(keys.session(id)),
        this.key(keys.stages(id)),
      ],
      [
        session.version,
        JSON.stringify(headerOf(session)),
        session.stages.length,
        ...session.stages.map((stage) => JSON.stringify(stage)),
        ...session.turns.map((t) => JSON.stringify(t)),
      ],
    );
    return true;
  }

  private async expirePlaces(id: string, expiresAt: number): Promise<void> {
    const placesKey = this.key(keys.sessionPlaces(id));
    const places = await this.redis.smembers(placesKey);
    const ttl = this.msUntil(expiresAt);
    const multi = this.redis.multi().pexpire(placesKey, ttl);
    for (const place of places) multi.pexpire(this.key(keys.place(place)), ttl);
    await this.checked(multi);
  }

  /**
   * Expiry times are on the engine's clock (`now`), which need not be Redis's: Redis is given
   * what is left of the time, so a key expires when `now` says it should.
   */
  private msUntil(expiresAt: number): number {
    return Math.max(1, expiresAt - this.now());
  }

  private async checked(multi: ReturnType<Redis['multi']>): Promise<void> {
    const results = await multi.exec();
    if (!results) throw new Error('redis transaction aborted');
    for (const [error] of results) if (error) throw error;
  }

  private key(key: string): string {
    return redisKey(this.namespace, key);
  }
}
