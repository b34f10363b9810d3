/** The adapter kit's in-process parts: recent ids, the in-flight tracker, button action words. */
import { describe, expect, it } from 'vitest';
import { actionNamed } from '../../../src/adapters/kit/ids.ts';
import { InFlight } from '../../../src/adapters/kit/in-flight.ts';
import { isQuietInConversation } from '../../../src/adapters/kit/quiet-errors.ts';
import { RecentIds } from '../../../src/adapters/kit/recent-ids.ts';

describe('RecentIds', () => {
  it('says true once per id and forgets the oldest past its capacity', () => {
    const recent = new RecentIds(2);
    expect(recent.firstTime('a')).toBe(true);
    expect(recent.firstTime('a')).toBe(false);
    recent.firstTime('b');
    recent.firstTime('c');
    expect(recent.firstTime('a')).toBe(true);
    expect(recent.firstTime('c')).toBe(false);
  });
});

describe('InFlight', () => {
  it('waits for work in flight, reports errors, and refuses work after close', async () => {
    const errors: unknown[] = [];
    const work = new InFlight((e) => errors.push(e));
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    void work.run(async () => {
      await gate;
      order.push('slow');
    });
    void work.run(async () => {
      throw new Error('boom');
    });
    const closed = work.drain().then(() => order.push('closed'));
    release();
    await closed;
    expect(order).toEqual(['slow', 'closed']);
    expect(errors).toHaveLength(1);
    await work.run(async () => {
      order.push('late');
    });
    expect(order).not.toContain('late');
  });
});

describe('action words and quiet errors', () => {
  it('knows the four button actions and nothing else', () => {
    expect(actionNamed('hint')).toBe('hint');
    expect(actionNamed('dance')).toBeNull();
    expect(actionNamed(undefined)).toBeNull();
  });

  it('keeps quiet about messages that were not for an interview of yours', () => {
    expect(isQuietInConversation({ code: 'not-your-session' })).toBe(true);
    expect(isQuietInConversation({ code: 'no-session' })).toBe(true);
    expect(isQuietInConversation({ code: 'busy' })).toBe(false);
  });
});
