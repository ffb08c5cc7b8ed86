import { shareInstanceof } from '../util/share-instanceof.js';
import type { ImportProblem } from './import-problem.js';
import { count } from '../util/count.js';

/**
 * Thrown by {@link fromSweBench} and {@link fromHarborTask} when an item cannot be imported:
 * `problems` lists every problem found, each naming its source and field.
 *
 * @example
 * ```ts
 * try {
 *   fromSweBench(row, { blueprintId: 'bpt_123' });
 * } catch (error) {
 *   if (error instanceof ImportError) for (const p of error.problems) console.error(p.field, p.message);
 * }
 * ```
 */
export class ImportError extends Error {
  static {
    shareInstanceof(this, 'ImportError'); // `instanceof` holds for the copies of this class in the package's other entries
  }

  /** Every problem found, in the order of the source's fields. */
  readonly problems: readonly ImportProblem[];

  constructor(problems: readonly ImportProblem[]) {
    super(describeProblems(problems));
    this.name = 'ImportError';
    this.problems = Object.freeze([...problems]);
  }
}

function describeProblems(problems: readonly ImportProblem[]): string {
  const sources = [...new Set(problems.map((problem) => problem.source))];
  const subject = sources.length === 1 ? sources[0]! : `${sources.length} items`;
  return `cannot import ${subject} (${count(problems.length, 'problem')}):\n${problems.map((p) => `  - ${p.source}: ${p.field}: ${p.message}`).join('\n')}`;
}
