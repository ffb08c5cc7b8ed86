import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { StoreContents } from './fake-stores.js';
import { shellQuote } from '../util/shell-quote.js';

/**
 * The `format` tag of a fake's JSON file.
 *
 * @example
 * ```ts
 * JSON.parse(readFileSync(file, 'utf8')).format === STORE_FILE_FORMAT;
 * ```
 */
const STORE_FILE_FORMAT = 'scenariokit-fake-runloop';
/** The version written: 2 holds benchmarks, blueprints and objects besides the scenarios. */
const VERSION = 2;
/** The versions read: 1 held scenarios only. */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

/** What each list of the file holds, and the fields each of its entries must have. */
const LISTS = {
  scenarios: { what: 'a stored scenario', check: (entry: Record<string, unknown>) => entry.status === 'active' || entry.status === 'archived', needs: 'id, name and status' },
  benchmarks: { what: 'a stored benchmark', check: (entry: Record<string, unknown>) => Array.isArray(entry.scenarioIds), needs: 'id, name and scenarioIds' },
  blueprints: { what: 'a stored blueprint', check: () => true, needs: 'id and name' },
  objects: { what: 'a stored object', check: () => true, needs: 'id and name' },
} as const;

/**
 * Reads what a fake persisted to `file` (a version 1 file, from before benchmarks, holds
 * scenarios only); `undefined` when the file does not exist. Throws with the file name, and how
 * to recover, when it exists but is not a fake's store.
 *
 * @example
 * ```ts
 * const contents = readStoreFile('.scenariokit/fake-runloop.json');
 * contents?.benchmarks.length;
 * ```
 */
export function readStoreFile(file: string): StoreContents | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}). ${recovery(file)}`);
  }
  const store = data as Record<string, unknown> | null;
  if (store?.format !== STORE_FILE_FORMAT || !READABLE_VERSIONS.includes(store.version) || !Array.isArray(store.scenarios)) {
    throw new Error(`${file} is not a scenariokit fake store (expected { "format": "${STORE_FILE_FORMAT}", "version": ${VERSION}, "scenarios": [...], ... }). ${recovery(file)}`);
  }
  const contents: Record<string, unknown[]> = {};
  for (const [list, { what, check, needs }] of Object.entries(LISTS)) {
    const entries = store[list] ?? [];
    if (!Array.isArray(entries)) throw new Error(`${file}: ${list} is not a list. ${recovery(file)}`);
    for (const [index, entry] of entries.entries()) {
      const record = entry as Record<string, unknown> | null;
      if (typeof record?.id !== 'string' || typeof record.name !== 'string' || !check(record)) {
        throw new Error(`${file}: ${list}[${index}] is not ${what} (needs ${needs}). ${recovery(file)}`);
      }
    }
    contents[list] = entries;
  }
  return contents as unknown as StoreContents;
}

/** How to get going again from a store that cannot be read, and what that costs. */
function recovery(file: string): string {
  return (
    `To start again with an empty store, move it aside: mv ${shellQuote(file)} ${shellQuote(`${file}.broken`)}. ` +
    'What it held (scenarios, benchmarks, blueprints) is then forgotten here, ids included; the files that define your scenarios are untouched, and the next push creates them again with new ids.'
  );
}

/**
 * Writes what a fake holds to `file` durably and atomically: to a temporary file beside it,
 * flushed to disk (`fsync`), renamed over it, and the folder flushed too; a crash leaves either
 * the old file or the new one, never half a file. Creates the folder when needed. Serialises the
 * views as they are, without copying them.
 *
 * @example
 * ```ts
 * writeStoreFile('.scenariokit/fake-runloop.json', { scenarios: fake.scenarios, benchmarks: fake.benchmarks, blueprints: [], objects: [] });
 * ```
 */
export function writeStoreFile(file: string, contents: { readonly [K in keyof StoreContents]: Iterable<Readonly<StoreContents[K][number]>> }): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  const lists = (Object.keys(LISTS) as (keyof StoreContents)[]).map((list) => `  "${list}": ${JSON.stringify([...contents[list]], null, 2).replace(/\n/g, '\n  ')}`);
  const text = `{\n  "format": "${STORE_FILE_FORMAT}",\n  "version": ${VERSION},\n${lists.join(',\n')}\n}\n`;
  const temporary = `${file}.${randomUUID()}.tmp`;
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
  syncFolder(folder);
}

/** Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened (Windows). */
function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a folder; the rename is still atomic
  } finally {
    closeSync(fd);
  }
}
