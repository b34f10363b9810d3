/**
 * Reading the candidate's index, building it once from their sessions when it is missing
 * (sessions from before the index existed).
 */
import { type CandidateIndex, foldSession } from './candidate-index.ts';
import type { Services } from './deps.ts';
import type { Session } from './types.ts';

/** How many past sessions a missing index is built from. */
const REBUILD_LIMIT = 50;

/** The candidate's index, built from their sessions the first time it is asked for. */
export async function candidateIndex(services: Services, actor: string): Promise<CandidateIndex> {
  const stored = await services.candidateIndex.read(actor);
  if (stored) return stored;
  const summaries = await services.store.listByCandidate(actor, REBUILD_LIMIT);
  const loaded = await Promise.all(summaries.map((s) => services.store.get(s.id)));
  const sessions = loaded
    .filter((s): s is Session => s !== null && s.candidateId === actor)
    .sort((a, b) => a.createdAt - b.createdAt);
  const title = (s: Session) =>
    services.knowledge.scenarios.get(s.scenarioId)?.title[s.lang] ?? s.scenarioId;
  return services.candidateIndex.update(actor, (current) => {
    if (current) return current; // another process built it meanwhile
    let index: CandidateIndex | null = null;
    for (const session of sessions) index = foldSession(index, session, title(session));
    return index ?? { entries: [], stages: {} };
  });
}
