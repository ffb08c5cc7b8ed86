import { z } from 'zod';
import { formatIssuePath, type ScenarioBuilder, type Step } from '../index.js';
import { describeValue } from '../util/describe-value.js';
import { optionProblems } from '../validation/option-problems.js';
import type { ImportProblem } from './import-problem.js';

/**
 * The default budget for one generated scorer script, in bytes of UTF-8. Runloop documents no
 * limit on `bash_script`; this stays below Linux's 128 KiB limit on one command-line argument
 * (MAX_ARG_STRLEN), which a script passed as `bash -c <script>` would meet.
 *
 * @example
 * ```ts
 * importSweBench(rows, { blueprintId: 'bpt_123', maxScriptBytes: 2 * DEFAULT_MAX_SCRIPT_BYTES });
 * ```
 */
export const DEFAULT_MAX_SCRIPT_BYTES = 120_000;

/** A positive whole number of bytes. */
export const MaxScriptBytesSchema = z.int({ error: 'must be a whole number of bytes' }).positive({ error: 'must be positive' });

/** A string with something in it. */
export const TextOptionSchema = z.string({ error: 'must be a string' }).regex(/\S/, { error: 'must not be blank' });

/** A blueprint id, or a function that gives one. */
export const BlueprintOptionSchema = z.union([TextOptionSchema, z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function')], {
  error: 'must be a blueprint id or a function that returns one',
});

/**
 * Checks an import's options against their strict schema with the project's one option check
 * (`optionProblems`: unknown keys with a did-you-mean, wrong values), and that the options it
 * requires are there, as problems of the import naming `options.<key>`, rather than thrown.
 */
export function checkOptions<T>(schema: z.ZodObject, options: unknown, source: string): { options?: T; problems: ImportProblem[] } {
  const found = optionProblems(() => schema, options).map((problem) => ({ path: problem.path, message: problem.message }));
  const given = (options ?? {}) as Record<string, unknown>;
  for (const [key, member] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (typeof given === 'object' && given[key] === undefined && !member.safeParse(undefined).success) found.push({ path: [key], message: 'is required' });
  }
  const problems = found.map((problem) => ({ source, field: formatIssuePath(['options', ...problem.path]), message: problem.message }));
  return problems.length > 0 ? { problems } : { options: options as T, problems };
}

/** Checks the generated script against the size budget. */
export function scriptBudgetProblem(script: string, maxBytes: number, source: string, parts: string): ImportProblem | undefined {
  const bytes = Buffer.byteLength(script, 'utf8');
  if (bytes <= maxBytes) return undefined;
  return {
    source,
    field: 'options.maxScriptBytes',
    message: `the generated scorer script is ${bytes} bytes (${parts}), over the budget of ${maxBytes}; raise maxScriptBytes if your Runloop account takes larger scripts`,
  };
}

/** The problems `.validateCreate()` finds in an imported builder, as import problems. */
export function validationProblems(builder: ScenarioBuilder<Step>, source: string): ImportProblem[] {
  const result = builder.validateCreate();
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ source, field: formatIssuePath(issue.path), message: `${issue.message} (in the scenario built from it)` }));
}

/** The blueprint id a `blueprintId` option gave (a function's result, awaited), or the problem with it. */
export function checkBlueprintId(id: unknown, source: string, problems: ImportProblem[]): string | undefined {
  if (typeof id === 'string' && /\S/.test(id)) return id;
  problems.push({ source, field: 'options.blueprintId', message: `the function must return a blueprint id (got ${describeValue(id)})` });
  return undefined;
}

/** The problem of a `blueprintId` function that threw. */
export function blueprintThrew(error: unknown, source: string): ImportProblem {
  return { source, field: 'options.blueprintId', message: `the function threw: ${error instanceof Error ? error.message : String(error)}` };
}
