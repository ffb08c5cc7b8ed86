import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { lazy } from '../util/lazy.js';
import { optionProblems } from '../validation/option-problems.js';
import { formatIssuePath } from '../validation/scenario-issue.js';
import type { ScenarioVerification, ScoringContractResult, VerifyCase } from './verification-report.js';
import { VerifyInputError } from './verify-input-error.js';

/**
 * What a custom scorer function is called with.
 *
 * @example
 * ```ts
 * const similarity = ({ params, workspace }: CustomScorerContext) => (readFileSync(join(workspace, 'out.txt'), 'utf8') === params.expected ? 1 : 0);
 * ```
 */
export interface CustomScorerContext {
  /** The scorer's `scorer_params` (what a registered script reads from `$RL_SCORER_CONTEXT`). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The run's workspace (the stand-in for the working directory), an absolute path. */
  readonly workspace: string;
  /** The scorer environment: PATH, HOME, the required variables and secrets, `RL_SCORER_CONTEXT`. */
  readonly env: Readonly<Record<string, string>>;
  /** Aborted at the scorer timeout, or when the verification is aborted. */
  readonly signal: AbortSignal;
}

/**
 * A custom scorer implemented in JavaScript: returns its score in [0, 1].
 *
 * @example
 * ```ts
 * const alwaysHalf: CustomScorerFunction = () => 0.5;
 * ```
 */
export type CustomScorerFunction = (context: CustomScorerContext) => number | Promise<number>;

/**
 * Progress of a verification: `run` after each run of a case, `scenario` after each scenario.
 *
 * @example
 * ```ts
 * const onProgress = (event: VerifyProgress) => {
 *   if (event.type === 'scenario') console.log(`[${event.done}/${event.total}] ${event.result.name} ${event.result.verdict}`);
 * };
 * ```
 */
export type VerifyProgress =
  | {
      readonly type: 'run';
      /** The scenario's name. */
      readonly name: string;
      readonly case: VerifyCase;
      /** This run's number, from 1. */
      readonly run: number;
      /** How many runs each case has. */
      readonly runs: number;
      readonly result: ScoringContractResult;
    }
  | {
      readonly type: 'scenario';
      /** Scenarios done so far. */
      readonly done: number;
      /** Scenarios to verify. */
      readonly total: number;
      readonly result: ScenarioVerification;
    };

/**
 * Options of {@link verifyScenario}.
 *
 * @example
 * ```ts
 * const options: VerifyOptions = { workspace: './checkouts/slugify', runs: 3, customScorers: { similarity: './scorers/similarity.sh' } };
 * ```
 */
export interface VerifyOptions {
  /** The local workspace, overriding the scenario's own `.workspace()`; a relative path resolves against the current directory. */
  workspace?: string | URL;
  /** How many times each case runs (default 1); a scenario whose runs disagree is flaky. */
  runs?: number;
  /** Which cases to run (default both, `['gold', 'noop']`). */
  cases?: readonly VerifyCase[];
  /** Whether to run the scenario's launch commands first (default true). */
  setup?: boolean;
  /**
   * Local implementations of custom scorer types: a bash script's path (run with bash, relative
   * paths against the current directory) or a function. Without one, a custom scorer is `unknown`.
   */
  customScorers?: Readonly<Record<string, string | CustomScorerFunction>>;
  /** Where PATH, HOME, the required environment variables and the secrets are read (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Keep each run's workspace on disk (the report's `kept` says where) instead of deleting it. */
  keep?: boolean;
  /**
   * Install a Python scorer's `requirements_contents` with pip (`--target`), once per verification
   * for each distinct text, into the verification's temporary directory, shared by every run that
   * needs it and put on their PYTHONPATH (default false: not installed, and a note says so).
   */
  installPythonRequirements?: boolean;
  /** Aborting kills the processes running (their whole groups) and rejects with the abort reason. */
  signal?: AbortSignal;
  /** Called after each run and each scenario. If it throws, the verification still finishes, then rejects with that error. */
  onProgress?: (progress: VerifyProgress) => void;
}

/**
 * Options of {@link verifySuite}: those of {@link verifyScenario}, and how many scenarios run at once.
 *
 * @example
 * ```ts
 * const options: VerifySuiteOptions = { concurrency: 4, cases: ['noop'] };
 * ```
 */
export interface VerifySuiteOptions extends VerifyOptions {
  /** How many scenarios are verified at once (default: `os.availableParallelism()`). */
  concurrency?: number;
}

const positiveInteger = lazy(() => z.number({ error: 'must be a positive integer' }).int({ error: 'must be a positive integer' }).min(1, { error: 'must be a positive integer' }));
const boolean = lazy(() => z.boolean({ error: 'must be true or false' }));

