import type { Command } from 'commander';
import type { Suite } from '../suite/define-suite.js';
import type { CliIO } from './cli-io.js';
import type { ExitCode } from './exit-codes.js';
import type { Output } from './output.js';
import type { ScenarioWarning } from './scenario-warnings.js';
import type { Target } from './target.js';

/**
 * What a command gets to work with: the environment, the one (redacting) output, and the shared
 * steps every command takes the same way.
 */
export interface CommandContext {
  readonly io: CliIO;
  readonly output: Output;
  /** Raises the exit code (it never goes down): `1` when some scenarios failed. */
  exitWith(code: ExitCode): void;
  /**
   * Loads the scenarios of `files` as one validated suite and prints their warnings (stderr);
   * throws a `UsageError` listing every problem (with `strict`, warnings are problems too).
   */
  loadSuite(files: readonly string[], options?: { strict?: boolean | undefined }): Promise<LoadedSuite>;
  /** Opens the target (Runloop or the embedded one); close it when done. */
  openTarget(options: { local?: boolean | undefined }): Promise<Target>;
}

/** A command's scenarios: the suite, and the warnings of its scenarios (already printed), for `--json`. */
export interface LoadedSuite {
  readonly suite: Suite;
  readonly warnings: readonly ScenarioWarning[];
}

/**
 * One `scenariokit` command, in a file of its own under `commands/`: `define` returns the
 * commander `Command` (name, arguments, options, action); `sends` says whether it talks to a
 * target (its `--help` then explains where, and it gets `--local`), and `locally`, for one that
 * does not, what it does on this machine instead (default: it reads the files only);
 * `exitCodes` are listed in its `--help`.
 */
export interface CliCommand {
  readonly define: (context: CommandContext) => Command;
  readonly sends: boolean;
  readonly locally?: string;
  readonly exitCodes: Readonly<Partial<Record<ExitCode, string>>>;
}
