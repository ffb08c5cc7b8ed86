import type { Command } from 'commander';
import type { Suite } from '../suite/define-suite.js';
import type { CliIO } from './cli-io.js';
import type { ExitCode } from './exit-codes.js';
import type { Output } from './output.js';
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
  /** Loads the scenarios of `files` as one validated suite; throws a `UsageError` listing every problem. */
  loadSuite(files: readonly string[]): Promise<Suite>;
  /** Opens the target (Runloop or the embedded one); close it when done. */
  openTarget(options: { local?: boolean | undefined }): Promise<Target>;
}

/**
 * One `scenariokit` command, in a file of its own under `commands/`: `define` returns the
 * commander `Command` (name, arguments, options, action); `sends` says whether it talks to a
 * target (its `--help` then explains where, and it gets `--local`); `exitCodes` are listed in
 * its `--help`.
 */
export interface CliCommand {
  readonly define: (context: CommandContext) => Command;
  readonly sends: boolean;
  readonly exitCodes: Readonly<Partial<Record<ExitCode, string>>>;
}
