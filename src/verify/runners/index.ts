import type { ScorerDefinition } from '../../scorers/registry.js';
import type { ScorerRun, ScorerRuntime, ScorerRunner } from '../scorer-runtime.js';
import { runAstGrepScorer } from './ast-grep.js';
import { runBashScriptScorer } from './bash-script.js';
import { runCommandScorer } from './command.js';
import { runCustomScorer } from './custom.js';
import { runPythonScriptScorer } from './python-script.js';
import { runTestBasedScorer } from './test-based.js';

/** Each scorer kind's runner, by wire type. */
const RUNNERS: { readonly [Type in ScorerDefinition['type']]: ScorerRunner<Extract<ScorerDefinition, { type: Type }>> } = {
  ast_grep_scorer: runAstGrepScorer,
  bash_script_scorer: runBashScriptScorer,
  command_scorer: runCommandScorer,
  custom_scorer: runCustomScorer,
  python_script_scorer: runPythonScriptScorer,
  test_based_scorer: runTestBasedScorer,
};

/** Scores one scorer definition with its kind's runner. */
export function runScorer(definition: ScorerDefinition, runtime: ScorerRuntime): Promise<ScorerRun> {
  return (RUNNERS[definition.type] as ScorerRunner<ScorerDefinition>)(definition, runtime);
}
