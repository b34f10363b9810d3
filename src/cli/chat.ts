/** `chat --scenario ID [--mode interview|coach] [--lang en|zh] [--difficulty …]` or `chat --resume`. */
import { parseArgs } from 'node:util';
import { runTerminal } from '../adapters/terminal/index.ts';
import { loadConfig } from '../config.ts';
import { DIFFICULTIES, type Difficulty } from '../knowledge/schema.ts';
import { createLogger } from '../logger.ts';
import { type CliCommand, UsageError } from '../io.ts';

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`chat: --${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export const chatCommand: CliCommand = async (argv, io) => {
  let values: {
    scenario?: string;
    mode?: string;
    lang?: string;
    difficulty?: string;
    resume?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        mode: { type: 'string' },
        lang: { type: 'string' },
        difficulty: { type: 'string' },
        resume: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`chat: ${(error as Error).message}`);
  }
  if (!values.scenario && !values.resume) {
    throw new UsageError('chat: give --scenario ID (see `npm run cli -- scenarios`) or --resume');
  }
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel, toStderr: true });
  return runTerminal(config, io, logger, {
    scenarioId: values.scenario,
    mode: oneOf('mode', values.mode, ['interview', 'coach'] as const),
    lang: oneOf('lang', values.lang, ['en', 'zh'] as const) ?? config.defaultLang,
    difficulty: oneOf<Difficulty>('difficulty', values.difficulty, DIFFICULTIES),
    resume: values.resume ?? false,
    offerResume: false,
    resumeHint: 'npm run cli -- chat --resume',
  });
};
