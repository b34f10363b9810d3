/**
 * How a platform's things map to engine ids. Every adapter implements `IdCodec` once (its
 * `ids.ts`), so no other file of an adapter joins or splits ids by hand.
 */
import { ACTIONS, type Action, type CandidateId, type Place } from '../../engine/types.ts';

export interface IdCodec<User, Where> {
  /** The engine's candidate id for a platform user: platform-qualified, so ids never collide. */
  actor(user: User): CandidateId;
  /** The place `where` names (thread, channel, DM, terminal), for `engine.sessionAt`. */
  place(where: Where): Place;
}

/** The button action a word names (`hint`, `next`, ...); null for anything else. */
export function actionNamed(word: string | undefined): Action | null {
  return (ACTIONS as readonly string[]).includes(word ?? '') ? (word as Action) : null;
}
