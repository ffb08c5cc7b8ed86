import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { suiteOf } from '../suite/define-suite.js';
import { SuiteValidationError } from '../suite/suite-validation-error.js';
import { ScenarioValidationError } from '../validation/scenario-validation-error.js';
import type { CliCommand, CommandContext, LoadedSuite } from './cli-command.js';
import { processIO, type CliIO } from './cli-io.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { Interrupted } from './interruptible.js';
import { loadScenarios } from './load-scenarios.js';
import { createOutput } from './output.js';
import { count } from '../util/count.js';
import { formatWarnings, scenarioWarnings } from './scenario-warnings.js';
import { openTarget, TARGET_HELP } from './target.js';
import { UsageError } from './usage-error.js';


/**
 * Runs the `scenariokit` command with `argv` (without the node and script paths) and returns
 * its exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(['push', 'scenarios/', '--concurrency', '16']);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const output = createOutput(io);
  let exitCode: ExitCode = EXIT.ok;
  const context: CommandContext = {
    io,
    output,
    exitWith: (code) => void (exitCode = Math.max(exitCode, code) as ExitCode),
    loadSuite: (files, options) => loadSuite(files, options?.strict === true, io, output),
    openTarget: ({ local }) => openTarget(io, output, { local: local === true }),
  };

  const program = new Command('scenariokit')
    .description('Write, check and ship Runloop scenarios: validate, build, verify locally, plan, push and pull them, import SWE-bench and Harbor tasks.')
    .version(packageJson.version)
    .showHelpAfterError('(run scenariokit <command> --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => output.stdout.write(text), writeErr: (text) => output.stderr.write(text) });
  for (const command of COMMANDS) program.addCommand(inheriting(withCommonParts(command, context), program));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    if (error instanceof Interrupted) return EXIT.failed; // said when the signal came
    if (error instanceof SuiteValidationError || error instanceof ScenarioValidationError || error instanceof UsageError) {
      output.note(error.message);
      return EXIT.invalid;
    }
    output.note(`scenariokit: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}

/** `command` and its subcommands with the program's settings: its output, exit override and help after an error. */
function inheriting(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  command.commands.forEach((sub) => inheriting(sub, command));
  return command;
}

/** A command with what every command shares: `--local` for those that send, and where they send and their exit codes in `--help`. */
function withCommonParts(command: CliCommand, context: CommandContext): Command {
  const defined = command.define(context);
  if (command.sends) defined.addOption(new Option('--local', 'use the embedded local target, whatever RUNLOOP_API_KEY holds'));
  const exitCodes = Object.entries(command.exitCodes).map(([code, meaning]) => `  ${code}  ${meaning}`);
  const sends = command.sends ? TARGET_HELP : `Where it sends: nowhere; ${command.locally ?? 'it reads the files only'} (no account, no network).`;
  return defined.addHelpText('after', `\n${sends}\n\nExit codes:\n${exitCodes.join('\n')}`);
}

/**
 * The scenarios of `files` as one suite, validated: every file that fails to load, every export
 * that is not a scenario and every invalid scenario (with `strict`, every scenario with warnings)
 * are reported together (exit code 2). The warnings of valid scenarios are printed on stderr.
 */
async function loadSuite(files: readonly string[], strict: boolean, io: CliIO, output: ReturnType<typeof createOutput>): Promise<LoadedSuite> {
  const { entries, notes, problems, files: read } = await loadScenarios(files, io.cwd);
  notes.forEach(output.note);
  const suite = suiteOf(files.join(' '), entries, strict);
  let invalid: string | undefined;
  let warnings: LoadedSuite['warnings'] = [];
  try {
    warnings = scenarioWarnings(suite.scenarios(), entries); // validates every scenario before anything else happens
  } catch (error) {
    if (!(error instanceof SuiteValidationError)) throw error;
    const strictly = strict && error.scenarios.some((scenario) => scenario.issues.some((issue) => issue.severity === 'warning'));
    invalid = strictly ? `${error.message}\n(--strict: warnings fail like errors.)` : error.message;
  }
  if (problems.length > 0) {
    const header = `${count(problems.length, 'problem')} with the files (${count(read, 'file')} read); nothing was sent:`;
    throw new UsageError([header, ...problems.map((problem) => `  - ${problem}`), ...(invalid === undefined ? [] : [invalid])].join('\n'));
  }
  if (invalid !== undefined) throw new UsageError(invalid);
  if (entries.length === 0) {
    throw new UsageError(
      `no scenarios found in ${files.join(', ')} (${count(read, 'file')} read): export scenario builders, suites, or arrays or generators of them, or write create payloads in .json or .yaml files`,
    );
  }
  const shown = formatWarnings(warnings);
  if (shown !== undefined) output.note(shown);
  return { suite, warnings };
}
