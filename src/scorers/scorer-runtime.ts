/**
 * The contract between a scorer kind's local runner (`ScorerKind.run`: its scoring semantics,
 * free of Node) and the machinery that runs processes and touches files, which
 * `scenariokit/verify` implements and hands in. Types only.
 */

/** How a command run by {@link ScorerRuntime.bash} ended, and what it printed. */
export interface CommandOutcome {
  /** The exit status; `null` when the process was killed (timeout or abort). */
  readonly exitCode: number | null;
  /** The signal that ended the process, if one did. */
  readonly signal: string | null;
  /** Whether the scorer timeout ran out, so that the process group was killed. */
  readonly timedOut: boolean;
  /** Standard output: its last 64 KiB. */
  readonly stdout: string;
  /** Standard output and standard error as they arrived, interleaved: their last 64 KiB. */
  readonly output: string;
}

/** Options of {@link ScorerRuntime.bash}. */
export interface BashOptions {
  /** Variables added to the scorer environment for this command only. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * A custom scorer's local implementation, as the runtime found it for a type: called with the
 * scorer's `scorer_params`, it runs the script (or the function) and reports what it printed
 * (a function's returned score is printed, as a script would).
 */
export type CustomScorerHook = (params: Readonly<Record<string, unknown>>) => Promise<CommandOutcome>;

/**
 * Everything a scorer runner may do to the outside world, for one run of one scenario: every
 * process runs in the run's workspace (the stand-in for the devbox's working directory), with
 * the scenario's scorer environment (PATH, HOME, required variables and secrets) and its scorer
 * timeout, after which the whole process group is killed.
 */
export interface ScorerRuntime {
  /** The scenario's scorer timeout in seconds (`scorer_timeout_sec`, default 1800), for messages. */
  readonly timeoutSeconds: number;
  /** Runs `commandLine` in the workspace as `bash -c commandLine` would, whatever its size. Never rejects for a failing command: see {@link CommandOutcome}. */
  bash(commandLine: string, options?: BashOptions): Promise<CommandOutcome>;
  /**
   * Runs a Python script with the local `python3` in the workspace as `python3 -c script` would
   * (`sys.argv` is `['-c']`, modules of the working directory import), whatever its size. Never
   * rejects for a failing script.
   */
  python(script: string, options?: BashOptions): Promise<CommandOutcome>;
  /** Writes a file at a path relative to the workspace, making its directories; replaces what is there. */
  writeFile(path: string, contents: string): Promise<void>;
  /** The absolute path of the ast-grep binary (the `@ast-grep/cli` package's native binary). */
  astGrepBinary(): Promise<string>;
  /** The local `python3`'s version, e.g. `3.11.7`; undefined when there is none. */
  pythonVersion(): Promise<string | undefined>;
  /**
   * Makes the packages of a requirements.txt importable, when the caller asked for that
   * (`installPythonRequirements`), and returns the variables that do it (`PYTHONPATH`);
   * undefined when requirements are not installed. Rejects when the installation fails.
   */
  pythonRequirements(requirements: string): Promise<Readonly<Record<string, string>> | undefined>;
  /** The caller's local implementation of a custom scorer type, if any. */
  customScorer(type: string): CustomScorerHook | undefined;
}

/** What one scorer scored in one run. */
export interface ScorerRun {
  /** The score, in [0, 1]; 0 unless `state` is `complete`. */
  readonly score: number;
  /** `complete` when scored, `error` when no score could be read, `unknown` when the scorer could not run locally. */
  readonly state: 'complete' | 'error' | 'unknown';
  /** The scorer's output (last 64 KiB), after any notes of the local engine. */
  readonly output: string;
  /** What happened, as a phrase for reports: `passed (exit 0)`, `failed (exit 1)`, `printed score=0.25`, `printed no score`… */
  readonly summary: string;
}

