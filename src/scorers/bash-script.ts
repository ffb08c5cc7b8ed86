import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';

/**
 * A scorer that runs a bash script, which must print `score=X` with X between 0 and 1.
 *
 * @example
 * ```ts
 * bashScript('npm test >/dev/null 2>&1 && echo score=1 || echo score=0');
 * // definition: { type: 'bash_script_scorer', bash_script: 'npm test … || echo score=0' }
 * ```
 */
export function bashScript(script: string, options?: ScorerOptions): Scorer {
  return makeScorer({ type: 'bash_script_scorer', bash_script: script }, options);
}
