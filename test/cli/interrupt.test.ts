import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { interruptible, Interrupted } from '../../src/cli/interruptible.js';
import { project, root } from './cli-helpers.js';

/** tsx's loader, by absolute URL: the command runs as a process of its own, to receive real signals. */
const TSX = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;

describe('scenariokit push, stopped by a signal on the embedded target', () => {
  const total = 400;

  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('on %s finishes the writes under way, keeps every write it reported, and releases the lock', async (signal) => {
    const dir = project({ 'many.ts': `export const many = Array.from({ length: ${total} }, (_, i) => Scenario.define('s-' + i).problem('p').scorer(command('t')));` });
    const child = spawn(process.execPath, ['--import', TSX, join(root, 'src/cli/bin.ts'), 'push', 'scenarios', '--concurrency', '2'], {
      cwd: dir,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const firstWrite = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        if (stderr.includes(' created (')) resolve();
      }),
    );
    await Promise.race([firstWrite, exited]);
    child.kill(signal);
    expect(await exited, stderr).toBe(1);

    expect(stderr).toContain(`Interrupted (${signal}): finishing the writes under way, starting no new ones.`);
    const reported = [...stderr.matchAll(/ created \((scn_\w+)\)/g)].map((match) => match[1]);
    const store = join(dir, '.scenariokit');
    const stored = (JSON.parse(readFileSync(join(store, 'runloop.json'), 'utf8')) as { scenarios: { id: string }[] }).scenarios.map((view) => view.id);
    expect(reported.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(total); // it stopped part-way
    expect(stored).toEqual(expect.arrayContaining(reported)); // nothing reported as created is lost
    expect(stdout).toMatch(new RegExp(`^${reported.length} were created, 0 were updated, 0 unchanged, ${total - reported.length} failed\\.`));
    expect(readdirSync(store)).toEqual(['runloop.json']); // no lock, no temporary file
    expect(existsSync(join(store, 'runloop.json.lock'))).toBe(false);
  }, 60_000);
});

describe('interruptible', () => {
  it('turns the first stop signal into an abort with a note, and lets go of the signals afterwards', async () => {
    const notes: string[] = [];
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const before = signals.map((signal) => process.listenerCount(signal));
    let seen: AbortSignal | undefined;
    const run = interruptible((text) => notes.push(text), 'stopping.', async (signal) => {
      seen = signal;
      expect(signals.map((signal) => process.listenerCount(signal))).toEqual(before.map((count) => count + 1));
      process.emit('SIGTERM', 'SIGTERM');
      expect(signal.aborted).toBe(true);
      throw new Error('Request was aborted.'); // what the SDK throws for an aborted request
    });
    await expect(run).rejects.toEqual(new Interrupted('SIGTERM'));
    expect(seen?.reason).toBeInstanceOf(Interrupted);
    expect(notes).toEqual(['\nInterrupted (SIGTERM): stopping.']);
    expect(signals.map((signal) => process.listenerCount(signal))).toEqual(before);
  });

  it('passes through what the work returns or throws when no signal came', async () => {
    await expect(interruptible(() => {}, 'x', async () => 42)).resolves.toBe(42);
    await expect(interruptible(() => {}, 'x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
