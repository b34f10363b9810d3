/**
 * The effective settings as `config`/`doctor` print them: every variable the program reads,
 * its value (secrets masked, passwords out of URLs) and where it came from: the environment,
 * `.env`, or the default.
 */
import { SECRET_SETTINGS, SETTING_NAMES, settingDefaults } from '../../config.ts';
import { type LoadedEnvironment, type SettingSource, sourceOf } from '../../env-file.ts';

export interface SettingRow {
  name: string;
  /** What is shown: masked for secrets; `(not set)` when unset without a default. */
  shown: string;
  source: SettingSource;
}

/** `xoxb-12…` plus the length: enough to tell two tokens apart, never enough to use one. */
export function mask(value: string): string {
  const visible = value.length > 12 ? value.slice(0, 5) : '';
  return `${visible}… (${value.length} characters, hidden)`;
}

/** A URL with its password replaced (e.g. redis://:***@host:6379). */
function withoutPassword(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}

export function settingRows(loaded: LoadedEnvironment): SettingRow[] {
  const defaults = settingDefaults();
  return SETTING_NAMES.map((name) => {
    const source = sourceOf(name, loaded);
    if (source === 'default') {
      const fallback = defaults[name];
      return { name, source, shown: fallback === undefined ? '(not set)' : String(fallback) };
    }
    const value = (loaded.env[name] ?? '').trim();
    const shown = SECRET_SETTINGS.has(name) ? mask(value) : withoutPassword(value);
    return { name, source, shown };
  });
}

export function formatSettings(loaded: LoadedEnvironment): string {
  const rows = settingRows(loaded);
  const width = Math.max(...rows.map((r) => r.name.length));
  const valueWidth = Math.min(48, Math.max(...rows.map((r) => r.shown.length)));
  const lines = rows.map(
    (r) => `  ${r.name.padEnd(width)}  ${r.shown.padEnd(valueWidth)}  ${r.source}`,
  );
  // Empty values in the file are "not set": only the others count as used.
  const used = rows.filter((r) => r.source === '.env').length;
  const file = loaded.file
    ? `.env: ${loaded.file} (${used} setting${used === 1 ? '' : 's'} from it; the environment wins over it)`
    : `.env: none in ${process.cwd()} (copy .env.example to .env to use one)`;
  return `${file}\nsettings (value, source):\n${lines.join('\n')}\n`;
}
