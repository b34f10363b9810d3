/**
 * Quantities with units through mathjs: bytes and bits with SI prefixes, time, rates. We turn
 * what a candidate wrote ("100 KB", "Gbps", "per day", "QPS", "每天") into mathjs unit text, and
 * let mathjs do the arithmetic and conversions (no hand-written conversion tables).
 *
 * mathjs is loaded at the first estimate checked, not at start-up: importing it takes longer
 * than everything else the bot loads (bench/startup.ts prints the figures).
 */
import type { MathJsInstance, Unit } from 'mathjs';

let instance: MathJsInstance | null = null;
let loading: Promise<MathJsInstance> | null = null;

/** Loads mathjs once; `math()` may be called after this resolves. */
export function loadMath(): Promise<MathJsInstance> {
  loading ??= import('mathjs').then(({ all, create }) => {
    // Our own instance: never mutate mathjs's shared default one.
    instance = create(all!, {});
    return instance;
  });
  return loading;
}

/** The mathjs instance; `await loadMath()` first (checkEstimates does). */
export function math(): MathJsInstance {
  if (!instance) throw new Error('mathjs is not loaded yet: await loadMath() first');
  return instance;
}

/** Written unit → mathjs unit text; longest first so "GB/s" wins over "GB". */
const UNIT_WORDS: [RegExp, string][] = [
  [
    /^(?:qps|rps|tps|req(?:uests)?\/s(?:ec)?|requests? per second|queries per second|transactions per second|per second|\/s(?:ec)?|每秒|次\/秒)/iu,
    's^-1',
  ],
  [/^(?:bytes?|b)(?![a-z])/u, 'B'],
  [/^(?:a day|per day|\/day|\/d(?![a-z])|daily|每天|每日|\/天|一天)/iu, 'day^-1'],
  [/^(?:a month|per month|\/month|每月)/iu, 'month^-1'],
  [/^(?:ms|milliseconds?|毫秒)(?![a-z])/iu, 'ms'],
  [/^(?:s|sec|seconds?|秒)(?![a-z])/iu, 's'],
  [/^(?:days?|天)(?![a-z])/iu, 'day'],
  [/^(?:hours?|h|小时)(?![a-z])/iu, 'hour'],
];

/** The unit text for what follows a number ("" for a plain count), and how much it used. */
export function readUnit(after: string): { unit: string; length: number } {
  const text = after.replace(/^\s+/, '');
  const skipped = after.length - text.length;
  // Sizes and bandwidth: case matters (Gb is bits, GB bytes); "ps" after either is per second.
  const size = /^([kmgtp])i?([bB])(?:ytes|its)?(\/s(?:ec)?|ps)?(?![a-z])/iu.exec(text);
  if (size) {
    const p = size[1]!;
    const si = p.toLowerCase() === 'k' ? 'k' : p.toUpperCase();
    const bits = size[2] === 'b' && !/ytes/i.test(size[0]);
    return {
      unit: `${si}${bits ? 'b' : 'B'}${size[3] ? '/s' : ''}`,
      length: skipped + size[0].length,
    };
  }
  for (const [re, unit] of UNIT_WORDS) {
    const m = re.exec(text);
    if (m) {
      const prefix = /^[kmgtp]$/i.test(m[1] ?? '') ? m[1]! : '';
      // mathjs wants SI prefixes as written in SI: k lower-case, M G T P upper-case.
      const si = prefix === '' ? '' : prefix.toLowerCase() === 'k' ? 'k' : prefix.toUpperCase();
      return { unit: unit.replace('$1', si), length: skipped + m[0].length };
    }
  }
  return { unit: '', length: 0 };
}

export function quantity(value: number, unit: string): Unit | number {
  return unit === '' ? value : math().unit(value, unit);
}

export function isUnit(x: unknown): x is Unit {
  return typeof x === 'object' && x !== null && (x as { type?: string }).type === 'Unit';
}
