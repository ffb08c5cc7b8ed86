import { spawn } from 'node:child_process';
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

/** How long to wait for output pipes held open by a process that escaped the killed group. */
const PIPE_GRACE_MS = 1000;
/** The longest delay a Node timer takes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `bash -c commandLine` as the leader of a new process group, stdin empty, keeping the last
 * 64 KiB of its output. At the timeout, or when `signal` aborts, the whole group is killed
 * (SIGKILL); so is whatever the command left running in the background when it exits. Resolves
 * with how it ended; rejects only when bash cannot start, or with the abort reason.
 */
export function runBash({ commandLine, cwd, env, timeoutSeconds, signal }: BashRun): Promise<CommandOutcome> {
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
