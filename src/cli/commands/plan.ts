import { Command } from 'commander';
import { shellQuote } from '../../util/shell-quote.js';
import { benchmarkName } from '../benchmark-option.js';
import type { CliCommand } from '../cli-command.js';
import { interruptible } from '../interruptible.js';
import { FILES_ARGUMENT_HELP } from '../load-scenarios.js';
import { EXIT } from '../exit-codes.js';
import { strictOption } from '../strict-option.js';

/** `scenariokit plan <files...>`: what a push would do, as diffs or JSON; writes nothing. */
export const planCommand: CliCommand = {
  sends: true,
  exitCodes: {
    0: 'every scenario (and the benchmark, with --benchmark) can be pushed',
    1: 'some scenarios cannot be pushed (a name carried by several stored scenarios), nor then the benchmark (or several benchmarks carry its name), or Runloop could not be reached, or it was interrupted',
    2: 'a file could not be loaded, a scenario is invalid (with --strict: has warnings), or a usage error; nothing is sent',
  },
  define: (context) =>
    new Command('plan')
      .description('show what a push would create, update or leave unchanged (reads the target, writes nothing)')
      .argument('<files...>', FILES_ARGUMENT_HELP)
      .option('--benchmark <name>', 'also show what becomes of the Runloop benchmark of this name, which a push makes hold exactly these scenarios', benchmarkName)
      .option('--json', 'print the plan as JSON: { items, benchmark, warnings }')
      .addOption(strictOption())
      .action(async (files: string[], options: { json?: boolean; local?: boolean; benchmark?: string; strict?: boolean }) => {
        const { print } = context.output;
        const { suite, warnings } = await context.loadSuite(files, options);
        // it only reads, but holds the embedded target's lock: a stop signal ends the reading and releases it
        await interruptible(context.output.note, 'stopping.', async (signal) => {
          const target = await context.openTarget(options);
          try {
            const plan = await suite.plan({ client: target.client, requestOptions: { signal }, ...(options.benchmark !== undefined && { benchmark: options.benchmark }) });
            const { benchmark } = plan;
            if (plan.items.some((item) => item.error) || benchmark?.error !== undefined) context.exitWith(EXIT.failed);
            if (options.json) {
              print(JSON.stringify({ ...plan, warnings }, null, 2));
              return;
            }
            plan.items.forEach((item) => print(item.diff));
            if (benchmark !== undefined) print(benchmark.diff);
            const count = (action: string) => plan.items.filter((item) => item.action === action && item.error === undefined).length;
            const blocked = plan.items.filter((item) => item.error !== undefined).length;
            const benchmarkPart = benchmark === undefined ? '' : `; benchmark: ${benchmark.error !== undefined ? 'cannot be pushed (see !)' : benchmark.action === 'unchanged' ? 'unchanged' : `to ${benchmark.action}`}`;
            print(`\n${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged${blocked ? `, ${blocked} cannot be pushed (see !)` : ''}${benchmarkPart}.`);
            const benchmarkChanges = benchmark !== undefined && benchmark.error === undefined && benchmark.action !== 'unchanged';
            if (count('create') + count('update') > 0 || benchmarkChanges) {
              const flags = `${options.benchmark === undefined ? '' : ` --benchmark ${shellQuote(options.benchmark)}`}${options.local ? ' --local' : ''}`;
              print(`Run scenariokit push ${files.map(shellQuote).join(' ')}${flags} to apply.`);
            }
          } finally {
            await target.close();
          }
        });
      }),
};
