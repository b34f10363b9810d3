/**
 * The environment of a bot process the scale tests start: this process's, minus anything that
 * would pick another store or LLM by accident (a PostgreSQL store would be the shared public
 * schema, holding other runs' interviews under the same ids), plus `env`.
 */
const PICKS_A_STORE_OR_LLM = [
  'REDIS_URL',
  'DATABASE_URL',
  'DATABASE_PATH',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
];

export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of PICKS_A_STORE_OR_LLM) delete base[name];
  return { ...base, LOG_LEVEL: 'error', ...env };
}
