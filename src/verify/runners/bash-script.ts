import type { ScorerDefinition } from '../../scorers/registry.js';
import type { ScorerRunner } from '../scorer-runtime.js';
import { scoreByPrintedScore } from './scorer-outcome.js';

/** `bash_script_scorer`: runs the script with bash in the working directory and reads the score it prints. */
export const runBashScriptScorer: ScorerRunner<Extract<ScorerDefinition, { type: 'bash_script_scorer' }>> = async (definition, runtime) =>
  scoreByPrintedScore(await runtime.bash(definition.bash_script), runtime.timeoutSeconds);
