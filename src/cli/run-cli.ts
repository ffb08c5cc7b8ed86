import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { ScenarioValidationError } from '../validation/scenario-validation-error.js';
import { defineSuite, type Suite } from '../suite/define-suite.js';
import { SuiteValidationError } from '../suite/suite-validation-error.js';
import { processIO, type CliIO } from './cli-io.js';
import { loadScenarios } from './load-scenarios.js';
import { reportProgress } from './report-progress.js';
import { scenarioToCode } from './scenario-to-code.js';
import { openTarget } from './target.js';
import { UsageError } from './usage-error.js';

/**
 * The command's exit codes: all good, some scenarios failed, usage or validation errors.
 *
 * @example
 * ```ts
 * if ((await runCli(['push', 'scenarios/'])) === EXIT.failed) console.error('some scenarios failed; push again to retry');
 * ```
 */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

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
  const print = (text: string) => io.stdout.write(`${text}\n`);
  const note = (text: string) => io.stderr.write(`${text}\n`);
  let exitCode: number = EXIT.ok;

  const suiteFrom = async (files: string[]): Promise<Suite> => {
    const { builders, notes } = await loadScenarios(files, io.cwd);
    notes.forEach(note);
    if (builders.length === 0) throw new UsageError(`no scenarios found in ${files.join(', ')}: export scenario builders, arrays of them or suites`);
    const suite = defineSuite(files.join(' '), builders);
    suite.scenarios(); // validate every scenario before anything else happens
    return suite;
  };

  const program = new Command('scenariokit')
    .description('Validate, build, plan and push Runloop scenarios written with scenariokit.')
    .version(packageJson.version)
    .showHelpAfterError('(run scenariokit --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  program
    .command('validate')
    .description('check every scenario exported by the files (directories: the modules in them)')
    .argument('<files...>')
    .action(async (files: string[]) => {
      const suite = await suiteFrom(files);
      print(`${suite.builders.length} scenarios are valid.`);
    });

  program
    .command('build')
    .description('print the create payload of every scenario as JSON, or write one file per scenario')
    .argument('<files...>')
    .option('--out <dir>', 'write <dir>/<scenario name>.json (the name URL-encoded) instead of printing')
    .action(async (files: string[], options: { out?: string }) => {
      const scenarios = (await suiteFrom(files)).scenarios();
      if (options.out === undefined) {
        print(JSON.stringify(scenarios.map((s) => s.payload), null, 2));
        return;
      }
      const outFiles = scenarios.map(({ name }) => `${encodeURIComponent(name).replace(/[*]/g, '%2A')}.json`);
      const clashes = outFiles.filter((file, index) => outFiles.findIndex((other) => other.toLowerCase() === file.toLowerCase()) !== index);
      if (clashes.length > 0) {
        throw new UsageError(`some scenario names differ only in case, so their files would overwrite each other: ${clashes.join(', ')}; rename them, or print the payloads without --out`);
      }
      const dir = resolve(io.cwd, options.out);
      await mkdir(dir, { recursive: true });
      for (const [index, { payload }] of scenarios.entries()) {
        await writeFile(join(dir, outFiles[index]!), `${JSON.stringify(payload, null, 2)}\n`);
      }
      print(`Wrote ${scenarios.length} payloads to ${options.out}.`);
    });

  program
    .command('plan')
    .description('show what a push would create, update or leave unchanged')
    .argument('<files...>')
    .option('--json', 'print the plan as JSON')
    .action(async (files: string[], options: { json?: boolean }) => {
      const suite = await suiteFrom(files);
      const target = await openTarget(io);
      try {
        const plan = await suite.plan({ client: target.client });
        if (plan.items.some((item) => item.error)) exitCode = EXIT.failed;
        if (options.json) {
          print(JSON.stringify(plan, null, 2));
          return;
        }
        plan.items.forEach((item) => print(item.diff));
        const count = (action: string) => plan.items.filter((item) => item.action === action && item.error === undefined).length;
        const blocked = plan.items.filter((item) => item.error !== undefined).length;
        print(`\n${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged${blocked ? `, ${blocked} cannot be pushed (see !)` : ''}.`);
        if (count('create') + count('update') > 0) print(`Run scenariokit push ${files.join(' ')} to apply.`);
      } finally {
        await target.close();
      }
    });

  program
    .command('push')
    .description('create and update the scenarios so that the target matches the files')
    .argument('<files...>')
    .option('--concurrency <n>', 'writes at once', positiveInteger, 8)
    .option('--dry-run', 'plan only; write nothing')
    .option('--json', 'print { results } as JSON')
    .action(async (files: string[], options: { concurrency: number; dryRun?: boolean; json?: boolean }) => {
      const suite = await suiteFrom(files);
      const target = await openTarget(io);
      const abort = new AbortController();
      const onInterrupt = () => {
        note('\nInterrupted: finishing the writes under way, starting no new ones.');
        abort.abort();
      };
      process.once('SIGINT', onInterrupt);
      const progress = reportProgress(io, suite.builders.length, options.json === true);
      try {
        const { results } = await suite.push({
          client: target.client,
          concurrency: options.concurrency,
          dryRun: options.dryRun === true,
          signal: abort.signal,
          onProgress: progress.update,
        });
        progress.stop();
        const failed = results.filter((result) => result.error !== undefined);
        if (options.json) print(JSON.stringify({ results }, null, 2));
        else {
          const count = (action: string) => results.filter((r) => r.action === action && r.error === undefined).length;
          const verb = options.dryRun ? 'would be' : 'were';
          print(`${count('create')} ${verb} created, ${count('update')} ${verb} updated, ${count('unchanged')} unchanged, ${failed.length} failed.`);
          failed.forEach((result) => print(`  ✗ ${result.name}: ${result.error}`));
          if (failed.length > 0) print('Run the same push again to retry: scenarios already written are left unchanged.');
        }
        if (failed.length > 0) exitCode = EXIT.failed;
      } finally {
        progress.stop();
        process.off('SIGINT', onInterrupt);
        await target.close();
      }
    });

  program
    .command('pull')
    .description('write TypeScript that rebuilds a stored scenario with the DSL')
    .argument('<id>', 'the scenario id (scn_…)')
    .option('--out <file>', 'write to <file> instead of printing')
    .action(async (id: string, options: { out?: string }) => {
      const target = await openTarget(io);
      try {
        const code = scenarioToCode(await target.client.scenarios.retrieve(id));
        if (options.out === undefined) {
          print(code);
          return;
        }
        const file = resolve(io.cwd, options.out);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, code);
        print(`Wrote ${options.out}.`);
      } finally {
        await target.close();
      }
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    if (error instanceof SuiteValidationError || error instanceof ScenarioValidationError || error instanceof UsageError) {
      note(error.message);
      return EXIT.invalid;
    }
    note(`scenariokit: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return value;
}
