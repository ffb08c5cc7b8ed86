import { basename, dirname } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { isRunloopId } from '../../client/runloop-id.js';
import { scenarioToCode } from '../../codegen/scenario-code.js';
import type { StoredScenario } from '../../scenario/from-view.js';
import { formatIssuePath } from '../../validation/scenario-issue.js';
import type { CliCommand } from '../cli-command.js';
import { interruptible } from '../interruptible.js';
import { UsageError } from '../usage-error.js';
import { refuseExistingOut, writeFilesAllOrNothing } from '../write-files-all-or-nothing.js';

/** What the code needs of Runloop's answer, checked before any is written: a stored scenario, not an error page or a listing. */
const StoredScenarioShape = z.looseObject({
  id: z.string({ error: 'must be a string' }),
  name: z.string({ error: 'must be a string' }),
  input_context: z.looseObject({ problem_statement: z.string({ error: 'must be a string' }) }, { error: 'must be an object' }),
  scoring_contract: z.looseObject({ scoring_function_parameters: z.array(z.unknown(), { error: 'must be a list' }) }, { error: 'must be an object' }),
});

/** `scenariokit pull <id> [--out <file>]`: TypeScript that rebuilds a stored scenario. */
export const pullCommand: CliCommand = {
  sends: true,
  exitCodes: {
    0: 'the code was printed or written',
    1: "the scenario could not be read (an unknown id, say), Runloop's answer is not a scenario, Runloop could not be reached, or it was interrupted; nothing is written",
    2: 'the id is not a scenario id, the output file exists (use --force), or a usage error; nothing is read or written',
  },
  define: (context) =>
    new Command('pull')
      .description('write TypeScript that rebuilds a stored scenario with the DSL (reads the target, writes nothing to it)')
      .argument('<id>', 'the scenario id (scn_…: letters, digits, "_" and "-")')
      .option('--out <file>', 'write to <file> instead of printing (made whole, or not at all)')
      .option('--force', 'with --out: replace the file if it exists')
      .action(async (id: string, options: { out?: string; force?: boolean; local?: boolean }) => {
        // the SDK puts the id into the path as it is: `..`, `/` or `?` would read another endpoint
        if (!isRunloopId(id)) {
          throw new UsageError(`${JSON.stringify(id)} is not a scenario id: Runloop's ids are letters, digits, "_" and "-" (scn_…), as push prints them. Nothing was read.`);
        }
        const out = options.out;
        // refuse before reading anything, and again at the write (which never replaces a file without --force)
        if (out !== undefined) await refuseExistingOut(context.io.cwd, out, options.force === true);
        // it only reads, but holds the embedded target's lock: a stop signal ends the reading and releases it
        const code = await interruptible(context.output.note, 'stopping; nothing is written.', async (signal) => {
          const target = await context.openTarget(options);
          try {
            return scenarioToCode(checkedView(await target.client.scenarios.retrieve(id, { signal }), id));
          } finally {
            await target.close();
          }
        });
        if (out === undefined) {
          context.output.print(code);
          return;
        }
        await writeFilesAllOrNothing(context.io.cwd, dirname(out), [{ name: basename(out), contents: code }], { overwrite: options.force === true });
        context.output.print(`Wrote ${out}.`);
      }),
};

/** Runloop's answer as a stored scenario, or an error saying why it is not the one asked for. */
function checkedView(answer: unknown, id: string): StoredScenario {
  const parsed = StoredScenarioShape.safeParse(answer);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${formatIssuePath(issue.path as (string | number)[]) || '(the answer)'} ${issue.message}`);
  if (parsed.success && parsed.data.id !== id) problems.push(`its id is ${JSON.stringify(parsed.data.id)}, not the one asked for`);
  if (problems.length > 0) throw new Error(`Runloop's answer for scenario ${id} is not that scenario (${problems.join('; ')}). Nothing was written.`);
  return answer as StoredScenario;
}
