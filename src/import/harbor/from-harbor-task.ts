import { z } from 'zod';
import { bashScript, Scenario, type EnvironmentInput, type ScenarioBuilder, type Step } from '../../index.js';
import { exportLines } from '../embed-file.js';
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
import type { FieldProblem, ImportProblem, ImportResult, ImportWarning } from '../import-problem.js';
import { harborScript, terminalBenchScript } from './harbor-script.js';
import { readTaskFolder, type HarborTask, type TaskFiles } from './harbor-task.js';
import { roundResources } from './resource-size.js';

/**
 * Options of {@link fromHarborTask} and {@link importHarborTasks}.
 *
 * @example
 * ```ts
 * const options: HarborOptions = {
 *   blueprintId: async (task) => blueprints.get(task.name) ?? 'bpt_default',
 *   onWarning: (warning) => console.warn(`${warning.source}: ${warning.field}: ${warning.message}`),
 * };
 * ```
 */
export interface HarborOptions {
  /**
   * The environment: a blueprint id, or a function of the task that gives one (it may be async:
   * the place to find or build a blueprint from `task.dockerfile`).
   */
  blueprintId: string | ((task: HarborTask) => string | Promise<string>);
  /** The working directory when the task names none (`[environment].workdir`, else the Dockerfile's last `WORKDIR`). */
  workingDirectory?: string;
  /** The largest scorer script to generate, in bytes (default 120 000). */
  maxScriptBytes?: number;
  /** Called with each warning of {@link fromHarborTask} (rounded sizes, settings left out); {@link importHarborTasks} returns them instead. */
  onWarning?: (warning: ImportWarning) => void;
}

/**
 * The name of the imported scenarios' one scorer.
 *
 * @example
 * ```ts
 * const scenario = (await fromHarborTask('tasks/hello-world', { blueprintId: 'bpt_123' })).scorer(command('make lint', { name: 'lint' }), 0.2);
 * // weights: harbor-tests 1, lint 0.2 (normalised to 0.83 and 0.17)
 * ```
 */
export const HARBOR_SCORER_NAME = 'harbor-tests';

