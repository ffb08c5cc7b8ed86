import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
 * Throws with the file name when it exists but is not a fake's store.
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
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const store = data as { format?: unknown; version?: unknown; scenarios?: unknown };
  if (store?.format !== STORE_FILE_FORMAT || store.version !== VERSION || !Array.isArray(store.scenarios)) {
    throw new Error(`${file} is not a scenariokit fake store (expected { "format": "${STORE_FILE_FORMAT}", "version": ${VERSION}, "scenarios": [...] })`);
  }
  for (const [index, scenario] of store.scenarios.entries()) {
    const view = scenario as Partial<ScenarioView> | null;
    if (typeof view?.id !== 'string' || typeof view.name !== 'string' || (view.status !== 'active' && view.status !== 'archived')) {
      throw new Error(`${file}: scenarios[${index}] is not a stored scenario (needs id, name and status)`);
    }
  }
  return store.scenarios as ScenarioView[];
}

/**
 * Writes the scenarios to `file` atomically: to a temporary file beside it, then renamed over it,
 * so a crash never leaves half a file. Creates the folder when needed.
 *
 * @example
 * ```ts
 * writeStoreFile('.scenariokit/fake-runloop.json', fake.scenarios);
 * ```
 */
export function writeStoreFile(file: string, scenarios: readonly ScenarioView[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ format: STORE_FILE_FORMAT, version: VERSION, scenarios }, null, 2)}\n`);
  renameSync(temporary, file);
}
