import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';

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
  const { pythonVersion, requirements } = options ?? {};
  return makeScorer(
    {
      type: 'python_script_scorer',
      python_script: script,
      ...(pythonVersion !== undefined && { python_version_constraint: pythonVersion }),
      ...(requirements !== undefined && {
        requirements_contents: Array.isArray(requirements) ? requirements.join('\n') : (requirements as string),
      }),
    },
    options,
  );
}
