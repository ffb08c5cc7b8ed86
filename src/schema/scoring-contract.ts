import { z } from 'zod';
import { ScorerNameSchema } from './primitives.js';
import { ScorerDefinitionSchema } from './scorer-definition.js';

/** How far the weights of a scoring contract may be from summing to 1. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * A scoring contract whose weights obey `weight` one by one and `checkTotal` together; scorer
 * names must be unique and at least one scorer is needed.
 */
const scoringContract = (weight: z.ZodNumber, checkTotal: (weights: number[]) => string | undefined) =>
  z.strictObject({
    scoring_function_parameters: z
      .array(z.strictObject({ name: ScorerNameSchema, scorer: ScorerDefinitionSchema, weight }))
      .min(1, { error: 'needs at least one scorer' })
      .superRefine((functions, ctx) => {
        const seen = new Set<string>();
        functions.forEach(({ name }, index) => {
          if (seen.has(name)) {
            ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `scorer name ${JSON.stringify(name)} is used twice` });
          }
          seen.add(name);
        });
        const weights = functions.map((fn) => fn.weight);
        if (functions.length > 0 && weights.every((w) => w >= 0)) {
          const problem = checkTotal(weights);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }
      }),
  });

const sum = (weights: number[]) => weights.reduce((a, b) => a + b, 0);

/** `scoring_contract` as sent: weights in [0, 1] summing to 1 (±1e-9). */
export const ScoringContractSchema = scoringContract(
  z.number({ error: 'must be a finite number' }).min(0, { error: 'must not be negative' }).max(1, { error: 'must be at most 1' }),
  (weights) =>
    Math.abs(sum(weights) - 1) > WEIGHT_SUM_TOLERANCE
      ? `weights must sum to 1 (±${WEIGHT_SUM_TOLERANCE}) when sent exactly, but they sum to ${Number(sum(weights).toPrecision(12))}; fix them or drop .weights('exact')`
      : undefined,
);

/** A scoring contract before normalisation: relative weights, finite and ≥ 0, with a positive total. */
export const RelativeScoringContractSchema = scoringContract(
  z.number({ error: 'must be a finite number' }).min(0, { error: 'must not be negative' }),
  (weights) => (sum(weights) > 0 ? undefined : 'all weights are 0; give at least one scorer a positive weight'),
);
