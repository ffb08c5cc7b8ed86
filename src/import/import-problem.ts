/**
 * Something in the source data that stops one item (a SWE-bench row, a Harbor task folder) from
 * being imported: where it is, which field, and what is wrong. The other items still import.
 *
 * @example
 * ```ts
 * const problem: ImportProblem = {
 *   source: 'lite.jsonl row 3 (django__django-16255)',
 *   field: 'FAIL_TO_PASS',
 *   message: 'is missing; every SWE-bench row needs it',
 * };
 * ```
 */
export interface ImportProblem {
  /** The item: a file and row (`lite.jsonl row 3 (django__django-16255)`) or a task folder. */
  readonly source: string;
  /** The field of the source data, or the import option, that is wrong. */
  readonly field: string;
  /** What is wrong and, where it helps, how to fix it. */
  readonly message: string;
}

/**
 * Something the import changed or left out, without stopping it (a resource size rounded up, a
 * setting Runloop has no place for). Returned as data; nothing is printed.
 *
 * @example
 * ```ts
 * const warning: ImportWarning = {
 *   source: 'tasks/big-build',
 *   field: 'task.toml [environment].memory_mb',
 *   message: '3000 MB rounded up to 4 GiB (Runloop takes 1 or an even number of GiB)',
 * };
 * ```
 */
export type ImportWarning = ImportProblem;

/**
 * What a batch import returns: a builder for every item that imported and validated, and the
 * problems of the others, so that one bad item does not stop the rest.
 *
 * @example
 * ```ts
 * const { builders, problems, warnings } = await importSweBenchFile('lite.jsonl', { blueprintId: 'bpt_123' });
 * for (const problem of problems) console.error(`${problem.source}: ${problem.field}: ${problem.message}`);
 * ```
 */
export interface ImportResult<Builder> {
  /** One builder per item that imported, in source order; each passes `.validateCreate()`. */
  readonly builders: readonly Builder[];
  /** Every problem of the items that did not import. */
  readonly problems: readonly ImportProblem[];
  /** What was changed or left out in the items that did import. */
  readonly warnings: readonly ImportWarning[];
}

/** A problem before its source is known: the field and what is wrong. */
export type FieldProblem = Omit<ImportProblem, 'source'>;
