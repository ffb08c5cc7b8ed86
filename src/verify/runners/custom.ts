import type { ScorerDefinition } from '../../scorers/registry.js';
import type { ScorerRunner } from '../scorer-runtime.js';
import { scoreByPrintedScore } from './scorer-outcome.js';

/**
 * `custom_scorer`: runs the caller's local implementation of the type (a script run with bash,
 * or a function) with `scorer_params` as `$RL_SCORER_CONTEXT`, and reads the score it prints;
 * `unknown` without one, since Runloop's registered script is not available locally.
 */
export const runCustomScorer: ScorerRunner<Extract<ScorerDefinition, { type: 'custom_scorer' }>> = async (definition, runtime) => {
  const hook = runtime.customScorer(definition.custom_scorer_type);
  if (hook === undefined) {
    const type = definition.custom_scorer_type;
    return {
      score: 0,
      state: 'unknown',
      output: `no local implementation of the custom scorer type ${JSON.stringify(type)}; pass customScorers: { ${JSON.stringify(type)}: script or function }`,
      summary: `has no local implementation (customScorers[${JSON.stringify(type)}])`,
    };
  }
  return scoreByPrintedScore(await hook(definition.scorer_params ?? {}), runtime.timeoutSeconds);
};
