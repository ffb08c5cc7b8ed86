import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import type { CliCommand } from '../cli-command.js';
import { scenarioToCode } from '../../codegen/scenario-code.js';
import { UsageError } from '../usage-error.js';

/** `scenariokit pull <id> [--out <file>]`: TypeScript that rebuilds a stored scenario. */
export const pullCommand: CliCommand = {
  sends: true,
  exitCodes: {
    0: 'the code was printed or written',
    1: 'the scenario could not be read (an unknown id, say), or Runloop could not be reached',
    2: 'the output file exists (use --force), or a usage error; nothing is written',
  },
  define: (context) =>
    new Command('pull')
      .description('write TypeScript that rebuilds a stored scenario with the DSL (reads the target, writes nothing to it)')
      .argument('<id>', 'the scenario id (scn_…)')
      .option('--out <file>', 'write to <file> instead of printing')
      .option('--force', 'with --out: overwrite the file if it exists')
      .action(async (id: string, options: { out?: string; force?: boolean; local?: boolean }) => {
        const file = options.out === undefined ? undefined : resolve(context.io.cwd, options.out);
        // refuse before reading anything, and again at the write (exclusive create), so nothing is overwritten
        if (file !== undefined && !options.force && (await exists(file))) throw refuseOverwrite(options.out!);
        const target = await context.openTarget(options);
        try {
          const code = scenarioToCode(await target.client.scenarios.retrieve(id));
          if (file === undefined) {
            context.output.print(code);
            return;
          }
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, code, { flag: options.force ? 'w' : 'wx' }).catch((error: NodeJS.ErrnoException) => {
            throw error.code === 'EEXIST' ? refuseOverwrite(options.out!) : error;
          });
          context.output.print(`Wrote ${options.out}.`);
        } finally {
          await target.close();
        }
      }),
};

function refuseOverwrite(out: string): UsageError {
  return new UsageError(`${out} already exists; pass --force to overwrite it, or choose another --out file. Nothing was written.`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
