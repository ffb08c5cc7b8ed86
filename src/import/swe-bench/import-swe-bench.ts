import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ScenarioBuilder, Step } from '../../index.js';
import type { ImportProblem, ImportResult, ImportWarning } from '../import-problem.js';
import { checkSweBenchOptions, describeRow, importInstance, type SweBenchOptions } from './from-swe-bench.js';

/** A row with where it came from (`lite.jsonl line 3`). */
interface SourcedRow {
  readonly row: unknown;
  readonly where: string;
}

/**
 * Imports many SWE-bench rows at once: a builder for each row that imports and validates, and
 * the problems of the others (each naming its row and field), so that one bad row does not stop
 * the rest. A row repeated word for word is imported once, with a warning; two different rows
 * with one `instance_id` are a problem.
 *
 * @example
 * ```ts
 * const { builders, problems } = importSweBench(rows, { blueprintId: (row) => `bpt_${row.instance_id}` });
 * problems.forEach((problem) => console.warn(`${problem.source}: ${problem.field}: ${problem.message}`));
 * const suite = defineSuite('swe-bench-lite', builders);
 * ```
 */
export function importSweBench(rows: Iterable<unknown>, options: SweBenchOptions): ImportResult<ScenarioBuilder<Step>> {
  return importRows(Array.from(rows, (row, index) => ({ row, where: `row ${index + 1}` })), options, []);
}

/**
 * Reads a SWE-bench file and imports its rows like {@link importSweBench}: `.jsonl` (or
 * `.ndjson`) holds one JSON row per line, any other file a JSON list of rows (or one row). A
 * file that cannot be read or parsed is one problem naming the file.
 *
 * @example
 * ```ts
 * const { builders, problems } = await importSweBenchFile('swe-bench-lite.jsonl', { blueprintId: 'bpt_123' });
 * if (problems.length > 0) process.exitCode = 1;
 * ```
 */
export async function importSweBenchFile(path: string, options: SweBenchOptions): Promise<ImportResult<ScenarioBuilder<Step>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { builders: [], problems: [{ source: path, field: '(file)', message: `cannot be read: ${(error as Error).message}` }], warnings: [] };
  }
  const { rows, problems } = parseSweBenchText(text, path);
  return importRows(rows, options, problems);
}

/** The rows of a `.json` or `.jsonl` text, each with where it is; unparsable lines are problems. */
function parseSweBenchText(text: string, path: string): { rows: SourcedRow[]; problems: ImportProblem[] } {
  const name = basename(path);
  if (/\.(jsonl|ndjson)$/i.test(path)) {
    const rows: SourcedRow[] = [];
    const problems: ImportProblem[] = [];
    text.split('\n').forEach((line, index) => {
      if (!/\S/.test(line)) return;
      const where = `${name} line ${index + 1}`;
      try {
        rows.push({ row: JSON.parse(line), where });
      } catch (error) {
        problems.push({ source: where, field: '(row)', message: `is not JSON: ${(error as Error).message}` });
      }
    });
    return { rows, problems };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const hint = /^\s*\{[^\n]*\}\s*\n\s*\{/.test(text) ? ' (one row per line? name the file .jsonl)' : '';
    return { rows: [], problems: [{ source: name, field: '(file)', message: `is not JSON: ${(error as Error).message}${hint}` }] };
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return { rows: list.map((row, index) => ({ row, where: `${name} row ${index + 1}` })), problems: [] };
}

function importRows(rows: readonly SourcedRow[], options: SweBenchOptions, problems: ImportProblem[]): ImportResult<ScenarioBuilder<Step>> {
  const checked = checkSweBenchOptions(options, 'options');
  if (checked.options === undefined) return { builders: [], problems: [...checked.problems, ...problems], warnings: [] };
  const settings = checked.options;
  const builders: ScenarioBuilder<Step>[] = [];
  const warnings: ImportWarning[] = [];
  const seen = new Map<string, { where: string; json: string }>();
  for (const { row, where } of rows) {
    const source = describeRow(row, where);
    const id = (row as { instance_id?: unknown } | null)?.instance_id;
    if (typeof id === 'string') {
      const json = JSON.stringify(row);
      const first = seen.get(id);
      if (first?.json === json) {
        warnings.push({ source, field: 'instance_id', message: `repeats ${first.where} word for word; imported once` });
        continue;
      }
      if (first) {
        problems.push({ source, field: 'instance_id', message: `${JSON.stringify(id)} is also the id of ${first.where}, with other fields; scenario names must be unique` });
        continue;
      }
      seen.set(id, { where, json });
    }
    const imported = importInstance(row, settings, source);
    if (imported.builder) builders.push(imported.builder);
    else problems.push(...imported.problems);
  }
  return { builders, problems, warnings };
}
