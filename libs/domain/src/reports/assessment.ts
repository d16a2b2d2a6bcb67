/** Statistics for the assessment (考核评估). Pure, so the API and the tests compute them the same way. */

/** A share as a fraction 0..1, or null when nothing was owed (no item, no concern): "no data" is not 100%. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * The p-th percentile by nearest rank (the smallest value with at least p% of values at or below it), so the
 * answer is always one of the observed delays, a whole number of working days. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** The median as the usual midpoint (the mean of the two middle values for an even count). Null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A quarter `2026-Q3` (or `2026Q3`) as its first and last China days. */
export function quarterSpan(quarter: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})-?Q([1-4])$/i.exec(quarter);
  if (!match) return undefined;
  const year = match[1];
  const index = Number(match[2]);
  const first = `${year}-${String(index * 3 - 2).padStart(2, '0')}-01`;
  const lastDay = ['03-31', '06-30', '09-30', '12-31'][index - 1];
  return { from: first, to: `${year}-${lastDay}` };
}
