/**
 * `chat --scenario ID [--mode interview|coach] [--lang en|zh] [--difficulty …]`, `chat --resume`,
 * `chat --drill [--stage ID]` (one stage) or `chat --practice` (the stage due for review).
 */
import { parseArgs } from 'node:util';
import type { DrillRequest } from '../adapters/terminal/drill.ts';
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
    drill?: boolean;
    practice?: boolean;
    stage?: string;
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
        drill: { type: 'boolean', default: false },
        practice: { type: 'boolean', default: false },
        stage: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`chat: ${(error as Error).message}`);
  }
  const drill: DrillRequest | undefined = values.practice
    ? { kind: 'practice' }
    : values.drill
      ? { kind: 'drill', stage: values.stage }
      : undefined;
  if (!values.scenario && !values.resume && !drill) {
    throw new UsageError(
      'chat: give --scenario ID (see `npm run cli -- scenarios`), --resume, --drill [--stage ID] or --practice',
    );
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
    drill,
  });
};
