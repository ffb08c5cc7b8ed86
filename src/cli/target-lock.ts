import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from './usage-error.js';
import { shellQuote } from '../util/shell-quote.js';

/** Who holds a lock: enough to tell whether that process still runs, even when its pid was reused. */
interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** The process's start (boot id and start tick, on Linux); `null` where it cannot be read. */
  readonly started: string | null;
  /** Tells this holding apart from any other, so that only the stale one is broken. */
  readonly nonce: string;
  /** When it was taken (ISO time), for messages. */
  readonly since: string;
}

/** How long a `.break` folder may stand before it is taken for one left by a crash. */
const BREAKER_STALE_MS = 10_000;
const ATTEMPTS = 100;

/**
 * Takes the lock `path` (a folder) for this process, or throws a {@link UsageError} saying who
 * holds it and how to recover. Taking it is one atomic rename of a folder that already holds
 * the owner's record, so that nobody ever sees a lock without its owner. A lock whose owner no
 * longer runs (its pid is gone, or now belongs to a process started at another time) is broken
 * under a second, short-lived lock (`<path>.break`) after checking that it is still the same
 * stale holding; then the lock is taken as usual. Resolves to the function that releases it.
 */
export async function acquireLock(path: string, what: string): Promise<() => Promise<void>> {
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), started: processStart(process.pid), nonce: randomUUID(), since: new Date().toISOString() };
  const recovery = `If no scenariokit command is running, remove the lock and run this one again: rm -r ${shellQuote(path)}`;
  let withoutOwner = 0;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (await tryCreate(path, owner)) return () => release(path, owner.nonce);
    const holder = await readOwner(path);
    if (holder === 'gone') continue; // released meanwhile: try again
    if (holder === 'no owner' && ++withoutOwner < 20) {
      await sleep(10); // seen between a release and the next taking; a lock never stays without its owner
      continue;
    }
    if (holder === 'no owner' || holder === 'unreadable') throw new UsageError(`${what} is locked by ${path}, whose owner cannot be read. ${recovery}`);
    const verdict = judge(holder);
    if (verdict === 'running') {
      throw new UsageError(
        `another scenariokit command (process ${holder.pid}, since ${holder.since}) is using ${what}; wait for it to finish, then run this one again. ${recovery}`,
      );
    }
    if (verdict === 'elsewhere') {
      throw new UsageError(`${what} is locked by process ${holder.pid} on ${holder.hostname}, which cannot be checked from here. ${recovery}`);
    }
    await breakStale(path, holder.nonce, recovery);
  }
  throw new UsageError(`could not take the lock on ${what}: it kept changing hands. ${recovery}`);
}

async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  const staging = await mkdtemp(join(path, '..', `${basename(path)}.new-`));
  try {
    await writeFile(join(staging, 'owner.json'), `${JSON.stringify(owner)}\n`);
    await rename(staging, path); // atomic; fails when the lock exists (it is never empty)
    return true;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (['EEXIST', 'ENOTEMPTY', 'ENOTDIR', 'EISDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

/** The lock's owner; `'gone'` when there is no lock; `'no owner'` when a folder stands there without one (for a moment, or made by hand). */
async function readOwner(path: string): Promise<LockOwner | 'gone' | 'no owner' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(join(path, 'owner.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return 'unreadable';
    // the lock may have been released, and another taken, between the two looks
    return (await stat(path).catch(() => undefined)) === undefined ? 'gone' : 'no owner';
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string' && typeof owner.nonce === 'string') return owner as LockOwner;
  } catch {
    // fall through
  }
  return 'unreadable';
}

function judge(holder: LockOwner): 'running' | 'stale' | 'elsewhere' {
  if (holder.hostname !== hostname()) return 'elsewhere';
  if (!isRunning(holder.pid)) return 'stale';
  // the pid runs, but it may now belong to another process: compare start times where they can be read
  const started = processStart(holder.pid);
  if (holder.started !== null && started !== null && started !== holder.started) return 'stale';
  return 'running';
}

/** Removes the lock if it is still the stale holding `nonce`, under `<path>.break` so that no two processes break it at once. */
async function breakStale(path: string, nonce: string, recovery: string): Promise<void> {
  const breaker = `${path}.break`;
  try {
    await mkdir(breaker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const since = (await stat(breaker).catch(() => undefined))?.mtimeMs;
    if (since !== undefined && Date.now() - since > BREAKER_STALE_MS) {
      throw new UsageError(`${breaker} was left by a command that stopped while taking over a stale lock. Remove it (rm -r ${shellQuote(breaker)}), then run this one again. ${recovery}`);
    }
    await sleep(5 + Math.random() * 20); // another process is breaking it right now
    return;
  }
  try {
    const holder = await readOwner(path);
    if (typeof holder === 'object' && holder.nonce === nonce) await discard(path);
  } finally {
    await rmdir(breaker);
  }
}

async function release(path: string, nonce: string): Promise<void> {
  const holder = await readOwner(path);
  if (typeof holder === 'object' && holder.nonce === nonce) await discard(path);
}

/** Moves the lock aside in one step, then deletes it: nobody sees a lock without its owner. */
async function discard(path: string): Promise<void> {
  const aside = `${path}.old-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When process `pid` started, as a string that differs for a reused pid: Linux's boot id and start tick; `null` elsewhere. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${bootId}:${fields[19]}`; // field 22 of stat, counted after the command name
  } catch {
    return null;
  }
}
