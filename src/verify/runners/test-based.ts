import type { ScorerDefinition } from '../../scorers/registry.js';
import type { ScorerRunner } from '../scorer-runtime.js';
import { scoreByExitCode } from './scorer-outcome.js';

/** `test_based_scorer`: writes `test_files` (relative to the working directory), then scores `test_command` by its exit status. */
export const runTestBasedScorer: ScorerRunner<Extract<ScorerDefinition, { type: 'test_based_scorer' }>> = async (definition, runtime) => {
  for (const file of definition.test_files ?? []) await runtime.writeFile(file.file_path, file.file_contents);
  return scoreByExitCode(await runtime.bash(definition.test_command), runtime.timeoutSeconds);
};
