/** The one error style, and the bounded connect used by the Discord and Slack start-ups. */
import { describe, expect, it } from 'vitest';
import { connectWithin, networkCode } from '../../src/adapters/kit/startup.ts';
import { ConfigError } from '../../src/config.ts';
import { SetupError, exitCodeOf, formatFatal } from '../../src/setup-error.ts';

describe('formatFatal', () => {
  const setup = new SetupError({
    setting: 'REDIS_URL',
    problem: 'cannot use Redis',
    fix: 'start it',
  });

  it('prints our errors as they are: setting, problem, fix', () => {
    expect(formatFatal(setup, undefined)).toBe('REDIS_URL: cannot use Redis.\n  fix: start it\n');
    expect(formatFatal(new ConfigError('invalid setting'), 'info')).toBe('invalid setting\n');
  });

  it('anything else is one line saying it is unexpected, without a stack', () => {
    const text = formatFatal(
      new TypeError('x is not a function\n    at foo (a.ts:1:1)'),
      undefined,
    );
    expect(text).toBe(
      'unexpected error: x is not a function\n  fix: run again with LOG_LEVEL=debug for the details, and report it if it persists\n',
    );
  });

  it('the stack only with LOG_LEVEL=debug or trace', () => {
    expect(formatFatal(setup, 'debug')).toMatch(
      /^SetupError: REDIS_URL: cannot use Redis[\s\S]*\n\s+at /,
    );
    expect(formatFatal(setup, 'trace')).toMatch(/\n\s+at /);
  });

  it('exit codes: 1 for settings and services, 2 for bad input', () => {
    expect(exitCodeOf(setup)).toBe(1);
    expect(exitCodeOf(new SetupError({ problem: 'p', fix: 'f', exitCode: 2 }))).toBe(2);
    const usage = Object.assign(new Error('bad flag'), { name: 'UsageError' });
    expect(exitCodeOf(usage)).toBe(2);
    expect(exitCodeOf(new Error('boom'))).toBe(1);
  });
});

describe('connectWithin', () => {
  it('gives up after the time bound with the error it is given, and closes what was opened', async () => {
    let abandoned = false;
    const attempt = connectWithin({
      timeoutMs: 50,
      connect: () => new Promise<never>(() => {}),
      abandon: () => {
        abandoned = true;
      },
      explain: () => new SetupError({ problem: 'explained', fix: 'f' }),
      onTimeout: (seconds) =>
        new SetupError({ problem: `no answer within ${seconds} s`, fix: 'wait' }),
    });
    await expect(attempt).rejects.toThrow('no answer within 0 s');
    expect(abandoned).toBe(true);
  });

  it('explains a failure to connect', async () => {
    const refused = Object.assign(new Error('fetch failed'), {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND' }),
    });
    expect(networkCode(refused)).toBe('ENOTFOUND');
    const attempt = connectWithin({
      timeoutMs: 1_000,
      connect: () => Promise.reject(refused),
      abandon: () => {},
      explain: (error) =>
        new SetupError({ problem: `unreachable (${networkCode(error)})`, fix: 'f' }),
      onTimeout: () => new SetupError({ problem: 'timeout', fix: 'f' }),
    });
    await expect(attempt).rejects.toThrow('unreachable (ENOTFOUND)');
  });
});