const HarborOptionsSchema = z.strictObject({
  blueprintId: BlueprintOptionSchema,
  workingDirectory: TextOptionSchema.optional(),
  maxScriptBytes: MaxScriptBytesSchema.optional(),
  onWarning: z.custom<(warning: ImportWarning) => void>((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
});

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A scenario from a Harbor task folder (or a legacy Terminal-Bench one): instruction.md as the
 * problem, `[metadata]` as metadata (non-strings as JSON), `[verifier].timeout_sec` as the scorer
 * timeout, `[environment]` sizes as a custom resource size (rounded up, with a warning), `workdir`
 * as the working directory, solution/solve.sh as the reference output, and tests/ as one bash
 * scorer that runs test.sh and reports its reward (see docs/import.md). Multi-step tasks
 * (`[[steps]]`) are refused. Throws {@link ImportError} listing every problem of the options and
 * of the folder (the folder's own problems even when the options are refused).
 *
 * @example
 * ```ts
 * const scenario = await fromHarborTask('tasks/hello-world', { blueprintId: 'bpt_ubuntu_2404' });
 * await scenario.create();
 * ```
 */
export async function fromHarborTask(dir: string, options: HarborOptions): Promise<ScenarioBuilder<Step>> {
  const checked = checkHarborOptions(options, dir);
  // with options refused, the folder's own problems (which no option changes) are reported with theirs
  if (checked.options === undefined) throw new ImportError([...checked.problems, ...(await readTask(dir)).problems]);
  const { builder, problems, warnings } = await importTask(dir, checked.options);
  if (builder === undefined) throw new ImportError(problems);
  for (const warning of warnings) checked.options.onWarning?.(warning);
  return builder;
}

/**
 * Imports many task folders: a builder for each folder that imports and validates, and the
 * problems of the others, so that one bad folder does not stop the rest; warnings are returned,
 * not printed.
 *
 * @example
 * ```ts
 * const { builders, problems, warnings } = await importHarborTasks(['tasks/hello-world', 'tasks/multi-reward'], { blueprintId: 'bpt_123' });
 * ```
 */
export async function importHarborTasks(dirs: Iterable<string>, options: HarborOptions): Promise<ImportResult<ScenarioBuilder<Step>>> {
  const checked = checkHarborOptions(options, 'options');
  if (checked.options === undefined) return { builders: [], problems: checked.problems, warnings: [] };
  const builders: ScenarioBuilder<Step>[] = [];
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  const names = new Map<string, string>();
  for (const dir of dirs) {
    const imported = await importTask(dir, checked.options);
    warnings.push(...imported.warnings);
    if (imported.builder === undefined) {
      problems.push(...imported.problems);
      continue;
    }
    const name = imported.builder.buildCreate().name;
    const first = names.get(name);
    if (first !== undefined) {
      problems.push({ source: dir, field: 'task.toml [task].name', message: `${JSON.stringify(name)} is also the name of ${first}; scenario names must be unique` });
      continue;
    }
    names.set(name, dir);
    builders.push(imported.builder);
  }
  return { builders, problems, warnings };
}

/** Checks the options (an unknown key is a problem too). */
function checkHarborOptions(options: unknown, source: string): { options?: HarborOptions; problems: ImportProblem[] } {
  return checkOptions(HarborOptionsSchema, options, source) as { options?: HarborOptions; problems: ImportProblem[] };
}

interface Imported {
  builder?: ScenarioBuilder<Step>;
  problems: ImportProblem[];
  warnings: ImportWarning[];
}

/** A task folder read and mapped, with the problems no option changes (each naming the folder). */
async function readTask(dir: string) {
  const read = await readTaskFolder(dir);
  const withSource = (list: readonly FieldProblem[]) => list.map((p) => ({ source: dir, ...p }));
  if (read.files === undefined) return { problems: withSource(read.problems) };
  const mapped = read.files.task.format === 'harbor' ? mapHarbor(read.files) : mapTerminalBench(read.files);
  return { files: read.files, mapped, problems: withSource([...read.problems, ...mapped.problems]), warnings: withSource(mapped.warnings) };
}

async function importTask(dir: string, options: HarborOptions): Promise<Imported> {
  const { files, mapped, problems, warnings } = await readTask(dir);
  if (files === undefined) return { problems, warnings: [] };
  if (mapped.script !== undefined) {
    const tooBig = scriptBudgetProblem(mapped.script, options.maxScriptBytes ?? DEFAULT_MAX_SCRIPT_BYTES, dir, `tests/ holds ${files.tests.size} files`);
    if (tooBig) problems.push(tooBig);
  }
  // warnings are about what was imported: a folder that was not has only its problems
  if (problems.length > 0 || mapped.script === undefined) return { problems, warnings: [] };

  const blueprintId = await resolveBlueprint(options.blueprintId, files.task, dir, problems);
  if (blueprintId === undefined) return { problems, warnings: [] };
  const workingDirectory = mapped.workingDirectory ?? files.dockerWorkdir ?? options.workingDirectory;
  const environment: EnvironmentInput = {
    blueprintId,
    ...(workingDirectory !== undefined && { workingDirectory }),
    ...(mapped.size !== undefined && { launch: { resourceSize: mapped.size } }),
  };
  let builder = Scenario.define(files.task.name)
    .problem(files.instruction!)
    .env(environment)
    .scorer(bashScript(mapped.script, { name: HARBOR_SCORER_NAME }))
    .metadata(mapped.metadata);
  if (mapped.timeout !== undefined) builder = builder.scorerTimeout(mapped.timeout);
  if (mapped.reference !== undefined) builder = builder.referenceOutput(mapped.reference);
  const invalid = validationProblems(builder, dir);
  return invalid.length > 0 ? { problems: invalid, warnings: [] } : { builder, problems, warnings };
}

/** What a folder maps to, before the environment is chosen. */
interface Mapped {
  script?: string;
  metadata: Record<string, string>;
  timeout?: number;
  reference?: string;
  workingDirectory?: string;
  size?: ReturnType<typeof roundResources>['size'];
  problems: FieldProblem[];
  warnings: FieldProblem[];
}

function mapHarbor(files: TaskFiles): Mapped {
  const config = files.task.config;
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const table = (key: string): Record<string, unknown> => {
    const value = config[key];
    if (value === undefined) return {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push({ field: `task.toml [${key}]`, message: 'must be a table' });
    return {};
  };
  const steps = config.steps;
  if (Array.isArray(steps)) {
    const names = steps.map((step) => (step as { name?: unknown })?.name).filter((name) => typeof name === 'string');
    problems.push({
      field: 'task.toml [[steps]]',
      message: `multi-step tasks are not imported (steps: ${names.join(', ') || steps.length}): each step starts from the state the previous one left, and a scenario has one problem and one starting environment; import each step as a single-step task of its own`,
    });
    return { metadata: {}, problems, warnings };
  }
  const verifier = table('verifier');
  const environment = table('environment');
  const solution = table('solution');
  if (files.instruction === undefined || !/\S/.test(files.instruction)) problems.push({ field: 'instruction.md', message: 'is missing or empty; it is the problem statement' });
  if (!files.tests.has('test.sh')) problems.push({ field: 'tests/test.sh', message: 'is missing; it is the verifier the scorer runs' });

  const verifierEnv = envTable(verifier.env, 'task.toml [verifier.env]', problems);
  const solutionEnv = envTable(solution.env, 'task.toml [solution.env]', problems);
  const timeout = timeoutOf(verifier.timeout_sec, 'task.toml [verifier].timeout_sec', problems);
  const resources = roundResources(environment);
  problems.push(...resources.problems);
  warnings.push(...resources.warnings);
  const workdir = environment.workdir;
  if (workdir !== undefined && (typeof workdir !== 'string' || !workdir.startsWith('/'))) {
    problems.push({ field: 'task.toml [environment].workdir', message: `must be an absolute path (got ${JSON.stringify(workdir)})` });
  }
  if (typeof environment.gpus === 'number' && environment.gpus > 0) {
    warnings.push({ field: 'task.toml [environment].gpus', message: `${environment.gpus} GPUs not imported: a scenario's launch parameters cannot ask for GPUs` });
  }
  if (Object.keys(envTable(environment.env, 'task.toml [environment.env]', problems)).length > 0) {
    warnings.push({ field: 'task.toml [environment.env]', message: 'not imported: a scenario has no environment variables of its own; set them in the blueprint' });
  }
  if (environment.allow_internet === false) {
    warnings.push({ field: 'task.toml [environment].allow_internet', message: 'false is not imported: give the scenario a network policy (launch parameter networkPolicyId) yourself' });
  }
  if (typeof verifier.user === 'string') {
    warnings.push({ field: 'task.toml [verifier].user', message: `not imported: the scorer runs as Runloop's scorer user, not ${JSON.stringify(verifier.user)}` });
  }
  if (files.solution === undefined) warnings.push({ field: 'solution/solve.sh', message: 'is missing: the scenario has no reference output' });
  if (problems.length > 0) return { metadata: {}, problems, warnings };
  return {
    script: harborScript(files.task.name, files.tests, verifierEnv),
    metadata: metadataOf(table('metadata')),
    timeout,
    reference: files.solution === undefined ? undefined : withEnv(files.solution, solutionEnv),
    workingDirectory: typeof workdir === 'string' ? workdir : undefined,
    size: resources.size,
    problems,
    warnings,
  };
}

/** task.yaml keys that are mapped elsewhere, or are Terminal-Bench's harness settings; the rest are metadata. */
const TERMINAL_BENCH_SETTINGS = new Set(['instruction', 'descriptions', 'max_agent_timeout_sec', 'max_test_timeout_sec', 'parser_name', 'run_tests_in_same_shell', 'disable_asciinema']);

function mapTerminalBench(files: TaskFiles): Mapped {
  const config = files.task.config;
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  if (files.instruction === undefined || !/\S/.test(files.instruction)) problems.push({ field: 'task.yaml instruction', message: 'is missing or empty; it is the problem statement' });
  if (files.runTests === undefined) problems.push({ field: 'run-tests.sh', message: 'is missing; it runs the tests the scorer reads' });
  const parser = config.parser_name ?? 'pytest';
  if (parser !== 'pytest') problems.push({ field: 'task.yaml parser_name', message: `${JSON.stringify(parser)} is not supported; scenariokit reads pytest's summary ("pytest")` });
  const timeout = timeoutOf(config.max_test_timeout_sec, 'task.yaml max_test_timeout_sec', problems);
  for (const [, file] of (files.runTests ?? '').matchAll(/\$\{?TEST_DIR\}?\/([\w.-]+)/g)) {
    if (!files.tests.has(file!)) {
      warnings.push({ field: 'run-tests.sh', message: `uses $TEST_DIR/${file}, which Terminal-Bench's harness provides and the task folder does not; copy it into tests/` });
    }
  }
  if (files.solution === undefined) warnings.push({ field: 'solution.sh', message: 'is missing: the scenario has no reference output' });
  if (problems.length > 0) return { metadata: {}, problems, warnings };
  const metadata = Object.fromEntries(Object.entries(config).filter(([key]) => !TERMINAL_BENCH_SETTINGS.has(key)));
  return {
    script: terminalBenchScript(files.task.name, files.tests, files.runTests!),
    metadata: metadataOf(metadata),
    timeout,
    reference: files.solution,
    problems,
    warnings,
  };
}

/** Metadata values as strings: strings as they are, dates as ISO text, anything else as JSON. */
function metadataOf(table: Readonly<Record<string, unknown>>): Record<string, string> {
  const entries = Object.entries(table).filter(([key, value]) => /\S/.test(key) && value !== undefined && value !== null);
  return Object.fromEntries(entries.map(([key, value]) => [key, typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value)]));
}

function envTable(value: unknown, field: string, problems: FieldProblem[]): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ field, message: 'must be a table of variables' });
    return {};
  }
  const env: Record<string, string> = {};
  for (const [name, setting] of Object.entries(value)) {
    if (!ENV_NAME.test(name)) problems.push({ field: `${field}.${name}`, message: 'is not a valid environment variable name (letters, digits and "_", not starting with a digit)' });
    else if (typeof setting === 'string' || typeof setting === 'number' || typeof setting === 'boolean') env[name] = String(setting);
    else problems.push({ field: `${field}.${name}`, message: 'must be a string' });
  }
  return env;
}

function timeoutOf(value: unknown, field: string, problems: FieldProblem[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.ceil(value);
  problems.push({ field, message: `must be a positive number of seconds (got ${JSON.stringify(value)})` });
  return undefined;
}

/** The solution script with `[solution.env]` exported after its `#!` line. */
function withEnv(script: string, env: Readonly<Record<string, string>>): string {
  const exports = exportLines(env);
  if (exports === '') return script;
  const shebang = /^#![^\n]*\n/.exec(script)?.[0] ?? '';
  return `${shebang}${exports}${script.slice(shebang.length)}`;
}

async function resolveBlueprint(option: HarborOptions['blueprintId'], task: HarborTask, source: string, problems: ImportProblem[]): Promise<string | undefined> {
  if (typeof option !== 'function') return option;
  try {
    return checkBlueprintId(await option(task), source, problems);
  } catch (error) {
    problems.push(blueprintThrew(error, source));
    return undefined;
  }
}
