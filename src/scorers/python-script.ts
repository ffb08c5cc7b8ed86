import { z } from 'zod';
import { SomeTextSchema, TextSchema } from '../schema/primitives.js';
import { withoutNulls } from '../util/without-nulls.js';
import { report } from '../validation/report-issue.js';
import { isPythonVersionSpecifier } from './python-version.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';
import { defineScorerKind, scorerOptions } from './scorer-kind.js';

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
const PythonScriptDefinitionSchema = z.strictObject({
  type: z.literal('python_script_scorer'),
  python_script: SomeTextSchema,
  python_version_constraint: TextSchema.superRefine((version, ctx) => {
    if (!isPythonVersionSpecifier(version)) {
      report(ctx, 'invalid-python-version', `${JSON.stringify(version)} is not a version specifier; write e.g. "==3.12.10" or ">=3.11,<3.13"`);
    }
  }).optional(),
  requirements_contents: z.string({ error: 'must be the text of a requirements.txt' }).optional(),
});

/** The factory's options, `name` included. */
const PythonScriptOptionsSchema = scorerOptions({ pythonVersion: z.unknown(), requirements: z.unknown() });

/** The python script scorer kind. */
export const pythonScriptKind = defineScorerKind<typeof PythonScriptDefinitionSchema, [script: string, options?: PythonScriptOptions], typeof PythonScriptOptionsSchema>({
  type: 'python_script_scorer',
  factory: 'pythonScript',
  defaultName: 'python-script',
  parameters: ['script'],
  options: PythonScriptOptionsSchema,
  definition: PythonScriptDefinitionSchema,
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
