import { Command } from 'commander';
import type { CliCommand } from '../cli-command.js';
import { FILES_ARGUMENT_HELP } from '../load-scenarios.js';
import { count, isAre } from '../../util/count.js';
import { strictOption } from '../strict-option.js';

/** `scenariokit validate <files...>`: checks every scenario, sends nothing. */
export const validateCommand: CliCommand = {
  sends: false,
  exitCodes: {
    0: 'every scenario is valid (warnings, if any, are listed)',
    2: 'a file could not be loaded, a scenario is invalid (with --strict: has warnings), or a usage error',
  },
  define: (context) =>
    new Command('validate')
      .description('check every scenario of the files: exported by modules, or written as payloads (a directory stands for the files in it and its subdirectories)')
      .argument('<files...>', FILES_ARGUMENT_HELP)
      .addOption(strictOption())
      .action(async (files: string[], options: { strict?: boolean }) => {
        const { suite, warnings } = await context.loadSuite(files, options);
        const { length } = suite.builders;
        context.output.print(`${count(length, 'scenario')} ${isAre(length)} valid${warnings.length === 0 ? '' : `, with ${count(warnings.length, 'warning')} (above)`}.`);
      }),
};
