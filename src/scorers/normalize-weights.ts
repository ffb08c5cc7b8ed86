/**
 * How far apart two weights, or a sum of weights and 1, may be and still count as equal: the API
 * documents weights as 32-bit floats (about 7 significant digits), so a weight may come back
 * from Runloop changed in the 8th digit. The one tolerance of the project: exact weights must sum
 * to 1 within it, a plan counts stored weights within it of the sent ones as unchanged, verify
 * counts a weighted total within it of 1 as 1.0, and compares local scores with Runloop's within it.
 *
 * @example
 * ```ts
 * const total = payload.scoring_contract.scoring_function_parameters.reduce((sum, fn) => sum + fn.weight, 0);
 * Math.abs(total - 1) <= WEIGHT_TOLERANCE; // true for every payload scenariokit normalises
 * ```
 */
export const WEIGHT_TOLERANCE = 1e-6;

/**
 * Scales relative weights (finite, ≥ 0, positive total; a `RangeError` otherwise) so that they
 * sum to 1, keeping their zeros: each weight becomes exactly `weight / total` in floating point,
 * the total summed left to right, as the SDK's `ScenarioBuilder` does, so both send the same
 * bits. Only when the total overflows (weights near `Number.MAX_VALUE`) are the weights first
 * scaled down by the largest.
 *
 * @example
 * ```ts
 * normalizeWeights([2, 1, 0]); // [0.6666666666666666, 0.3333333333333333, 0]
 * normalizeWeights([2, 3, 1, 2, 1, 1]); // [0.2, 0.3, 0.1, 0.2, 0.1, 0.1]
 * ```
 */
export function normalizeWeights(weights: readonly number[]): number[] {
  if (!weights.every((weight) => Number.isFinite(weight) && weight >= 0) || !weights.some((weight) => weight > 0)) {
    throw new RangeError(`weights must be finite, at least 0, and not all 0 (got ${JSON.stringify(weights)})`);
  }
  const total = sum(weights);
  if (Number.isFinite(total)) return weights.map((weight) => weight / total);
  const largest = Math.max(...weights);
  const scaled = weights.map((weight) => weight / largest); // each in [0, 1]: their total cannot overflow
  const scaledTotal = sum(scaled);
  return scaled.map((weight) => weight / scaledTotal);
}

/** The left-to-right sum, starting from 0. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
