import { stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { payloadsToCode } from '../../codegen/scenario-code.js';
import type { HarborTask, ImportProblem, ImportResult, SweBenchInstance } from '../../import/index.js';
import type { ScenarioBuilder, ScenarioUpdatePayload, Step } from '../../index.js';
import { blueprintTemplate } from '../blueprint-template.js';
import type { CliCommand, CommandContext } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { harborTaskDirs } from '../harbor-task-dirs.js';
import { interruptible } from '../interruptible.js';
import { count } from '../../util/count.js';
import { positiveInteger } from '../positive-integer.js';
import { UsageError } from '../usage-error.js';
import { refuseExistingOut, writeFilesAllOrNothing } from '../write-files-all-or-nothing.js';
import { shellQuote } from '../../util/shell-quote.js';

const EXIT_CODES = {
  0: 'every item was imported; the module was printed or written',
  1: 'some items could not be imported (each problem is listed); the others were printed or written. Or it was interrupted (with --create-blueprints); nothing is written',
  2: 'a usage error: a bad flag or template, an input that does not exist, an --out file that exists (use --force); nothing is written',
};

/** Each option of the import library, as the flag that sets it (problems name the flag). */
const FLAGS: Readonly<Record<string, string>> = {
  blueprintId: '--blueprint',
  workingDirectory: '--working-directory',
  includeHints: '--include-hints',
  dataset: '--dataset',
  testCommand: '--test-command',
  logParser: '--log-parser',
  install: '--install',
  maxScriptBytes: '--max-script-bytes',
};

/** The fields a SWE-bench `--blueprint` template may name. */
const SWE_BENCH_FIELDS = Object.fromEntries(
  ['instance_id', 'repo', 'version', 'base_commit', 'environment_setup_commit'].map((field) => [field, (row: SweBenchInstance) => row[field]]),
);

/** The fields a Harbor `--blueprint` template may name. */
const HARBOR_FIELDS = { name: (task: HarborTask) => task.name, folder: (task: HarborTask) => basename(task.dir) };

/** The flags both imports take. */
interface CommonFlags {
  readonly out?: string;
  readonly force?: boolean;
  readonly suite?: string;
  readonly workingDirectory?: string;
  readonly maxScriptBytes?: number;
}

interface SweBenchFlags extends CommonFlags {
  readonly blueprint: string;
  readonly includeHints?: boolean;
  readonly dataset?: string;
  readonly testCommand?: string;
  readonly logParser?: 'pytest' | 'django' | 'sympy';
  readonly install?: string;
}

interface HarborFlags extends CommonFlags {
  readonly blueprint?: string;
  readonly createBlueprints?: boolean;
}

/** `scenariokit import swe-bench|harbor`: SWE-bench rows and Harbor task folders as a TypeScript module of scenarios. */
export const importCommand: CliCommand = {
  sends: true,
  exitCodes: EXIT_CODES,
  define: (context) =>
    new Command('import')
      .description('turn SWE-bench instances or Harbor task folders into a TypeScript module of scenarios (sends nothing, except harbor --create-blueprints)')
      .addCommand(sweBenchCommand(context))
      .addCommand(harborCommand(context)),
};

function sweBenchCommand(context: CommandContext): Command {
  return withCommonFlags(new Command('swe-bench'))
    .description('import the SWE-bench instances of a .json (a list of rows) or .jsonl (a row a line) file')
    .argument('<file>', 'a .json or .jsonl file of SWE-bench rows')
    .requiredOption('--blueprint <id-or-template>', 'the blueprint of every scenario: an id, or a template naming fields of the row: {instance_id}, {repo}, {version}, {base_commit}, {environment_setup_commit}')
    .option('--include-hints', 'append hints_text to the problem statement (off by default: hints can give the fix away)')
    .option('--dataset <name>', 'the dataset, kept in the metadata (e.g. princeton-nlp/SWE-bench_Lite)')
    .option('--test-command <command>', 'the test command, for a repository SWE-bench’s table does not know (the test files follow it)')
    .addOption(new Option('--log-parser <format>', 'how the test log reads, with --test-command').choices(['pytest', 'django', 'sympy']))
    .option('--install <command>', 'run before the tests instead of the table’s install step ("" for none)')
    .addHelpText('after', `\n${exitCodesHelp()}`)
    .action(async (file: string, flags: SweBenchFlags, command: Command) => {
      refuseLocal(command, 'import swe-bench sends nothing, so there is no target to choose');
      const output = await checkOutput(context, flags);
      const path = resolve(context.io.cwd, file);
      if (!(await stat(path).catch(() => undefined))?.isFile()) throw new UsageError(`${file}: no such file. Nothing was imported.`);
      const { importSweBenchFile } = await import('../../import/index.js');
      const result = await importSweBenchFile(path, {
        blueprintId: blueprintTemplate(flags.blueprint, SWE_BENCH_FIELDS),
        ...(flags.workingDirectory !== undefined && { workingDirectory: flags.workingDirectory }),
        ...(flags.includeHints && { includeHints: true }),
        ...(flags.dataset !== undefined && { dataset: flags.dataset }),
        ...(flags.testCommand !== undefined && { testCommand: flags.testCommand }),
        ...(flags.logParser !== undefined && { logParser: flags.logParser }),
        ...(flags.install !== undefined && { install: flags.install }),
        ...(flags.maxScriptBytes !== undefined && { maxScriptBytes: flags.maxScriptBytes }),
      });
      const name = basename(file, extname(file));
      await finish(context, result, output, {
        item: 'row',
        suite: flags.suite ?? output.suite ?? name,
        header: `SWE-bench instances of ${file}, imported by \`scenariokit import swe-bench\`.`,
        comment: (payload) => `SWE-bench instance ${String(payload.name)}, from ${file}.`,
      });
    });
}

function harborCommand(context: CommandContext): Command {
  return withCommonFlags(new Command('harbor'))
    .description('import Harbor (task.toml) or legacy Terminal-Bench (task.yaml) task folders; a folder of task folders stands for them')
    .argument('<task-dirs...>', 'task folders, or folders of them')
    .option('--blueprint <id-or-template>', 'the blueprint of every scenario: an id, or a template naming fields of the task: {name} ([task].name), {folder} (the folder’s name)')
    .option('--create-blueprints', "give each task a blueprint built from its Dockerfile, found again by name on the next import (on the target: Runloop with RUNLOOP_API_KEY, else the embedded local one; --local for that one)")
    .addHelpText('after', `\n${exitCodesHelp()}\n\nWith --create-blueprints it reads and writes blueprints where scenariokit push sends (see scenariokit import --help); --local uses the embedded local target.`)
    .action(async (paths: string[], flags: HarborFlags, command: Command) => {
      if (flags.blueprint !== undefined && flags.createBlueprints) throw new UsageError('give --blueprint or --create-blueprints, not both');
      if (flags.blueprint === undefined && !flags.createBlueprints) {
        throw new UsageError('name the blueprint of the scenarios: --blueprint <id-or-template>, or --create-blueprints to build one from each task’s Dockerfile');
      }
      if (!flags.createBlueprints) refuseLocal(command, 'it applies to --create-blueprints, which finds and creates blueprints on a target; without it nothing is sent');
      const output = await checkOutput(context, flags);
      const dirs = await harborTaskDirs(paths, context.io.cwd);
      const { harborBlueprints, importHarborTasks } = await import('../../import/index.js');
      const options = {
        ...(flags.workingDirectory !== undefined && { workingDirectory: flags.workingDirectory }),
        ...(flags.maxScriptBytes !== undefined && { maxScriptBytes: flags.maxScriptBytes }),
      };
      let result: ImportResult<ScenarioBuilder<Step>>;
      if (flags.createBlueprints) {
        result = await interruptible(context.output.note, 'finishing the blueprint under way, starting no new one; nothing is written.', async (signal) => {
          const target = await context.openTarget({ local: command.optsWithGlobals<{ local?: boolean }>().local });
          try {
            const findOrCreate = harborBlueprints({
              client: target.client,
              onBlueprint: ({ task, action, name, id }) => context.output.note(`${task}: ${action === 'created' ? 'created blueprint' : 'found blueprint'} ${name} (${id})`),
            });
            const blueprintId = (task: HarborTask) => {
              signal.throwIfAborted();
              return findOrCreate(task);
            };
            const imported = await importHarborTasks(dirs.map(({ dir }) => dir), { ...options, blueprintId });
            signal.throwIfAborted(); // the tasks after the signal have no blueprint: write no module
            return imported;
          } finally {
            await target.close();
          }
        });
      } else {
        result = await importHarborTasks(dirs.map(({ dir }) => dir), { ...options, blueprintId: blueprintTemplate(flags.blueprint!, HARBOR_FIELDS) });
      }
      const shown = new Map(dirs.map(({ shown, dir }) => [dir, shown]));
      const relative = (problem: ImportProblem) => ({ ...problem, source: shown.get(problem.source) ?? problem.source });
      await finish(context, { builders: result.builders, problems: result.problems.map(relative), warnings: result.warnings.map(relative) }, output, {
        item: 'task folder',
        flags: flags.createBlueprints ? { ...FLAGS, blueprintId: '--create-blueprints' } : FLAGS,
        suite: flags.suite ?? output.suite ?? 'harbor-tasks',
        header: `Harbor tasks of ${paths.join(', ')}, imported by \`scenariokit import harbor\`.`,
        comment: (payload) => `Harbor task ${String(payload.name)}.`,
      });
    });
}

/** The flags of both imports that choose where the module goes and what the library does with every item. */
function withCommonFlags(command: Command): Command {
  return command
    .option('--out <file>', 'write the module to <file> (made at once, when every item was read) instead of printing it')
    .option('--force', 'with --out: overwrite the file if it exists')
    .option('--suite <name>', "the name of the suite the module exports by default (default: the --out file's name, else the SWE-bench file's, or harbor-tasks)")
    .option('--working-directory <dir>', 'the working directory of the scenarios (SWE-bench: default /testbed; Harbor: when the task names none)')
    .option('--max-script-bytes <n>', 'the largest scorer script to generate (default 120000)', positiveInteger);
}

function exitCodesHelp(): string {
  return `Exit codes:\n${Object.entries(EXIT_CODES).map(([code, meaning]) => `  ${code}  ${meaning}`).join('\n')}`;
}

/** `--local` belongs to `import` (every command that sends has it); only `harbor --create-blueprints` sends. */
function refuseLocal(command: Command, why: string): void {
  if (command.optsWithGlobals<{ local?: boolean }>().local) throw new UsageError(`--local: ${why}.`);
}

/** Where the module goes: `--out`, refused at once when the file exists and `--force` is not given (checked again when writing). */
async function checkOutput(context: CommandContext, flags: CommonFlags): Promise<Output> {
  if (flags.out === undefined) return {};
  await refuseExistingOut(context.io.cwd, flags.out, flags.force === true, 'Nothing was imported.');
  return { out: flags.out, force: flags.force === true, suite: basename(flags.out, extname(flags.out)) };
}

/** Where the module goes, as {@link checkOutput} found it. */
interface Output {
  readonly out?: string;
  readonly force?: boolean;
  /** The suite name the --out file gives. */
  readonly suite?: string;
}

interface ModuleText {
  /** What an item is called, in the summary (`row`, `task folder`). */
  readonly item: string;
  /** The flag that sets each option of the library (default {@link FLAGS}). */
  readonly flags?: Readonly<Record<string, string>>;
  readonly suite: string;
  readonly header: string;
  readonly comment: (payload: ScenarioUpdatePayload) => string;
}

/**
 * Reports every problem and warning (`source: field: message`, an option named by its flag), then
 * prints or writes the module of the scenarios that were imported; exit code 1 when some items
 * were not, 2 when the options themselves were refused.
 */
async function finish(context: CommandContext, result: ImportResult<ScenarioBuilder<Step>>, output: Output, text: ModuleText): Promise<void> {
  const { note, print } = context.output;
  const flags = text.flags ?? FLAGS;
  const line = ({ source, field, message }: ImportProblem) => `  ${source}: ${field.replace(/^options\.(\w+)/, (whole, key: string) => flags[key] ?? whole)}: ${message}`;
  const refused = result.problems.filter((problem) => problem.source === 'options');
  if (refused.length > 0) throw new UsageError(`the options were refused; nothing was imported:\n${refused.map(line).join('\n')}`);
  const failed = new Set(result.problems.map((problem) => problem.source)).size;
  if (result.warnings.length > 0) note(`${count(result.warnings.length, 'warning')} (imported, with these changes):\n${result.warnings.map(line).join('\n')}`);
  if (failed > 0) {
    note(`${count(result.problems.length, 'problem')}: ${count(failed, text.item)} not imported:\n${result.problems.map(line).join('\n')}`);
    context.exitWith(EXIT.failed);
  }
  const { builders } = result;
  if (builders.length === 0) {
    if (failed === 0) throw new UsageError(`found nothing to import: no ${text.item}s. Nothing was written.`);
    note(`Nothing was imported, so nothing was ${output.out === undefined ? 'printed' : 'written'}.`);
    return;
  }
  const code = payloadsToCode(
    builders.map((builder) => builder.buildCreate()),
    {
      suite: text.suite,
      comment: text.comment,
      header: `${text.header}\nEvery export is an ordinary scenario builder: edit it as you like. The default export is the suite of them all:\nscenariokit validate|plan|push ${output.out === undefined ? '<this file>' : shellQuote(output.out)}`,
    },
  );
  const summary = `${count(builders.length, 'scenario')} imported${failed > 0 ? `; ${count(failed, text.item)} not (see above)` : ''}`;
  if (output.out === undefined) {
    print(code.trimEnd());
    note(`${summary}.`);
    return;
  }
  await writeFilesAllOrNothing(context.io.cwd, dirname(output.out), [{ name: basename(output.out), contents: code }], { overwrite: output.force === true });
  print(`Wrote ${output.out}: ${summary}.`);
}
