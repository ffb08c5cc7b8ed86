import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Runloop } from '@runloop/api-client';
import type { CliIO } from './cli-io.js';
import { UsageError } from './usage-error.js';

/** Where the embedded local target keeps its scenarios, under the working directory. */
const LOCAL_STORE = join('.scenariokit', 'runloop.json');

/** The Runloop a command talks to, and how to let it go. */
export interface Target {
  readonly client: Runloop;
  close(): Promise<void>;
}

/**
 * Runloop itself when `RUNLOOP_API_KEY` is set (at `RUNLOOP_BASE_URL`, if set); otherwise the
 * embedded local target: scenariokit's fake Runloop, persisted in `.scenariokit/runloop.json`,
 * announced on stderr so nobody mistakes it for their account.
 */
export async function openTarget(io: CliIO): Promise<Target> {
  const apiKey = io.env.RUNLOOP_API_KEY;
  if (apiKey) {
    const { Runloop } = await import('@runloop/api-client');
    const baseURL = io.env.RUNLOOP_BASE_URL || undefined;
    return { client: new Runloop({ bearerToken: apiKey, baseURL }), close: async () => {} };
  }
  const persistTo = join(io.cwd, LOCAL_STORE);
  await mkdir(join(io.cwd, '.scenariokit'), { recursive: true });
  const unlock = await lock(`${persistTo}.lock`);
  try {
    const { startFakeRunloop } = await import('../testing/index.js');
    const fake = await startFakeRunloop({ persistTo });
    io.stderr.write(
      `No RUNLOOP_API_KEY set: using the embedded local target (${LOCAL_STORE}). Set RUNLOOP_API_KEY to use your Runloop account.\n`,
    );
    return { client: fake.client(), close: () => fake.close().finally(unlock) };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/**
 * Takes the embedded target for this process, so that two commands at once cannot overwrite each
 * other's scenarios. A lock left by a process that no longer runs is taken over.
 */
async function lock(file: string): Promise<() => Promise<void>> {
  for (;;) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(file, 'utf8').catch(() => ''));
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      throw new UsageError(
        `another scenariokit command (process ${holder}) is using the embedded local target (${LOCAL_STORE}); wait for it to finish, then run this one again`,
      );
    }
    await rm(file, { force: true }); // left by a process that is gone
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
