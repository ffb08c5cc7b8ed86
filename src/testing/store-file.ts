import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';

/**
 * The `format` tag of a fake's JSON file.
 *
 * @example
 * ```ts
 * JSON.parse(readFileSync(file, 'utf8')).format === STORE_FILE_FORMAT;
 * ```
 */
const STORE_FILE_FORMAT = 'scenariokit-fake-runloop';
const VERSION = 1;

/**
 * Reads the scenarios a fake persisted to `file`; `undefined` when the file does not exist.
 * Throws with the file name, and how to recover, when it exists but is not a fake's store.
 *
 * @example
 * ```ts
 * const scenarios = readStoreFile('.scenariokit/fake-runloop.json') ?? [];
 * ```
 */
export function readStoreFile(file: string): ScenarioView[] | undefined {
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
  const store = data as { format?: unknown; version?: unknown; scenarios?: unknown };
  if (store?.format !== STORE_FILE_FORMAT || store.version !== VERSION || !Array.isArray(store.scenarios)) {
    throw new Error(`${file} is not a scenariokit fake store (expected { "format": "${STORE_FILE_FORMAT}", "version": ${VERSION}, "scenarios": [...] }). ${recovery(file)}`);
  }
  for (const [index, scenario] of store.scenarios.entries()) {
    const view = scenario as Partial<ScenarioView> | null;
    if (typeof view?.id !== 'string' || typeof view.name !== 'string' || (view.status !== 'active' && view.status !== 'archived')) {
      throw new Error(`${file}: scenarios[${index}] is not a stored scenario (needs id, name and status). ${recovery(file)}`);
    }
  }
  return store.scenarios as ScenarioView[];
}

/** How to get going again from a store that cannot be read, and what that costs. */
function recovery(file: string): string {
  return (
    `To start again with an empty store, move it aside: mv '${file}' '${file}.broken'. ` +
    'The scenarios it held are then forgotten here (their ids with them); the files that define them are untouched, and the next push creates them again with new ids.'
  );
}

/**
 * Writes the scenarios to `file` durably and atomically: to a temporary file beside it, flushed
 * to disk (`fsync`), renamed over it, and the folder flushed too; a crash leaves either the old
 * file or the new one, never half a file. Creates the folder when needed. Serialises the views
 * as they are, without copying them.
 *
 * @example
 * ```ts
 * writeStoreFile('.scenariokit/fake-runloop.json', fake.scenarios);
 * ```
 */
export function writeStoreFile(file: string, scenarios: Iterable<Readonly<ScenarioView>>): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  const text = `{\n  "format": "${STORE_FILE_FORMAT}",\n  "version": ${VERSION},\n  "scenarios": ${JSON.stringify([...scenarios], null, 2).replace(/\n/g, '\n  ')}\n}\n`;
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
