import { Command, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import type { ScenarioVerification, VerifyCase, VerifyProgress } from '../../verify/index.js';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../exit-codes.js';
import { interruptible } from '../interruptible.js';
import { FILES_ARGUMENT_HELP } from '../load-scenarios.js';
import { positiveInteger } from '../positive-integer.js';
import { strictOption } from '../strict-option.js';
import { reportProgress, type ProgressReport } from '../report-progress.js';
import { UsageError } from '../usage-error.js';

/** The flags of `scenariokit verify`, as commander parses them. */
interface VerifyFlags {
  readonly workspace?: string;
  readonly runs?: number;
  readonly case?: VerifyCase;
  readonly setup: boolean;
  readonly concurrency?: number;
  readonly customScorer?: Readonly<Record<string, string>>;
  readonly keep?: boolean;
  readonly json?: boolean;
  readonly calibration?: boolean;
  readonly strict?: boolean;
}

/** `--custom-scorer <type>=<script>`, repeatable: adds one type's script to those given before. */
function customScorer(text: string, before: Readonly<Record<string, string>> = {}): Record<string, string> {
  const equals = text.indexOf('=');
  const type = text.slice(0, Math.max(equals, 0));
  const script = text.slice(equals + 1);
  if (equals < 1 || script === '') throw new InvalidArgumentError('must be <type>=<script path>, e.g. diff-similarity=./scorers/diff-similarity.sh');
  if (Object.hasOwn(before, type)) throw new InvalidArgumentError(`the custom scorer type ${JSON.stringify(type)} is given twice`);
  return { ...before, [type]: script };
}

/** `scenariokit verify <files...>`: scores every scenario locally, with its reference applied (gold) and without (no-op). */
export const verifyCommand: CliCommand = {
  sends: false,
  locally: "it runs the scenarios' commands on this machine (launch commands, the reference, the scorers), each run in a copy of the workspace in the temporary directory",
  exitCodes: {
    0: 'every scenario is verified: its reference scores 1.0, doing nothing scores less, on every run',
    1: 'some scenarios failed or are not verifiable (each says why), or the verification was interrupted',
    2: 'a file could not be loaded, a scenario is invalid (with --strict: has warnings), a secret or workspace is missing, a workspace cannot be copied (/, ~, or one holding TMPDIR), or a usage error; nothing ran',
  },
  define: (context) =>
    new Command('verify')
      .description('run every scenario\'s scorers locally on its workspace: the reference output must score 1.0, doing nothing less')
      .argument('[files...]', FILES_ARGUMENT_HELP)
      .option('--workspace <dir>', "the workspace of every scenario, instead of each one's own .workspace()")
      .option('--runs <n>', 'run each case n times; runs that score differently are flaky', positiveInteger)
      .addOption(new Option('--case <case>', 'run only this case: gold (the reference applied) or noop (nothing applied)').choices(['gold', 'noop']))
      .option('--no-setup', "skip the scenarios' launch commands (the workspaces are prepared already)")
      .option('--concurrency <n>', 'scenarios at once (default: the number of CPU cores)', positiveInteger)
      .option('--custom-scorer <type=script>', 'run custom scorers of this type with a bash script reading $RL_SCORER_CONTEXT (repeatable)', customScorer)
      .option('--keep', "keep every run's temporary directory, and print where")
      .option('--json', 'print { results, warnings } as JSON, and no progress')
      .addOption(strictOption())
      .option('--calibration', 'print the create payload of the calibration scenario (run it once on Runloop; see docs/verify.md) and verify nothing')
      .action(async (files: string[], options: VerifyFlags) => {
        const { print, note } = context.output;
        const { calibrationScenario, formatVerification, summarizeVerifications, verifySuite, VerifyInputError } = await import('../../verify/index.js');
        if (options.calibration) {
          if (files.length > 0) throw new UsageError('--calibration prints the calibration scenario and verifies nothing; run it without files: scenariokit verify --calibration');
          print(JSON.stringify(calibrationScenario().buildCreate(), null, 2));
          return;
        }
        if (files.length === 0) throw new UsageError('name the files to verify (scenariokit verify <files...>), or print the calibration scenario with --calibration');

        const { suite, warnings } = await context.loadSuite(files, options);
        const local = (path: string) => resolve(context.io.cwd, path); // the library would resolve against process.cwd()
        let progress: ProgressReport<VerifyProgress> | undefined;
        let results: readonly ScenarioVerification[];
        try {
          ({ results } = await interruptible(note, 'killing the running scorers; nothing more runs.', async (signal) => {
            progress = await reportProgress(context.output.stderr, {
              total: suite.builders.length,
              quiet: options.json === true,
              verb: 'verifying',
              step: (event: VerifyProgress) =>
                event.type === 'run' ? { name: event.name } : { name: event.result.name, done: { count: event.done, line: formatVerification(event.result) } },
            });
            return verifySuite(suite, {
              ...(options.workspace !== undefined && { workspace: local(options.workspace) }),
              ...(options.runs !== undefined && { runs: options.runs }),
              ...(options.case !== undefined && { cases: [options.case] }),
              ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
              setup: options.setup,
              keep: options.keep === true,
              customScorers: Object.fromEntries(Object.entries(options.customScorer ?? {}).map(([type, script]) => [type, local(script)])),
              env: context.io.env,
              signal,
              onProgress: progress.update,
            });
          }));
        } catch (error) {
          if (error instanceof VerifyInputError) throw new UsageError(`${error.message}\nNothing ran.`);
          throw error;
        } finally {
          progress?.stop();
        }

        if (results.some((result) => result.verdict !== 'verified')) context.exitWith(EXIT.failed);
        if (options.json) {
          print(JSON.stringify({ results, warnings }, null, 2));
          return;
        }
        // on a terminal the bar showed no scenario: say here which did not verify, and why
        if (context.output.stderr.isTTY) results.filter((result) => result.verdict !== 'verified').forEach((result) => print(formatVerification(result)));
        print(summarizeVerifications(results));
        const kept = results.flatMap((result) => (result.kept ?? []).map((path) => `  ${result.name}: ${path}`));
        if (kept.length > 0) print(`Kept the directory of every run (--keep):\n${kept.join('\n')}`);
      }),
};
