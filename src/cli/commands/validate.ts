import { Command } from 'commander';
import type { CliCommand } from '../cli-command.js';
import { FILES_ARGUMENT_HELP } from '../load-scenarios.js';
import { count, isAre } from '../plural.js';

/** `scenariokit validate <files...>`: checks every scenario, sends nothing. */
export const validateCommand: CliCommand = {
  sends: false,
  exitCodes: { 0: 'every scenario is valid', 2: 'a file could not be loaded, a scenario is invalid, or a usage error' },
  define: (context) =>
    new Command('validate')
      .description('check every scenario of the files: exported by modules, or written as payloads (a directory stands for the files in it and its subdirectories)')
      .argument('<files...>', FILES_ARGUMENT_HELP)
      .action(async (files: string[]) => {
        const { builders } = await context.loadSuite(files);
        context.output.print(`${count(builders.length, 'scenario')} ${isAre(builders.length)} valid.`);
      }),
};
