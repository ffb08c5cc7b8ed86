import { z } from 'zod';
import { SomeTextSchema, TextSchema } from '../schema/primitives.js';
import { lazy } from '../util/lazy.js';
import { withoutNulls } from '../util/without-nulls.js';
import { coded } from '../validation/report-issue.js';
import { isPythonVersionSpecifier, satisfiesPythonVersion } from './python-version.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';
import { defineScorerKind, scorerOptions } from './scorer-kind.js';
import { scoreByPrintedScore, withNotes } from './scorer-outcome.js';

/**
 * Options of {@link pythonScript}.
 *
 * @example
 * ```ts
 * const options: PythonScriptOptions = { pythonVersion: '>=3.11,<3.13', requirements: ['numpy==2.1.0'] };
 * ```
 */
export interface PythonScriptOptions extends ScorerOptions {
  /** A PEP 440 version specifier, e.g. `==3.12.10` (Runloop's default) or `>=3.11,<3.13`. */
  pythonVersion?: string;
  /** The requirements.txt contents, as text or as one requirement per item. */
  requirements?: string | readonly string[];
}

/** `python_script_scorer`: a script that prints a float in [0, 1]. */
const pythonScriptDefinitionSchema = lazy(() =>
  z.strictObject({
    type: z.literal('python_script_scorer'),
    python_script: SomeTextSchema,
    python_version_constraint: TextSchema.refine(
      isPythonVersionSpecifier,
      coded<string>('invalid-python-version', (version) => `${JSON.stringify(version)} is not a version specifier; write e.g. "==3.12.10" or ">=3.11,<3.13"`),
    ).optional(),
    requirements_contents: z.string({ error: 'must be the text of a requirements.txt' }).optional(),
  }),
);

/** The factory's options, `name` included. */
const pythonScriptOptionsSchema = lazy(() => scorerOptions({ pythonVersion: z.unknown(), requirements: z.unknown() }));

/** The python script scorer kind. */
export const pythonScriptKind = defineScorerKind<typeof pythonScriptDefinitionSchema, [script: string, options?: PythonScriptOptions], typeof pythonScriptOptionsSchema>({
  type: 'python_script_scorer',
  factory: 'pythonScript',
  defaultName: 'python-script',
  parameters: ['script'],
  options: pythonScriptOptionsSchema,
  definition: pythonScriptDefinitionSchema,
  inputs: { python_script: 'script', python_version_constraint: 'pythonVersion', requirements_contents: 'requirements' },
  toDefinition([script, options]) {
    const { pythonVersion, requirements } = options ?? {};
    return {
      type: 'python_script_scorer',
      python_script: script,
      ...(pythonVersion !== undefined && { python_version_constraint: pythonVersion }),
      ...(requirements !== undefined && {
        requirements_contents: Array.isArray(requirements) ? requirements.join('\n') : (requirements as string),
      }),
    };
  },
  toArguments: (definition) => [
    definition.python_script,
    withoutNulls({ pythonVersion: definition.python_version_constraint, requirements: definition.requirements_contents }),
  ],
  /**
   * Runs the script with the local `python3 -c` in the working directory and reads the score it
   * prints. The version constraint is checked, not enforced (a note says when the local
   * interpreter does not satisfy it); requirements are installed only when the caller asked for
   * it (a note says when they were not).
   */
  async run(definition, runtime) {
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
    const outcome = await runtime.python(definition.python_script, env === undefined ? undefined : { env });
    return scoreByPrintedScore(outcome, runtime.timeoutSeconds, notes);
  },
});

/**
 * A scorer that runs a Python script, which must print a float between 0 and 1.
 *
 * @example
 * ```ts
 * pythonScript('print(1.0 if open("out.txt").read() == "ok" else 0.0)', { pythonVersion: '>=3.11', requirements: ['numpy==2.1.0'] });
 * // definition: { type: 'python_script_scorer', python_script: '…', python_version_constraint: '>=3.11', requirements_contents: 'numpy==2.1.0' }
 * ```
 */
export function pythonScript(script: string, options?: PythonScriptOptions): Scorer {
  return makeScorer(pythonScriptKind, [script, options]);
}
