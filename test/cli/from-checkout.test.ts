/**
 * `ml-interviewer bench` inside the container image: bench/ is not copied there, and a missing
 * module becomes a sentence, not a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { fromCheckout } from '../../src/cli.ts';
import { UsageError } from '../../src/io.ts';

describe('fromCheckout', () => {
  it('turns a module that is not installed into the given message', async () => {
    const missing = '../../bench/not-in-this-installation.ts';
    const loading = fromCheckout(() => import(missing), 'bench: not part of this installation');
    await expect(loading).rejects.toBeInstanceOf(UsageError);
    await expect(loading).rejects.toThrow('bench: not part of this installation');
  });

  it('passes the module through, and any other failure unchanged', async () => {
    expect(await fromCheckout(async () => 42, 'unused')).toBe(42);
    const broken = fromCheckout(() => Promise.reject(new TypeError('boom')), 'unused');
    await expect(broken).rejects.toBeInstanceOf(TypeError);
  });
});
