import { Command } from 'commander';
import type { CliCommand } from '../cli-command.js';
import { FILES_ARGUMENT_HELP } from '../load-scenarios.js';
import { EXIT } from '../exit-codes.js';

/** `scenariokit plan <files...>`: what a push would do, as diffs or JSON; writes nothing. */
export const planCommand: CliCommand = {
  sends: true,
  exitCodes: {
    0: 'every scenario can be pushed',
    1: 'some scenarios cannot be pushed (a name carried by several stored scenarios), or Runloop could not be reached',
    2: 'a file could not be loaded, a scenario is invalid, or a usage error; nothing is sent',
  },
  define: (context) =>
    new Command('plan')
      .description('show what a push would create, update or leave unchanged (reads the target, writes nothing)')
      .argument('<files...>', FILES_ARGUMENT_HELP)
      .option('--json', 'print the plan as JSON')
      .action(async (files: string[], options: { json?: boolean; local?: boolean }) => {
        const { print } = context.output;
        const suite = await context.loadSuite(files);
        const target = await context.openTarget(options);
        try {
          const plan = await suite.plan({ client: target.client });
          if (plan.items.some((item) => item.error)) context.exitWith(EXIT.failed);
          if (options.json) {
            print(JSON.stringify(plan, null, 2));
            return;
          }
          plan.items.forEach((item) => print(item.diff));
          const count = (action: string) => plan.items.filter((item) => item.action === action && item.error === undefined).length;
          const blocked = plan.items.filter((item) => item.error !== undefined).length;
          print(`\n${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged${blocked ? `, ${blocked} cannot be pushed (see !)` : ''}.`);
          if (count('create') + count('update') > 0) print(`Run scenariokit push ${files.join(' ')}${options.local ? ' --local' : ''} to apply.`);
        } finally {
          await target.close();
        }
      }),
};
