import { copyData } from '../util/copy-data.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';

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
  const params = options?.params;
  return makeScorer(
    {
      type: 'custom_scorer',
      custom_scorer_type: type,
      ...(params !== undefined && { scorer_params: copyData(params) }),
    },
    options,
  );
}
