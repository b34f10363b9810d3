/**
 * Bounded start-up for the platform connections: Discord and Slack either connect within
 * CONNECT_TIMEOUT_MS or start-up ends with one line that names the cause and the fix (their
 * clients would otherwise retry for minutes, or forever).
 */
import { reasonOf, SetupError } from '../../setup-error.ts';

/**
 * Runs `connect`; past `timeoutMs` calls `abandon` (close what was opened) and throws the
 * error `onTimeout` builds. Errors thrown by `connect` go through `explain`.
 */
/** How long closing a half-open connection may take after a failed start. */
const ABANDON_WAIT_MS = 1_000;

/** Closes what a failed start opened, without letting a stuck close hold the error back. */
async function abandonQuietly(abandon: () => Promise<void> | void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.resolve()
      .then(abandon)
      .catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ABANDON_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
}

export async function connectWithin<T>(options: {
  timeoutMs: number;
  connect: () => Promise<T>;
  abandon: () => Promise<void> | void;
  explain: (error: unknown) => SetupError;
  onTimeout: (seconds: number) => SetupError;
}): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  try {
    const result = await Promise.race([options.connect(), timedOut]);
    if (result === 'timeout') {
      await abandonQuietly(options.abandon);
      throw options.onTimeout(Math.round(options.timeoutMs / 1000));
    }
    return result;
  } catch (error) {
    if (error instanceof SetupError) throw error;
    await abandonQuietly(options.abandon);
    throw options.explain(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The network error code somewhere in an error's chain (ENOTFOUND, ECONNREFUSED, …): through
 * `cause` (fetch, undici) and `original` (Slack's Web API client wraps its errors so).
 */
export function networkCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    const next = current as { cause?: unknown; original?: unknown };
    current = next.original ?? next.cause;
  }
  return null;
}

/** A platform as start-up errors name it: which settings to change, which host it reaches. */
export interface PlatformEndpoint {
  /** `Discord`, `Slack`. */
  name: string;
  /** The platform's own API host, e.g. `discord.com`. */
  host: string;
  /** The setting that points the client at another API base, and its value. */
  apiUrlSetting: string;
  apiUrl: string | undefined;
  /** The token setting named when the API base is the platform's own. */
  tokenSetting: string;
}

/** The setting to look at first: the API base when one is set, else the token. */
function settingOf(platform: PlatformEndpoint): string {
  return platform.apiUrl ? platform.apiUrlSetting : platform.tokenSetting;
}

/** The platform could not be reached (`network`: ENOTFOUND, ECONNREFUSED, …). */
export function unreachableError(
  platform: PlatformEndpoint,
  network: string,
  cause: unknown,
): SetupError {
  const { name, host, apiUrl, apiUrlSetting } = platform;
  return new SetupError({
    setting: settingOf(platform),
    problem: `cannot reach ${name} at ${apiUrl ?? host} (${network})`,
    fix: apiUrl
      ? `correct ${apiUrlSetting} (or unset it to use ${name} itself), or check the network`
      : `check the network connection (and any proxy) to ${host}`,
    cause,
  });
}

/** Start-up took longer than CONNECT_TIMEOUT_MS. */
export function connectTimeoutError(
  platform: PlatformEndpoint,
  seconds: number,
  what: 'connect' | 'answer',
): SetupError {
  const { name, host, apiUrl } = platform;
  return new SetupError({
    setting: settingOf(platform),
    problem: `${name} did not ${what} within ${seconds} s (${apiUrl ?? host})`,
    fix: `check the network (or proxy) to ${name}, then start again; CONNECT_TIMEOUT_MS sets how long to wait`,
  });
}

/** Start-up failed for a reason none of the known cases explains. */
export function startFailedError(
  platform: PlatformEndpoint,
  what: 'bot' | 'app',
  check: string,
  cause: unknown,
): SetupError {
  return new SetupError({
    setting: platform.tokenSetting,
    problem: `the ${platform.name} ${what} could not start (${reasonOf(cause)})`,
    fix: `check ${check} and the network; LOG_LEVEL=debug shows the details`,
    cause,
  });
}
