import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellQuote } from '../util/shell-quote.js';
import { OutputTail } from './output-tail.js';
import type { CommandOutcome } from '../scorers/scorer-runtime.js';

/** What {@link runBash} runs, where, and for how long. */
export interface BashRun {
  readonly commandLine: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly signal?: AbortSignal | undefined;
}

/** What {@link runPython} runs: a Python script, where, and for how long. */
export type PythonRun = Omit<BashRun, 'commandLine'> & { readonly script: string };

/**
 * How bash runs a command line read from a file, as `bash -c <command line>` would run it: `$0`
 * is `bash`, there are no positional parameters, `$?` is 0 and line numbers count from the
 * command's first line. `read -d ''` keeps the text whole (trailing newlines included), and the
 * variable holding it is gone before the command starts.
 */
const bashFromFile = (file: string) => `IFS= read -r -d '' __scenariokit_command < ${shellQuote(file)}; eval "unset -v __scenariokit_command; $__scenariokit_command"`;

/**
 * How python3 runs a script read from a file, as `python3 -c <script>` would run it:
 * `sys.argv` is `['-c']`, `sys.path[0]` is `''` (modules of the working directory import),
 * `__name__` is `'__main__'` without a `__file__`, and the script's frames are `<string>`. The
 * file is the one argument, taken off `sys.argv` before the script runs.
 */
const PYTHON_FROM_FILE = `exec(compile(__import__('pathlib').Path(__import__('sys').argv.pop()).read_text(encoding='utf-8'), '<string>', 'exec'))`;

/** How long to wait for output pipes held open by a process that escaped the killed group. */
const PIPE_GRACE_MS = 1000;
/** The longest delay a Node timer takes. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `commandLine` as `bash -c commandLine` would, whatever its size: it is written to a file
 * of a fresh temporary directory (outside the workspace; removed when the command ends) and
 * bash reads it from there, since one argument of a process may hold at most 128 KiB on Linux.
 * See {@link spawnGroup} for how the command runs and ends.
 */
export function runBash(run: BashRun): Promise<CommandOutcome> {
  return withScriptFile('command.sh', run.commandLine, run.signal, (file) => spawnGroup(bashFromFile(file), run));
}

/**
 * Runs a Python script with the local `python3` as `python3 -c script` would (see
 * {@link PYTHON_FROM_FILE}), whatever its size: the script is read from a file of a fresh
 * temporary directory, like {@link runBash}'s command line.
 */
export function runPython(run: PythonRun): Promise<CommandOutcome> {
  return withScriptFile('script.py', run.script, run.signal, (file) => spawnGroup(`python3 -c ${shellQuote(PYTHON_FROM_FILE)} ${shellQuote(file)}`, run));
}

/** Writes `text` to `<a fresh temporary directory>/<name>`, runs `use` with its path, then removes the directory. */
async function withScriptFile<T>(name: string, text: string, signal: AbortSignal | undefined, use: (file: string) => Promise<T>): Promise<T> {
  signal?.throwIfAborted();
  const directory = await mkdtemp(join(tmpdir(), 'scenariokit-script-'));
  try {
    const file = join(directory, name);
    await writeFile(file, text);
    return await use(file);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * Runs `bash -c commandLine` (a short one: {@link runBash} and {@link runPython} make it) as the
 * leader of a new process group, stdin empty, keeping the last 64 KiB of its output. At the
 * timeout, or when `signal` aborts, the whole group is killed (SIGKILL); so is whatever the
 * command left running in the background when it exits. Resolves with how it ended; rejects
 * only when bash cannot start, or with the abort reason.
 */
function spawnGroup(commandLine: string, { cwd, env, timeoutSeconds, signal }: Omit<BashRun, 'commandLine'>): Promise<CommandOutcome> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const child = spawn('bash', ['-c', commandLine], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = new OutputTail();
    const output = new OutputTail();
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      output.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));

    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, Math.min(timeoutSeconds * 1000, MAX_TIMER_MS));
    const onAbort = () => killGroup();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };

    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (exitCode, exitSignal) => {
      done();
      killGroup(); // what it started in the background does not outlive it
      const finish = () => {
        if (signal?.aborted) reject(signal.reason);
        else resolve({ exitCode, signal: exitSignal, timedOut, stdout: stdout.text(), output: output.text() });
      };
      const grace = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, PIPE_GRACE_MS);
      child.once('close', () => {
        clearTimeout(grace);
        finish();
      });
    });
  });
}
