/**
 * `config`: the effective settings (secrets masked) and where each came from.
 * `doctor`: the same, then a check of each service the settings would use, with a verdict and
 * a fix. Exit code 1 when a setting is invalid or a check fails.
 */
import { type Config, loadConfig } from '../config.ts';
import { formatSettings } from './doctor/settings.ts';
import { type CliCommand, type CliIO, UsageError } from '../io.ts';

function settingsOf(argv: string[], io: CliIO, name: string): { config: Config | null } {
  if (argv.length > 0) throw new UsageError(`${name}: takes no options (got ${argv.join(' ')})`);
  // Run in-process (tests) the environment is used as it is, without a .env.
  const loaded = io.envFile ?? { env: io.env, file: null, fromFile: new Set<string>() };
  io.stdout.write(formatSettings(loaded));
  try {
    return { config: loadConfig(loaded.env) };
  } catch (error) {
    io.stdout.write(`\n${(error as Error).message}\n`);
    return { config: null };
  }
}

export const configCommand: CliCommand = async (argv, io) => {
  const { config } = settingsOf(argv, io, 'config');
  return config ? 0 : 1;
};

export const doctorCommand: CliCommand = async (argv, io) => {
  const { config } = settingsOf(argv, io, 'doctor');
  if (!config) return 1;
  const { formatChecks, runChecks } = await import('./doctor/checks.ts');
  const results = await runChecks(config);
  io.stdout.write(`\n${formatChecks(results)}`);
  return results.some((r) => r.verdict === 'fail') ? 1 : 0;
};
