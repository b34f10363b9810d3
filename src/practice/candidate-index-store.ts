/**
 * The candidate index (engine port `CandidateIndexStore`) on the store's records and lock, so
 * it works on every backend and, on Redis, across processes: each update is a read-modify-write
 * under the lock `practice:<candidate>`. A second record lists who has reminders on, so the
 * reminder sweep reads one record, not every candidate.
 */
import type { CandidateIndex } from '../engine/candidate-index.ts';
import type { CandidateIndexStore, SessionLock } from '../engine/ports.ts';
import type { CandidateId } from '../engine/types.ts';
import type { RecordStore } from '../store/record-store.ts';

const indexKey = (candidateId: CandidateId) => `practice:${candidateId}`;
const REMINDERS_KEY = 'practice-reminders';

export function storeCandidateIndex(records: RecordStore, lock: SessionLock): CandidateIndexStore {
  return {
    read: (candidateId) => records.get<CandidateIndex>(indexKey(candidateId)),
    async update(candidateId, change) {
      const next = await lock.withLock(indexKey(candidateId), async () => {
        const current = await records.get<CandidateIndex>(indexKey(candidateId));
        const updated = change(current);
        await records.set(indexKey(candidateId), updated);
        return { before: current?.reminders?.on === true, updated };
      });
      const after = next.updated.reminders?.on === true;
      if (after !== next.before) {
        await lock.withLock(REMINDERS_KEY, async () => {
          const ids = new Set((await records.get<CandidateId[]>(REMINDERS_KEY)) ?? []);
          if (after) ids.add(candidateId);
          else ids.delete(candidateId);
          await records.set(REMINDERS_KEY, [...ids].sort());
        });
      }
      return next.updated;
    },
    async withReminders() {
      return (await records.get<CandidateId[]>(REMINDERS_KEY)) ?? [];
    },
    async forget(candidateId) {
      await lock.withLock(indexKey(candidateId), () => records.delete(indexKey(candidateId)));
      await lock.withLock(REMINDERS_KEY, async () => {
        const ids = (await records.get<CandidateId[]>(REMINDERS_KEY)) ?? [];
        if (ids.includes(candidateId)) {
          await records.set(
            REMINDERS_KEY,
            ids.filter((id) => id !== candidateId),
          );
        }
      });
    },
  };
}
