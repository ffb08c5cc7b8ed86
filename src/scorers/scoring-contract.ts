import { z } from 'zod';
import { ScorerNameSchema } from '../schema/primitives.js';
import { lazy } from '../util/lazy.js';
import { report } from '../validation/report-issue.js';
import { sum, WEIGHT_TOLERANCE } from './normalize-weights.js';
import { ALL_KINDS, definitionUnion, type KindSet } from './registry.js';

const weightSchema = lazy(() => z.number({ error: 'must be a finite number' }).min(0, { error: 'must not be negative' }));

/**
 * A scoring contract: at least one scorer, each checked against the definitions of `kinds`, names
 * unique (a warning: the API stores duplicates), and the weights' total checked by `checkTotal`
 * once each weight is a number ≥ 0.
 */
const scoringContract = (kinds: KindSet, checkTotal: (weights: number[], ctx: z.RefinementCtx) => void) =>
  z.strictObject({
    scoring_function_parameters: z
      .array(z.strictObject({ name: ScorerNameSchema, scorer: definitionUnion(kinds), weight: weightSchema() }))
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

/** A contract for each set of kinds, each made on first use. */
const forEachKindSet = (checkTotal: (weights: number[], ctx: z.RefinementCtx) => void) =>
  Array.from({ length: ALL_KINDS + 1 }, (_, kinds) => lazy(() => scoringContract(kinds, checkTotal)));

/** Weights as sent: ≥ 0 and summing to 1 (a warning otherwise, within {@link WEIGHT_TOLERANCE}). */
const EXACT = forEachKindSet((weights, ctx) => {
  const total = sum(weights);
  if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
    report(ctx, 'weights-not-normalised', `weights should sum to 1 (±${WEIGHT_TOLERANCE.toExponential()}) when sent exactly, but they sum to ${Number(total.toPrecision(12))}; fix them or drop .weights('exact')`);
  }
});

/** Weights before normalisation: relative, finite and ≥ 0, with a positive total. */
const RELATIVE = forEachKindSet((weights, ctx) => {
  if (!weights.some((weight) => weight > 0)) report(ctx, 'zero-weights', 'all weights are 0; give at least one scorer a positive weight');
});

/** `scoring_contract` as sent, with every kind of scorer (made on first use). */
export const scoringContractSchema = EXACT[ALL_KINDS]!;

/**
 * The contract a build checks its scorers with: weights as sent or relative, and the definitions
 * of `kinds` (the kinds of its scorers), which gives the issues of the whole contract while making
 * only the schemas of the kinds used.
 */
export function contractSchemaFor(exactWeights: boolean, kinds: KindSet) {
  return (exactWeights ? EXACT : RELATIVE)[kinds]!();
}
