import { z } from 'zod';
import { SomeTextSchema } from '../schema/primitives.js';
import { lazy } from '../util/lazy.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';
import { defineScorerKind, scorerOptions } from './scorer-kind.js';
import { scoreByPrintedScore } from './scorer-outcome.js';

/** `bash_script_scorer`: a script that prints `score=X` with X in [0, 1]. */
const bashScriptDefinitionSchema = lazy(() =>
  z.strictObject({
    type: z.literal('bash_script_scorer'),
    bash_script: SomeTextSchema,
  }),
);

/** The factory's options, `name` included. */
const bashScriptOptionsSchema = lazy(() => scorerOptions({}));

/** The bash script scorer kind. */
export const bashScriptKind = defineScorerKind<typeof bashScriptDefinitionSchema, [script: string, options?: ScorerOptions], typeof bashScriptOptionsSchema>({
  type: 'bash_script_scorer',
  factory: 'bashScript',
  defaultName: 'bash-script',
  parameters: ['script'],
  options: bashScriptOptionsSchema,
  definition: bashScriptDefinitionSchema,
  inputs: { bash_script: 'script' },
  toDefinition: ([script]) => ({ type: 'bash_script_scorer', bash_script: script }),
  toArguments: (definition) => [definition.bash_script, {}],
  /** Runs the script with bash in the working directory and reads the score it prints. */
  run: async (definition, runtime) => scoreByPrintedScore(await runtime.bash(definition.bash_script), runtime.timeoutSeconds),
});

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
  return makeScorer(bashScriptKind, [script, options]);
}
