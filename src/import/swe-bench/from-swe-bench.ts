import { z } from 'zod';
import { bashScript, Scenario, type ScenarioBuilder, type Step } from '../../index.js';
import { ImportError } from '../import-error.js';
import {
  BlueprintOptionSchema,
  blueprintThrew,
  checkBlueprintId,
  checkOptions,
  DEFAULT_MAX_SCRIPT_BYTES,
  MaxScriptBytesSchema,
  scriptBudgetProblem,
  TextOptionSchema,
  validationProblems,
} from '../import-options.js';
import type { ImportProblem } from '../import-problem.js';
import { checkInstance, type CheckedInstance, type SweBenchInstance } from './swe-bench-instance.js';
import type { SweBenchLogParser } from './swe-bench-repos.js';
import { sweBenchScript } from './swe-bench-script.js';
import { planTests } from './test-plan.js';

/**
 * Options of {@link fromSweBench} and {@link importSweBench}.
 *
 * @example
 * ```ts
 * const options: SweBenchOptions = {
 *   blueprintId: (instance) => `bpt_swe_${instance.instance_id}`,
 *   dataset: 'princeton-nlp/SWE-bench_Lite',
 * };
 * ```
 */
export interface SweBenchOptions {
  /** The environment: a blueprint id, or a function of the instance that gives one (e.g. a naming template). */
  blueprintId: string | ((instance: SweBenchInstance) => string);
  /** Where the repository is checked out; the scorer runs there. Default `/testbed`, as in SWE-bench's images. */
  workingDirectory?: string;
  /** Appends `hints_text` to the problem statement. Default false: hints can give the fix away. */
  includeHints?: boolean;
  /** The dataset's name, kept in the metadata as `dataset` (e.g. `princeton-nlp/SWE-bench_Verified`). */
  dataset?: string;
  /** The test command, for a repository not in the built-in table or a version whose command differs; the test files follow it. */
  testCommand?: string;
  /** How the test log reads, when the table or the row does not say. */
  logParser?: SweBenchLogParser;
  /** A command run before the tests (SWE-bench reinstalls the package); '' for none. Default: the table's. */
  install?: string;
  /** The largest scorer script to generate, in bytes (default 120 000). */
  maxScriptBytes?: number;
}

/**
 * The name of the imported scenarios' one scorer.
 *
 * @example
 * ```ts
 * const tuned = fromSweBench(row, { blueprintId: 'bpt_123' }).replaceScorer(SWE_BENCH_SCORER_NAME, command('pytest -q'));
 * ```
 */
export const SWE_BENCH_SCORER_NAME = 'swe-bench-tests';

const SweBenchOptionsSchema = z.strictObject({
  blueprintId: BlueprintOptionSchema,
  workingDirectory: TextOptionSchema.optional(),
  includeHints: z.boolean({ error: 'must be true or false' }).optional(),
  dataset: TextOptionSchema.optional(),
  testCommand: TextOptionSchema.optional(),
  logParser: z.enum(['pytest', 'django', 'sympy'], { error: 'must be "pytest", "django" or "sympy"' }).optional(),
  install: z.string({ error: 'must be a string' }).optional(),
  maxScriptBytes: MaxScriptBytesSchema.optional(),
});

/**
 * A scenario from one SWE-bench instance: named by `instance_id`, the issue as its problem, the
 * gold `patch` as its reference output (validation FORWARD), the repository at `/testbed`, and one
 * bash scorer that does what SWE-bench's harness does (see docs/import.md). Throws
 * {@link ImportError} listing every problem of the options and of the row (the row's own problems
 * even when the options are refused).
 *
 * @example
 * ```ts
 * const scenario = fromSweBench(row, { blueprintId: 'bpt_django_16255', dataset: 'princeton-nlp/SWE-bench_Lite' });
 * await scenario.create();
 * ```
 */
export function fromSweBench(instance: SweBenchInstance, options: SweBenchOptions): ScenarioBuilder<Step> {
  const source = describeRow(instance);
  const checked = checkSweBenchOptions(options, source);
  // with options refused, the row's own problems (which no option changes) are reported with theirs
  if (checked.options === undefined) throw new ImportError([...checked.problems, ...checkInstance(instance).problems.map((problem) => ({ source, ...problem }))]);
  const { builder, problems } = importInstance(instance, checked.options, source);
  if (builder === undefined) throw new ImportError(problems);
  return builder;
}

