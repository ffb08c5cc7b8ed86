/** How far from 1 normalised weights may sum. */
const NORMALISED_SUM_TOLERANCE = 1e-12;

/**
 * Scales relative weights (finite, ≥ 0, positive total; a `RangeError` otherwise) so that they
 * sum to 1, keeping their proportions and their zeros. Weights that already sum to 1 are
 * returned unchanged, so normalising twice changes nothing.
 *
 * @example
 * ```ts
 * normalizeWeights([2, 1, 0]); // [0.666…, 0.333…, 0]
 * ```
 */
export function normalizeWeights(weights: readonly number[]): number[] {
  if (!weights.every((weight) => Number.isFinite(weight) && weight >= 0) || !weights.some((weight) => weight > 0)) {
    throw new RangeError(`weights must be finite, at least 0, and not all 0 (got ${JSON.stringify(weights)})`);
  }
  if (Math.abs(preciseSum(weights) - 1) <= NORMALISED_SUM_TOLERANCE) return [...weights];
  let largest = 0;
  for (const weight of weights) if (weight > largest) largest = weight;
  const scaled = weights.map((weight) => weight / largest); // each in [0, 1]: the total cannot overflow
  const total = preciseSum(scaled);
  const normalised = scaled.map((weight) => weight / total);
  const drift = 1 - preciseSum(normalised);
  if (Math.abs(drift) > NORMALISED_SUM_TOLERANCE) {
    const at = normalised.indexOf(1 / total);
    normalised[at] = normalised[at]! + drift;
  }
  return normalised;
}

/** Neumaier's compensated sum: exact enough that a normalised list reads as summing to 1. */
export function preciseSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}
