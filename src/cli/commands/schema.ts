import { basename, dirname } from 'node:path';
import { Command } from 'commander';
import type { CliCommand } from '../cli-command.js';
import { payloadFileSchema } from '../payload-file-schema.js';
import { writeFilesAllOrNothing } from '../write-files-all-or-nothing.js';

/** `scenariokit schema [--out <file>]`: the JSON Schema of payload files, for editors and other tools. */
export const schemaCommand: CliCommand = {
  sends: false,
  locally: 'it reads no file, and writes the schema with --out',
  exitCodes: {
    0: 'the schema was printed or written',
    1: 'the file could not be written',
    2: 'a usage error (--out names a folder, say); nothing is written',
  },
  define: (context) =>
    new Command('schema')
      .description('print the JSON Schema of the payload files (.json, .yaml, .yml) that validate, build, verify, plan and push read beside modules: a scenario create payload, or a list of them')
      .option('--out <file>', 'write the schema to <file> (replaced whole, never half-written) instead of printing it')
      .action(async (options: { out?: string }) => {
        const text = `${JSON.stringify(payloadFileSchema(), null, 2)}\n`;
        if (options.out === undefined) {
          context.output.stdout.write(text);
          return;
        }
        await writeFilesAllOrNothing(context.io.cwd, dirname(options.out), [{ name: basename(options.out), contents: text }]);
        context.output.print(`Wrote ${options.out}.`);
      }),
};
