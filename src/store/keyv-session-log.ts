/**
 * The session log on a Keyv for one process (memory and sqlite): the header, each turn and the
 * candidate index are separate keys. Keyv has no compare-and-set, so each commit runs under an
 * in-process mutex per session; the header is written last, so a commit cut short leaves at
 * most turns past the header's count, which the next commit overwrites.
 * Two processes on one file are refused at open (see backends/sqlite.ts).
 */
import type Keyv from 'keyv';
import type { SessionSummary } from '../engine/ports.ts';
import type { CandidateId, StageProgress, Turn } from '../engine/types.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { keys } from './keys.ts';
import { allStages, headerOf, parseLegacy } from './records.ts';
import type { ChangedStage, Commit, Loaded, SessionHeader, SessionLog } from './session-log.ts';

type StoredSummary = SessionSummary & { expiresAt?: number };

export class KeyvSessionLog implements SessionLog {
  private readonly serial = new KeyedMutex();

  /** `keyv` must be created with `throwOnErrors: true`, or a failing store reads as "absent". */
  constructor(
    private readonly keyv: Keyv,
    private readonly now: () => number = Date.now,
  ) {}

  async load(id: string, fromTurn: number): Promise<Loaded | null> {
    const header =
      (await this.keyv.get<SessionHeader>(keys.header(id))) ?? (await this.migrate(id));
    if (!header) return null;
    const [stages, turns] = await Promise.all([
      this.readStages(id, header.plan.length),
      this.readTurns(id, fromTurn, header.turnCount),
    ]);
    return { header, stages, turns };
  }

  async commit(commit: Commit): Promise<'ok' | 'conflict'> {
    const { header } = commit;
    return this.serial.run(header.id, async () => {
      const stored = await this.keyv.get<SessionHeader>(keys.header(header.id));
      if ((stored?.version ?? 0) !== commit.expectedVersion) return 'conflict';
      if ((stored?.turnCount ?? 0) !== commit.fromTurn) return 'conflict';
      const ttl = this.ttlOf(commit.expiresAt);
      // Leaving the active state: what is already stored gets the session's expiry too.
      const earlier = commit.expiryChanged
        ? await this.readTurns(header.id, 0, commit.fromTurn)
        : [];
      const turns = [...earlier, ...commit.newTurns];
      const first = commit.fromTurn - earlier.length;
      const stages = commit.expiryChanged
        ? await this.everyStage(header, commit.changedStages)
        : commit.changedStages;
      await this.write([
        ...turns.map((value, i) => ({ key: keys.turn(header.id, first + i), value, ttl })),
        ...stages.map(({ index, progress }) => ({
          key: keys.stage(header.id, index),
          value: progress,
          ttl,
        })),
      ]);
      await this.write([{ key: keys.header(header.id), value: header, ttl }]);
      // After the session: a crash in between is repaired by the session's next status change.
      if (commit.summary)
        await this.upsertSummary(header.candidateId, commit.summary, commit.expiresAt);
      return 'ok';
    });
  }

  async summaries(candidateId: CandidateId): Promise<SessionSummary[]> {
    const now = this.now();
    return (await this.readIndex(candidateId))
      .filter((s) => s.expiresAt === undefined || s.expiresAt > now)
      .map(({ expiresAt: _e, ...summary }) => summary);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const claimKey = keys.claim(key);
    return this.serial.run(claimKey, async () => {
      // Keyv treats an expired entry as absent, so the claim frees itself after ttlMs.
      if ((await this.keyv.get(claimKey)) !== undefined) return false;
      await this.write([{ key: claimKey, value: 1, ttl: ttlMs }]);
      return true;
    });
  }

  async setPlace(place: string, sessionId: string): Promise<void> {
    const placesKey = keys.sessionPlaces(sessionId);
    await this.serial.run(placesKey, async () => {
      const places = (await this.keyv.get<string[]>(placesKey)) ?? [];
      const entries = [{ key: keys.place(place), value: sessionId }];
      if (!places.includes(place))
        entries.push({ key: placesKey, value: [...places, place] as never });
      await this.write(entries);
    });
  }

  async sessionAtPlace(place: string): Promise<string | null> {
    return (await this.keyv.get<string>(keys.place(place))) ?? null;
  }

