/**
 * `npm run cli -- <command> [options]`. Each command lives in its own module under src/cli/
 * and is imported only when used, so `scenarios` does not load discord.js.
 */
import { type CliCommand, type CliIO, UsageError } from './io.ts';
import { loadEnvironment } from './env-file.ts';
import { exitCodeOf, formatFatal, isUserFacing } from './setup-error.ts';

/**
 * Tooling kept outside src/ (bench/, which runs against the test stand-ins) is not in the
 * container image: a module that cannot be found becomes `message`, not a stack trace.
 */
export async function fromCheckout<T>(load: () => Promise<T>, message: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND')
      throw new UsageError(message);
    throw error;
  }
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  scenarios: {
    summary: 'list the interview scenarios [--json]',
    load: async () => (await import('./cli/catalog.ts')).scenariosCommand,
  },
  stages: {
    summary: 'list the framework stages [--json]',
    load: async () => (await import('./cli/catalog.ts')).stagesCommand,
  },
  chat: {
    summary:
      'interview in the terminal: --scenario ID [--mode interview|coach] [--lang en|zh] [--difficulty easy|medium|hard] | --resume | --drill [--stage ID] | --practice',
    load: async () => (await import('./cli/chat.ts')).chatCommand,
  },
  'model-answer': {
    summary: 'the model answer of a stage of your latest terminal interview [--stage ID] [--lang]',
    load: async () => (await import('./cli/model-answer.ts')).modelAnswerCommand,
  },
  score: {
    summary:
      'score an answer read from stdin: --scenario ID --stage ID [--scorer offline|llm] [--json]',
    load: async () => (await import('./cli/score.ts')).scoreCommand,
  },
  eval: {
    summary:
      'measure a scorer on a labeled set: --set FILE.jsonl [--scorer offline|llm] [--repeat N] [--json]',
    load: async () => (await import('./cli/eval.ts')).evalCommand,
  },
  'train-scorer': {
    summary: 'fit the offline scorer on labeled sets: [--set FILE.jsonl ...] [--out FILE]',
    load: async () => (await import('./cli/train-scorer.ts')).trainScorerCommand,
  },
  'audit-interviewer': {
    summary:
      'play simulated candidates through every scenario and print how often the interviewer misbehaves [--json]',
    load: async () => (await import('./cli/audit-interviewer.ts')).auditInterviewerCommand,
  },
  bench: {
    summary: 'run the benchmarks and print figures [--json]',
    load: () =>
      fromCheckout(
        async () => (await import('../bench/run.ts')).benchCommand,
        'bench: the benchmarks are not part of this installation (the container image ships the bot only); run `npm run bench` in a checkout of the repository',
      ),
  },
  config: {
    summary: 'the effective settings (secrets masked) and where each came from',
    load: async () => (await import('./cli/config.ts')).configCommand,
  },
  doctor: {
    summary:
      'the settings, then a check of each service they use (store, Redis, LLM, Discord, Slack)',
    load: async () => (await import('./cli/config.ts')).doctorCommand,
  },
  'discord-register': {
    summary: 'register the Discord slash commands [--guild ID]',
    load: async () => (await import('./adapters/discord/register.ts')).registerCommand,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`);
  return `usage: npm run cli -- <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    // Errors written for the user (bad flags, settings, services) end here as their message.
    if (error instanceof UsageError || isUserFacing(error)) {
      io.stderr.write(formatFatal(error, io.env.LOG_LEVEL));
      return exitCodeOf(error);
    }
    throw error;
  }
}

/** Runs the CLI on this process's arguments and streams (`.env` first); sets the exit code. */
export function runFromProcess(): void {
  const run = async () => {
    // `.env` first; the values it adds are seen by every module, as with `node --env-file`.
    const loaded = loadEnvironment();
    Object.assign(process.env, loaded.env);
    return runCli(process.argv.slice(2), {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: loaded.env,
      envFile: loaded,
    });
  };
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(formatFatal(error, process.env.LOG_LEVEL));
      process.exitCode = exitCodeOf(error);
    },
  );
}

const isEntryPoint =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) runFromProcess();
