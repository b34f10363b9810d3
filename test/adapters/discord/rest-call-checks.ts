/**
 * The checks that close each bot end-to-end file (bot*.e2e.test.ts), over every REST call its
 * bot made: no message could ping anyone, and Discord refused nothing.
 */
import { expect, it } from 'vitest';
import type { RecordedCall } from '../../fakes/discord/server.ts';
import { type Harness, messageBodies } from './harness.ts';

/**
 * Declares the two checks on the harness `harness()` returns (it is started in beforeAll).
 * `moreBodiesThan` keeps the first check from passing on nothing: the file's tests send more
 * message bodies than that.
 */
export function restCallChecks(harness: () => Harness, moreBodiesThan: number): void {
  it('never lets a message ping: allowed_mentions parse is empty on every message body', () => {
    const h = harness();
    const bodies = messageBodies(h.discord.calls);
    expect(bodies.length).toBeGreaterThan(moreBodiesThan);
    for (const body of bodies)
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('stayed within what Discord accepts: no refused or unknown REST call', () => {
    const h = harness();
    const refused = h.discord.calls.filter((c: RecordedCall) => c.status >= 400);
    expect(
      refused.map((c) => `${c.method} ${c.path} ${c.status} ${c.problems.join('; ')}`),
    ).toEqual([]);
  });
}