/** Checks the options (an unknown key is a problem too). */
export function checkSweBenchOptions(options: unknown, source: string): { options?: SweBenchOptions; problems: ImportProblem[] } {
  return checkOptions(SweBenchOptionsSchema, options, source) as { options?: SweBenchOptions; problems: ImportProblem[] };
}

/** Imports one row with checked options, or reports its problems (each naming `source`). */
export function importInstance(row: unknown, settings: SweBenchOptions, source: string): { builder?: ScenarioBuilder<Step>; problems: ImportProblem[] } {
  const checked = checkInstance(row);
  const problems: ImportProblem[] = checked.problems.map((p) => ({ source, ...p }));
  if (checked.instance === undefined) return { problems };
  const instance = checked.instance;

  const planned = planTests(instance, settings);
  problems.push(...planned.problems.map((p) => ({ source, ...p })));
  if (planned.plan === undefined) return { problems };
  const generated = sweBenchScript(instance, planned.plan);
  problems.push(...generated.problems.map((p) => ({ source, ...p })));
  if (generated.script === undefined) return { problems };
  const tooBig = scriptBudgetProblem(generated.script, settings.maxScriptBytes ?? DEFAULT_MAX_SCRIPT_BYTES, source, sizes(instance));
  if (tooBig) problems.push(tooBig);
  const blueprintId = resolveBlueprint(settings.blueprintId, row as SweBenchInstance, source, problems);
  if (problems.length > 0 || blueprintId === undefined) return { problems };

  const builder = Scenario.define(instance.instanceId)
    .problem(problemStatement(instance, settings.includeHints ?? false))
    .env({ blueprintId, workingDirectory: settings.workingDirectory ?? '/testbed' })
    .scorer(bashScript(generated.script, { name: SWE_BENCH_SCORER_NAME }))
    .referenceOutput(instance.patch)
    .validation('FORWARD')
    .metadata(metadata(instance, settings.dataset));
  const invalid = validationProblems(builder, source);
  return invalid.length > 0 ? { problems: invalid } : { builder, problems };
}

/** How a row is named in problems: its instance id, when it has one. */
export function describeRow(row: unknown, where?: string): string {
  const id = typeof row === 'object' && row !== null ? (row as { instance_id?: unknown }).instance_id : undefined;
  const named = typeof id === 'string' && /\S/.test(id) ? id : undefined;
  if (where === undefined) return named ?? 'SWE-bench row';
  return named === undefined ? where : `${where} (${named})`;
}

function resolveBlueprint(option: SweBenchOptions['blueprintId'], row: SweBenchInstance, source: string, problems: ImportProblem[]): string | undefined {
  if (typeof option !== 'function') return option;
  try {
    const id: unknown = option(row);
    if (id instanceof Promise) {
      id.catch(() => {}); // not waited for, so neither is its failure
      problems.push({ source, field: 'options.blueprintId', message: 'the function must return the blueprint id synchronously (got a Promise): SWE-bench rows are imported without waiting; look the ids up first and return them from a Map' });
      return undefined;
    }
    return checkBlueprintId(id, source, problems);
  } catch (error) {
    problems.push(blueprintThrew(error, source));
    return undefined;
  }
}

function problemStatement(instance: CheckedInstance, includeHints: boolean): string {
  const hints = instance.hintsText;
  if (!includeHints || hints === undefined || !/\S/.test(hints)) return instance.problemStatement;
  return `${instance.problemStatement.trimEnd()}\n\n## Hints\n\n${hints.trim()}\n`;
}

function metadata(instance: CheckedInstance, dataset: string | undefined): Record<string, string | undefined> {
  return {
    instance_id: instance.instanceId,
    repo: instance.repo,
    base_commit: instance.baseCommit,
    version: instance.version,
    environment_setup_commit: instance.environmentSetupCommit,
    created_at: instance.createdAt,
    dataset,
  };
}

function sizes(instance: CheckedInstance): string {
  const tests = JSON.stringify([...instance.failToPass, ...instance.passToPass]).length;
  return `test_patch ${Buffer.byteLength(instance.testPatch)} bytes, test names ${tests} bytes`;
}