  async forgetCandidate(candidateId: CandidateId): Promise<number> {
    const indexKey = keys.candidateIndex(candidateId);
    // Each session under its own mutex, the index after: never both at once, as a commit takes
    // them in the other order.
    const index = await this.readIndex(candidateId);
    for (const { id } of index) {
      await this.serial.run(id, async () => {
        const header = await this.keyv.get<SessionHeader>(keys.header(id));
        const places = (await this.keyv.get<string[]>(keys.sessionPlaces(id))) ?? [];
        await this.keyv.deleteMany([
          ...Array.from({ length: header?.turnCount ?? 0 }, (_, i) => keys.turn(id, i)),
          ...Array.from({ length: header?.plan.length ?? 0 }, (_, i) => keys.stage(id, i)),
          ...places.map(keys.place),
          keys.sessionPlaces(id),
          keys.header(id),
          keys.session(id),
        ]);
      });
    }
    await this.serial.run(indexKey, () => this.keyv.delete(indexKey));
    return index.length;
  }

  /** An earlier version's whole-session record, split into header and turns, then removed. */
  private async migrate(id: string): Promise<SessionHeader | null> {
    return this.serial.run(id, async () => {
      const done = await this.keyv.get<SessionHeader>(keys.header(id));
      if (done) return done;
      const raw = await this.keyv.get<unknown>(keys.session(id));
      if (raw === undefined) return null;
      const session = parseLegacy(id, raw);
      const header = headerOf(session);
      await this.write([
        ...session.turns.map((value, i) => ({ key: keys.turn(id, i), value })),
        ...allStages(session).map(({ index, progress }) => ({
          key: keys.stage(id, index),
          value: progress,
        })),
      ]);
      await this.write([{ key: keys.header(id), value: header }]);
      await this.keyv.delete(keys.session(id));
      return header;
    });
  }

  private async readTurns(id: string, from: number, to: number): Promise<Turn[]> {
    if (from >= to) return [];
    const wanted = Array.from({ length: to - from }, (_, i) => keys.turn(id, from + i));
    const turns = await this.keyv.getMany<Turn>(wanted);
    const missing = turns.findIndex((t) => t === undefined);
    if (missing >= 0)
      throw new Error(`session ${id}: turn ${from + missing} is missing from the store`);
    return turns as Turn[];
  }

  private async readStages(id: string, count: number): Promise<StageProgress[]> {
    const stages = await this.storedStages(id, count);
    const missing = stages.indexOf(undefined);
    if (missing >= 0) throw new Error(`session ${id}: stage ${missing} is missing from the store`);
    return stages as StageProgress[];
  }

  private async storedStages(id: string, count: number): Promise<Array<StageProgress | undefined>> {
    if (count === 0) return [];
    return this.keyv.getMany<StageProgress>(
      Array.from({ length: count }, (_, i) => keys.stage(id, i)),
    );
  }

  /** The changed stages plus the stored ones (to rewrite them all with an expiry). */
  private async everyStage(
    header: SessionHeader,
    changed: ChangedStage[],
  ): Promise<ChangedStage[]> {
    const stored = await this.storedStages(header.id, header.plan.length);
    return stored.flatMap((progress, index) => {
      const next = changed.find((c) => c.index === index)?.progress ?? progress;
      return next ? [{ index, progress: next }] : [];
    });
  }

  private async readIndex(candidateId: CandidateId): Promise<StoredSummary[]> {
    return (await this.keyv.get<StoredSummary[]>(keys.candidateIndex(candidateId))) ?? [];
  }

  private async upsertSummary(
    candidateId: CandidateId,
    summary: SessionSummary,
    expiresAt: number | undefined,
  ): Promise<void> {
    const indexKey = keys.candidateIndex(candidateId);
    await this.serial.run(indexKey, async () => {
      const now = this.now();
      const others = (await this.readIndex(candidateId)).filter(
        (s) => s.id !== summary.id && (s.expiresAt === undefined || s.expiresAt > now),
      );
      const entry: StoredSummary = expiresAt === undefined ? summary : { ...summary, expiresAt };
      await this.write([{ key: indexKey, value: [...others, entry] }]);
    });
  }

  private ttlOf(expiresAt: number | undefined): number | undefined {
    return expiresAt === undefined ? undefined : Math.max(1, expiresAt - this.now());
  }

  private async write(
    entries: Array<{ key: string; value: unknown; ttl?: number }>,
  ): Promise<void> {
    // With throwOnErrors a failed write throws; `false` is a second line of defence.
    const written = await this.keyv.setMany(entries);
    if (written.some((ok) => !ok)) throw new Error(`store write failed: ${entries[0]?.key}`);
  }
}
