import { Command } from 'commander';
import type { CliCommand } from '../cli-command.js';
import { count, isAre } from '../plural.js';

/** `scenariokit validate <files...>`: checks every scenario, sends nothing. */
export const validateCommand: CliCommand = {
  sends: false,
  exitCodes: { 0: 'every scenario is valid', 2: 'a file could not be loaded, a scenario is invalid, or a usage error' },
  define: (context) =>
    new Command('validate')
      .description('check every scenario exported by the files (a directory stands for the modules in it and its subdirectories)')
      .argument('<files...>', '.ts or .js modules, or directories of them')
      .action(async (files: string[]) => {
        const { builders } = await context.loadSuite(files);
        context.output.print(`${count(builders.length, 'scenario')} ${isAre(builders.length)} valid.`);
      }),
};
