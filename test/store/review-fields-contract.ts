/**
 * Part of the store contract (contract.ts): the fields replay and self-assessment add to an
 * interview (a turn's platform message id, the scorecard's gap references and self-ratings,
 * the session's self-assessment) are stored like every other field, and survive later writes.
 */
import { expect, it } from 'vitest';
import type { StoreHandle } from '../../src/store/index.ts';
import { candidateTurn, makeSession, nextVersion, SCORECARD } from './sessions.ts';

export function reviewFieldsContract(open: () => Promise<StoreHandle>): void {
  it('keeps replay references and the self-assessment through later writes', async () => {
    const { store } = await open();
    const answer = { ...candidateTurn('t1', 'Watch time.'), messageId: 'slack:T1:C1:1.000002' };
    const v1 = makeSession({ turns: [answer] });
    expect(await store.put(v1, 0)).toBe('ok');
    // Finished, the scorecard waiting for the candidate's ratings.
    const v2 = nextVersion(v1, {
      status: 'finished',
      selfAssessment: { ratings: { requirements: 3 } },
      scorecard: {
        ...SCORECARD,
        sessionId: v1.id,
        gapTurns: [{ turn: 1, messageId: answer.messageId }, null],
      },
    });
    expect(await store.put(v2, 1)).toBe('ok');
    const v3 = nextVersion(v2, {
      selfAssessment: { ratings: { requirements: 3 }, done: true },
      scorecard: { ...v2.scorecard!, self: { requirements: 3 } },
    });
    expect(await store.put(v3, 2)).toBe('ok');
    expect(await store.get(v1.id)).toEqual(v3);
  });
}
