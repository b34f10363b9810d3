/**
 * The arithmetic mean; NaN for no values (0 / 0), so a caller that has a better answer for "no
 * data" (null, 0) says so where it calls this.
 */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
