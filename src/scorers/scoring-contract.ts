import { z } from 'zod';
import { ScorerNameSchema } from '../schema/primitives.js';
import { report } from '../validation/report-issue.js';
import { sum, WEIGHT_TOLERANCE } from './normalize-weights.js';
import { ScorerDefinitionSchema } from './registry.js';

const WeightSchema = z.number({ error: 'must be a finite number' }).min(0, { error: 'must not be negative' });

/**
 * A scoring contract: at least one scorer, names unique (a warning: the API stores duplicates),
 * and the weights' total checked by `checkTotal` once each weight is a number ≥ 0.
 */
const scoringContract = (checkTotal: (weights: number[], ctx: z.RefinementCtx) => void) =>
  z.strictObject({
    scoring_function_parameters: z
      .array(z.strictObject({ name: ScorerNameSchema, scorer: ScorerDefinitionSchema, weight: WeightSchema }))
      .superRefine((functions, ctx) => {
        if (functions.length === 0) report(ctx, 'missing-field', 'needs at least one scorer');
        const seen = new Set<string>();
        functions.forEach(({ name }, index) => {
          if (seen.has(name)) report(ctx, 'duplicate-scorer-name', `scorer name ${JSON.stringify(name)} is used twice`, [index, 'name']);
          seen.add(name);
        });
        const weights = functions.map((fn) => fn.weight);
        // a negative weight is reported on its own; a total that includes it says nothing more
        if (functions.length > 0 && weights.every((weight) => weight >= 0)) checkTotal(weights, ctx);
      }),
  });

/** `scoring_contract` as sent: weights ≥ 0 that should sum to 1 (a warning otherwise, within {@link WEIGHT_TOLERANCE}). */
export const ScoringContractSchema = scoringContract((weights, ctx) => {
  const total = sum(weights);
  if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
    report(ctx, 'weights-not-normalised', `weights should sum to 1 (±${WEIGHT_TOLERANCE.toExponential()}) when sent exactly, but they sum to ${Number(total.toPrecision(12))}; fix them or drop .weights('exact')`);
  }
});

/** A scoring contract before normalisation: relative weights, finite and ≥ 0, with a positive total. */
export const RelativeScoringContractSchema = scoringContract((weights, ctx) => {
  if (!weights.some((weight) => weight > 0)) report(ctx, 'zero-weights', 'all weights are 0; give at least one scorer a positive weight');
});
