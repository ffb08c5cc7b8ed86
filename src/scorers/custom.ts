import { z } from 'zod';
import { JsonObjectSchema, type JsonObject } from '../schema/json-object.js';
import { argumentTextSchema, hasText } from '../schema/primitives.js';
import { copyData } from '../util/copy-data.js';
import { lazy } from '../util/lazy.js';
import { withoutNulls } from '../util/without-nulls.js';
import { coded } from '../validation/report-issue.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';
import { defineScorerKind, scorerOptions } from './scorer-kind.js';
import { scoreByPrintedScore } from './scorer-outcome.js';

/**
 * Options of {@link custom}.
 *
 * @example
 * ```ts
 * const options: CustomOptions = { params: { threshold: 0.8 }, name: 'similarity' };
 * custom('diff-similarity', options);
 * ```
 */
export interface CustomOptions extends ScorerOptions {
  /** A JSON object handed to the scorer's script as `$RL_SCORER_CONTEXT`. */
  params?: Record<string, unknown>;
}

/** A custom scorer type's name, as registered with Runloop. */
const SCORER_TYPE = /^[A-Za-z0-9_-]+$/;

/** `custom_scorer`: a scorer type registered with Runloop, given `scorer_params` as `$RL_SCORER_CONTEXT`. */
const customDefinitionSchema = lazy(() =>
  z.strictObject({
    type: z.literal('custom_scorer'),
    custom_scorer_type: argumentTextSchema().refine(
      (type) => !hasText(type) || SCORER_TYPE.test(type),
      coded<string>('invalid-custom-scorer-type', (type) => `${JSON.stringify(type)} is not a scorer type name (letters, digits, "_" and "-", as registered with Runloop)`),
    ),
    scorer_params: JsonObjectSchema.optional(),
  }),
);

/** The factory's options, `name` included. */
const customOptionsSchema = lazy(() => scorerOptions({ params: z.unknown() }));

/** The custom scorer kind. */
export const customKind = defineScorerKind<typeof customDefinitionSchema, [type: string, options?: CustomOptions], typeof customOptionsSchema>({
  type: 'custom_scorer',
  factory: 'custom',
  defaultName: 'custom',
  parameters: ['type'],
  options: customOptionsSchema,
  definition: customDefinitionSchema,
  inputs: { custom_scorer_type: 'type', scorer_params: 'params' },
  toDefinition([type, options]) {
    const params = options?.params;
    return {
      type: 'custom_scorer',
      custom_scorer_type: type,
      ...(params !== undefined && { scorer_params: copyData(params) as JsonObject }),
    };
  },
  toArguments: (definition) => [definition.custom_scorer_type, withoutNulls({ params: definition.scorer_params })],
  /**
   * Runs the caller's local implementation of the type (a script run with bash, or a function)
   * with `scorer_params` as `$RL_SCORER_CONTEXT`, and reads the score it prints; `unknown`
   * without one, since Runloop's registered script is not available locally.
   */
  async run(definition, runtime) {
    const type = definition.custom_scorer_type;
    const hook = runtime.customScorer(type);
    if (hook === undefined) {
      return {
        score: 0,
        state: 'unknown',
        output: `no local implementation of the custom scorer type ${JSON.stringify(type)}; pass customScorers: { ${JSON.stringify(type)}: script or function }`,
        summary: `has no local implementation (customScorers[${JSON.stringify(type)}])`,
      };
    }
    return scoreByPrintedScore(await hook(definition.scorer_params ?? {}), runtime.timeoutSeconds);
  },
});

/**
 * A scorer of a custom type previously registered with Runloop (`client.scenarios.scorers.create`).
 *
 * @example
 * ```ts
 * custom('diff-similarity', { params: { threshold: 0.8 } });
 * // definition: { type: 'custom_scorer', custom_scorer_type: 'diff-similarity', scorer_params: { threshold: 0.8 } }
 * ```
 */
export function custom(type: string, options?: CustomOptions): Scorer {
  return makeScorer(customKind, [type, options]);
}