/** The options of {@link verifyScenario}; {@link verifySuite} takes `concurrency` too. */
const scenarioOptionsSchema = lazy(() =>
  z.strictObject({
    workspace: z.union([z.string().min(1), z.instanceof(URL)], { error: 'must be a directory path or a file URL' }).optional(),
    runs: positiveInteger().optional(),
    cases: z
      .array(z.enum(['gold', 'noop'], { error: 'must be "gold" or "noop"' }), { error: 'must be a list of "gold" and "noop"' })
      .min(1, { error: 'must name at least one case' })
      .optional(),
    setup: boolean().optional(),
    customScorers: z
      .record(
        z.string(),
        z.union([z.string().min(1), z.custom<CustomScorerFunction>((value) => typeof value === 'function')], {
          error: 'must be a script path or a function',
        }),
      )
      .optional(),
    // not z.record: process.env is not a plain object (its prototype is not Object.prototype)
    env: z
      .custom<Readonly<Record<string, string | undefined>>>(
        (value) => typeof value === 'object' && value !== null && Object.values(value).every((item) => item === undefined || typeof item === 'string'),
        { error: 'must be an object of strings' },
      )
      .optional(),
    keep: boolean().optional(),
    installPythonRequirements: boolean().optional(),
    signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
    onProgress: z.custom<(progress: VerifyProgress) => void>((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
  }),
);

const suiteOptionsSchema = lazy(() => scenarioOptionsSchema().extend({ concurrency: positiveInteger().optional() }));

/** Options checked, with their defaults and absolute paths. */
export interface ParsedVerifyOptions {
  readonly workspace: string | undefined;
  readonly runs: number;
  readonly cases: readonly VerifyCase[];
  readonly setup: boolean;
  readonly customScorers: Readonly<Record<string, string | CustomScorerFunction>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly keep: boolean;
  readonly installPythonRequirements: boolean;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: VerifyProgress) => void) | undefined;
  readonly concurrency: number | undefined;
}

/** A path or file URL given by the caller, as an absolute path (relative ones against `base`). */
export function absolutePath(path: string | URL, base: string): string {
  if (path instanceof URL || path.startsWith('file:')) return fileURLToPath(path);
  return resolve(base, path);
}

/**
 * Checks the options with the project's option check (`optionProblems`: an unknown key, with a
 * did-you-mean, and each value of the wrong kind), and what that check leaves to a schema (a
 * list that is not one, or is empty), then fills in the defaults; throws {@link VerifyInputError}
 * listing every problem.
 */
export function parseVerifyOptions(options: VerifySuiteOptions | undefined, allowConcurrency: boolean): ParsedVerifyOptions {
  const schema = allowConcurrency ? suiteOptionsSchema : scenarioOptionsSchema;
  const found = optionProblems(schema, options);
  const parsed = schema().safeParse(options ?? {});
  const reported = new Set(found.map((problem) => formatIssuePath(problem.path)));
  const rest = parsed.success ? [] : parsed.error.issues.filter((issue) => issue.code !== 'unrecognized_keys' && !reported.has(formatIssuePath(issue.path as (string | number)[])));
  const at = (path: readonly PropertyKey[]) => formatIssuePath(['options', ...(path as (string | number)[])]);
  const problems = [
    ...found.map(({ code, path, message }) => {
      if (code !== 'unknown-option' || path.length > 1) return `${at(path)}: ${message}`;
      return !allowConcurrency && path[0] === 'concurrency' ? 'unknown option "concurrency" (verifySuite takes it)' : message;
    }),
    ...rest.map((issue) => `${at(issue.path)}: ${issue.message}`),
  ];
  if (problems.length > 0 || !parsed.success) throw new VerifyInputError(problems);
  const data: z.infer<ReturnType<typeof suiteOptionsSchema>> = parsed.data;
  const cwd = process.cwd();
  const customScorers = Object.fromEntries(
    Object.entries(data.customScorers ?? {}).map(([type, implementation]) => [type, typeof implementation === 'string' ? absolutePath(implementation, cwd) : implementation]),
  );
  return {
    workspace: data.workspace === undefined ? undefined : absolutePath(data.workspace, cwd),
    runs: data.runs ?? 1,
    cases: [...new Set<VerifyCase>(data.cases ?? ['gold', 'noop'])],
    setup: data.setup ?? true,
    customScorers,
    env: data.env ?? process.env,
    keep: data.keep ?? false,
    installPythonRequirements: data.installPythonRequirements ?? false,
    signal: data.signal,
    onProgress: data.onProgress,
    concurrency: data.concurrency,
  };
}
