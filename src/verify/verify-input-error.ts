import { shareInstanceof } from '../util/share-instanceof.js';
import { count } from '../util/count.js';
/**
 * Bad input to `verifyScenario` or `verifySuite`, found before anything ran: an unknown or bad
 * option, a workspace that does not exist (or cannot be copied: `/`, the home directory, one
 * holding the temporary directory), a required environment variable or secret missing
 * from the environment, a custom scorer script that does not exist. Lists every problem.
 *
 * @example
 * ```ts
 * try {
 *   await verifySuite(suite);
 * } catch (error) {
 *   if (error instanceof VerifyInputError) console.error(error.problems.join('\n'));
 * }
 * ```
 */
export class VerifyInputError extends Error {
  static {
    shareInstanceof(this, 'VerifyInputError'); // `instanceof` holds for the copies of this class in the package's other entries
  }

  override readonly name = 'VerifyInputError';
  /** Every problem, a sentence each. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`cannot verify (${count(problems.length, 'problem')}):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = Object.freeze([...problems]);
  }
}
