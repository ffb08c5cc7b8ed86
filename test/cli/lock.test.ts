import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/cli/target-lock.js';
import { IMPORT_DSL, root } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'scenariokit-lock-'));
/** tsx's loader, by absolute URL: the processes run outside the repository. */
const TSX = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that no process has any more: that of a process that has just ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A lock left behind by `pid`, as a crashed command leaves it; `started` as recorded then. */
function staleLock(path: string, pid: number, started: string | null) {
  mkdirSync(path);
  writeFileSync(join(path, 'owner.json'), JSON.stringify({ pid, hostname: hostname(), started, nonce: `stale-${pid}`, since: new Date(0).toISOString() }));
}

/** Worker processes that take the lock when told to (test/cli/fixtures/lock-worker.ts). */
function startWorkers(count: number, lockPath: string, counterFile: string) {
  return Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', TSX, join(root, 'test/cli/fixtures/lock-worker.ts'), lockPath, counterFile], { cwd: root });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    return { child, next: async () => (await lines.next()).value as string };
  });
}

describe('the lock of the embedded target, between processes', () => {
  it('lets exactly one of several processes through each round, without a lock, with a stale one, and with one whose pid was reused; none while the holder runs; no write is lost', async () => {
    const lockPath = join(dir, 'primitive.lock');
    const counterFile = join(dir, 'counter');
    writeFileSync(counterFile, '0');
    const workers = startWorkers(4, lockPath, counterFile);
    const send = (line: string) => workers.forEach(({ child }) => child.stdin.write(`${line}\n`));
    const gone = await deadPid();
    const rounds = 24;
    let won = 0;
    try {
      for (let round = 0; round < rounds; round++) {
        if (round % 4 === 1) staleLock(lockPath, gone, null); // its process ended
        if (round % 4 === 2) staleLock(lockPath, process.pid, 'another-boot:1'); // its pid now runs another process
        const held = round % 4 === 3 ? await acquireLock(lockPath, 'the test target') : undefined; // held by this live process
        send(`try ${round}`);
        const answers = await Promise.all(workers.map(({ next }) => next()));
        const winners = answers.filter((answer) => answer === `won ${round}`);
        if (held) {
          expect(winners).toEqual([]);
          await held();
          continue;
        }
        won++;
        expect(winners, answers.join("\n")).toHaveLength(1);
        for (const answer of answers.filter((a) => !a.startsWith('won'))) {
          expect(answer).toMatch(new RegExp(`^refused ${round} another scenariokit command \\(process \\d+, since .+\\) is using the test target`));
        }
        const winner = workers[answers.indexOf(winners[0]!)]!;
        winner.child.stdin.write(`release ${round}\n`);
        expect(await winner.next()).toBe(`released ${round}`);
      }
    } finally {
      workers.forEach(({ child }) => child.stdin.end());
    }
    expect(readFileSync(counterFile, 'utf8')).toBe(String(won));
    expect(won).toBe(18);
    expect(readdirSync(dir).filter((name) => name.startsWith('primitive.lock'))).toEqual([]); // nothing left behind
  }, 30_000);
});

describe('scenariokit push, several at once on one embedded target', () => {
  it('never loses a write: every push that succeeds is stored, the others stop with exit code 2', async () => {
    const project = join(dir, 'project');
    const processes = 3;
    mkdirSync(join(project, '.scenariokit'), { recursive: true });
    for (let i = 0; i < processes; i++) {
      mkdirSync(join(project, `scenarios-${i}`), { recursive: true });
      writeFileSync(
        join(project, `scenarios-${i}`, 'all.ts'),
        `${IMPORT_DSL}export const all = ['a', 'b', 'c'].map((k) => Scenario.define(\`p${i}-\${k}\`).problem('p').scorer(command('t')));\n`,
      );
    }
    const push = (i: number) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', TSX, join(root, 'src/cli/bin.ts'), 'push', `scenarios-${i}`], {
          cwd: project,
          env: { PATH: process.env.PATH },
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    // a lock left by a command that crashed, then several commands at once
    staleLock(join(project, '.scenariokit', 'runloop.json.lock'), await deadPid(), null);
    const runs = await Promise.all(Array.from({ length: processes }, (_, i) => push(i)));
    const pushedBy = new Set<number>();
    for (const [i, run] of runs.entries()) {
      if (run.code === 0) pushedBy.add(i);
      else expect(run, run.stderr).toMatchObject({ code: 2, stderr: expect.stringContaining('another scenariokit command (process') });
    }
    expect(pushedBy.size).toBeGreaterThan(0);
    const stored = (JSON.parse(readFileSync(join(project, '.scenariokit', 'runloop.json'), 'utf8')) as { scenarios: { name: string }[] }).scenarios.map((s) => s.name);
    expect([...stored].sort()).toEqual([...pushedBy].flatMap((i) => ['a', 'b', 'c'].map((k) => `p${i}-${k}`)).sort());
    expect(existsSync(join(project, '.scenariokit', 'runloop.json.lock'))).toBe(false);
  }, 60_000);
});

describe('the recovery a held lock suggests', () => {
  it('quotes the path for the shell, so that pasting it removes the lock and nothing else', async () => {
    const folder = join(dir, "my dir's");
    mkdirSync(folder);
    const lockPath = join(folder, 'runloop.json.lock');
    const release = await acquireLock(lockPath, 'the test target');
    try {
      await expect(acquireLock(lockPath, 'the test target')).rejects.toThrow(`remove the lock and run this one again: rm -r '${folder.replaceAll("'", `'\\''`)}/runloop.json.lock'`);
    } finally {
      await release();
    }
  }, 30_000);
});
