/**
 * A score for a sentence: `1.0`, `0.0`, `0.25`, `0.666667`.
 *
 * @example
 * ```ts
 * formatScore(1); // '1.0'
 * ```
 */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? score.toFixed(1) : String(Number(score.toPrecision(6)));
}
