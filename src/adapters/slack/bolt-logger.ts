/** Bolt and the Slack SDK log through this: our pino logger behind Slack's Logger interface. */
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../logger.ts';

export function boltLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...msgs: unknown[]) => child.debug(msgs.map(String).join(' ')),
    info: (...msgs: unknown[]) => child.info(msgs.map(String).join(' ')),
    warn: (...msgs: unknown[]) => child.warn(msgs.map(String).join(' ')),
    error: (...msgs: unknown[]) => child.error(msgs.map(String).join(' ')),
    // pino's own level decides what is written; Slack's setting is remembered for getLevel.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
