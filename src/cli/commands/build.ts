import { Command } from 'commander';
import type { CliCommand } from '../cli-command.js';
import { FILES_ARGUMENT_HELP } from '../load-scenarios.js';
import { strictOption } from '../strict-option.js';
import { count } from '../../util/count.js';
import { writeFilesAllOrNothing } from '../write-files-all-or-nothing.js';
import { UsageError } from '../usage-error.js';

/** The longest file name most file systems take, in bytes (NAME_MAX of ext4, APFS, NTFS…). */
const NAME_MAX_BYTES = 255;

/** `scenariokit build <files...> [--out <dir>]`: the create payloads, printed or one file each. */
export const buildCommand: CliCommand = {
  sends: false,
  locally: 'it reads the files, and writes the payload files with --out',
  exitCodes: {
    0: 'the payloads were printed or written (warnings, if any, on stderr)',
    2: 'a file could not be loaded, a scenario is invalid (with --strict: has warnings), an output name is refused, or a usage error; nothing is written',
  },
  define: (context) =>
    new Command('build')
      .description('print the create payload of every scenario as JSON, or write one file per scenario')
      .argument('<files...>', FILES_ARGUMENT_HELP)
      .option('--out <dir>', 'write <dir>/<scenario name>.json (the name URL-encoded) instead of printing; all files or none')
      .addOption(strictOption())
      .action(async (files: string[], options: { out?: string; strict?: boolean }) => {
        const scenarios = (await context.loadSuite(files, options)).suite.scenarios();
        if (options.out === undefined) {
          context.output.print(JSON.stringify(scenarios.map((s) => s.payload), null, 2));
          return;
        }
        // a lone surrogate (half of a UTF-16 pair) has no file name: encodeURIComponent would throw
        const unnamable = scenarios.filter(({ name }) => /\p{Cs}/u.test(name));
        if (unnamable.length > 0) {
          throw new UsageError(
            `${count(unnamable.length, 'scenario name')} ${unnamable.length === 1 ? 'holds' : 'hold'} half of a UTF-16 surrogate pair, which no file name can carry: ${unnamable.map(({ name }) => JSON.stringify(name)).join(', ')}; fix the name, or print the payloads without --out. Nothing was written.`,
          );
        }
        const names = scenarios.map(({ name }) => `${encodeURIComponent(name).replace(/[*]/g, '%2A')}.json`);
        const clashes = names.filter((file, index) => names.findIndex((other) => other.toLowerCase() === file.toLowerCase()) !== index);
        if (clashes.length > 0) {
          throw new UsageError(`some scenario names differ only in case, so their files would overwrite each other: ${clashes.join(', ')}; rename them, or print the payloads without --out`);
        }
        const tooLong = scenarios.filter((_, index) => Buffer.byteLength(names[index]!) > NAME_MAX_BYTES);
        if (tooLong.length > 0) {
          const list = tooLong.map(({ name }) => JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)).join(', ');
          throw new UsageError(
            `${count(tooLong.length, 'scenario name')} would make a file name longer than ${NAME_MAX_BYTES} bytes (the name, URL-encoded, plus .json): ${list}; shorten them, or print the payloads without --out. Nothing was written.`,
          );
        }
        await writeFilesAllOrNothing(
          context.io.cwd,
          options.out,
          scenarios.map(({ payload }, index) => ({ name: names[index]!, contents: `${JSON.stringify(payload, null, 2)}\n` })),
        );
        context.output.print(`Wrote ${count(scenarios.length, 'payload')} to ${options.out}.`);
      }),
};
