import type { ScorerDefinition } from '../../scorers/registry.js';
import type { ScorerRunner } from '../scorer-runtime.js';
import { satisfiesPythonVersion } from './python-version-match.js';
import { scoreByPrintedScore, withNotes } from './scorer-outcome.js';
import { shellQuote } from '../../util/shell-quote.js';

/**
 * `python_script_scorer`: runs the script with the local `python3 -c` in the working directory
 * and reads the score it prints. The version constraint is checked, not enforced (a note says
 * when the local interpreter does not satisfy it); requirements are installed only when the
 * caller asked for it (a note says when they were not).
 */
export const runPythonScriptScorer: ScorerRunner<Extract<ScorerDefinition, { type: 'python_script_scorer' }>> = async (definition, runtime) => {
  const notes: string[] = [];
  const constraint = definition.python_version_constraint;
  if (constraint !== undefined) {
    const version = await runtime.pythonVersion();
    if (version === undefined) {
      return { score: 0, state: 'error', output: withNotes(['no python3 on PATH'], ''), summary: 'could not run: no python3 on PATH' };
    }
    if (!satisfiesPythonVersion(version, constraint)) {
      notes.push(`python_version_constraint ${constraint} is not satisfied by the local python3 ${version}; ran with it anyway`);
    }
  }
  const requirements = definition.requirements_contents ?? '';
  let env: Readonly<Record<string, string>> | undefined;
  if (requirements.trim() !== '') {
    env = await runtime.pythonRequirements(requirements);
    if (env === undefined) notes.push('requirements_contents were not installed (installPythonRequirements is off); ran with the packages python3 already has');
  }
  const outcome = await runtime.bash(`python3 -c ${shellQuote(definition.python_script)}`, env === undefined ? undefined : { env });
  return scoreByPrintedScore(outcome, runtime.timeoutSeconds, notes);
};
