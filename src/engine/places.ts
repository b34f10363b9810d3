/** How a `Place` becomes a key of the store's place index. */
import type { CandidateId, Place } from './types.ts';

/** A place shared by many candidates is indexed per candidate; any other place once. */
export function placeIndexKey(actor: CandidateId, place: Place): string {
  return place.perCandidate ? `${place.key}#${actor}` : place.key;
}
