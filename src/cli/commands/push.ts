import { Command } from 'commander';
import type { SuiteBenchmarkResult } from '../../suite/push-benchmark.js';
import { benchmarkName } from '../benchmark-option.js';
import type { CliCommand } from '../cli-command.js';
import { interruptible } from '../interruptible.js';
import { FILES_ARGUMENT_HELP } from '../load-scenarios.js';
import { EXIT } from '../exit-codes.js';
import { strictOption } from '../strict-option.js';
import { count as counted, wasWere } from '../../util/count.js';
import { positiveInteger } from '../positive-integer.js';
import { reportProgress, type ProgressReport } from '../report-progress.js';
import type { SuitePushProgress } from '../../suite/push-suite.js';

/** `scenariokit push <files...>`: creates and updates until the target matches the files. */
export const pushCommand: CliCommand = {
  sends: true,
  exitCodes: {
    0: 'every scenario (and the benchmark, with --benchmark) was written or already up to date',
    1: 'some scenarios failed, or the benchmark was not written (push again to retry), or Runloop could not be reached, or it was interrupted (SIGINT, SIGTERM, SIGHUP: the writes under way are finished)',
    2: 'a file could not be loaded, a scenario is invalid (with --strict: has warnings), or a usage error; nothing is sent',
  },
  define: (context) =>
    new Command('push')
      .description('create and update the scenarios so that the target matches the files')
      .argument('<files...>', FILES_ARGUMENT_HELP)
      .option('--concurrency <n>', 'writes at once', positiveInteger, 8)
      .option('--dry-run', 'plan only; write nothing')
      .option('--benchmark <name>', 'also make the Runloop benchmark of this name hold exactly these scenarios (created when missing), once every scenario is written', benchmarkName)
      .option('--json', 'print { results, benchmark, warnings } as JSON, and no progress')
      .addOption(strictOption())
      .action(async (files: string[], options: { concurrency: number; dryRun?: boolean; json?: boolean; local?: boolean; benchmark?: string; strict?: boolean }) => {
        const { print, note } = context.output;
        const { suite, warnings } = await context.loadSuite(files, options);
        await interruptible(note, 'finishing the writes under way, starting no new ones.', async (signal) => {
          const target = await context.openTarget(options);
          let progress: ProgressReport<SuitePushProgress> | undefined;
          try {
            progress = await reportProgress(context.output.stderr, {
              total: suite.builders.length,
              quiet: options.json === true,
              verb: 'pushing',
              step: ({ done, result }: SuitePushProgress) => {
                const outcome = result.error ? `failed: ${result.error}` : result.action === 'unchanged' ? 'unchanged' : `${result.action}d`;
                return { name: result.name, done: { count: done, line: `${result.name} ${outcome}${result.id ? ` (${result.id})` : ''}` } };
              },
            });
            const { results, benchmark } = await suite.push({
              client: target.client,
              concurrency: options.concurrency,
              dryRun: options.dryRun === true,
              signal,
              onProgress: progress.update,
              ...(options.benchmark !== undefined && { benchmark: options.benchmark }),
            });
            progress.stop();
            const failed = results.filter((result) => result.error !== undefined);
            if (options.json) print(JSON.stringify(benchmark === undefined ? { results, warnings } : { results, benchmark, warnings }, null, 2));
            else {
              const count = (action: string) => results.filter((r) => r.action === action && r.error === undefined).length;
              const done = (n: number, what: string) => `${n} ${options.dryRun ? 'would be' : wasWere(n)} ${what}`;
              print(`${done(count('create'), 'created')}, ${done(count('update'), 'updated')}, ${count('unchanged')} unchanged, ${failed.length} failed.`);
              failed.forEach((result) => print(`  ✗ ${result.name}: ${result.error}`));
              if (benchmark !== undefined) print(describeBenchmark(benchmark, options.dryRun === true));
              if (failed.length > 0 || benchmark?.error !== undefined) print('Run the same push again to retry: scenarios already written are left unchanged.');
            }
            if (failed.length > 0 || benchmark?.error !== undefined) context.exitWith(EXIT.failed);
          } finally {
            progress?.stop();
            await target.close();
          }
        });
      }),
};

/** One line on what became of the benchmark. */
function describeBenchmark({ name, action, id, added, removed, error }: SuiteBenchmarkResult, dryRun: boolean): string {
  const label = `Benchmark ${JSON.stringify(name)}${id === undefined ? '' : ` (${id})`}`;
  if (error !== undefined) return `  ✗ ${label}: ${error}`;
  const verb = (past: string) => (dryRun ? `would be ${past}` : past);
  if (action === 'create') return `${label} ${verb('created')} with ${counted(added.length, 'scenario')}.`;
  if (action === 'update') return `${label} ${verb('updated')}: ${added.length} added, ${removed.length} removed.`;
  return `${label} unchanged.`;
}

