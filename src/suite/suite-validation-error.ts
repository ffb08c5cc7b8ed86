import { shareInstanceof } from '../util/share-instanceof.js';
import { formatIssue, type ScenarioIssue } from '../validation/scenario-issue.js';
import { count, isAre } from '../util/count.js';

/**
 * One scenario of a suite that cannot be sent, and why.
 *
 * @example
 * ```ts
 * const invalid: readonly InvalidSuiteScenario[] = error.scenarios;
 * invalid.map((s) => `#${s.index + 1} ${s.name}: ${s.issues.length} problems`);
 * ```
 */
export interface InvalidSuiteScenario {
  /** Its position in the suite. */
  readonly index: number;
  /** Its name, when it has one. */
  readonly name: string | undefined;
  /** Where it was defined, when known: the command names the file and the export (`scenarios/bugs.ts, export bugs[2]`). */
  readonly origin?: string;
  /** Every problem, as `ScenarioValidationError` reports them. */
  readonly issues: readonly ScenarioIssue[];
}

/**
 * Thrown by a suite's `plan()` and `push()` before any request when some scenarios are invalid
 * or share a name; lists every such scenario at once. `instanceof SuiteValidationError` holds
 * whichever entry of the package (`scenariokit`, `scenariokit/import`, ESM or CJS) made the suite.
 *
 * @example
 * ```ts
 * try {
 *   await suite.push();
 * } catch (error) {
 *   if (error instanceof SuiteValidationError) for (const s of error.scenarios) console.log(s.name, s.issues);
 * }
 * ```
 */
export class SuiteValidationError extends Error {
  static {
    shareInstanceof(this, 'SuiteValidationError'); // `instanceof` holds for the copies of this class in the package's other entries
  }

  /** The invalid scenarios, in suite order. */
  readonly scenarios: readonly InvalidSuiteScenario[];

  constructor(suite: string, scenarios: readonly InvalidSuiteScenario[]) {
    const lines = scenarios.flatMap((scenario) => [
      `  ${scenario.name === undefined ? `#${scenario.index + 1} (unnamed)` : JSON.stringify(scenario.name)}${scenario.origin === undefined ? '' : ` (${scenario.origin})`}:`,
      ...scenario.issues.map((issue) => formatIssue(issue, '    ')),
    ]);
    super(`Suite ${JSON.stringify(suite)}: ${count(scenarios.length, 'scenario')} ${isAre(scenarios.length)} invalid; fix ${scenarios.length === 1 ? 'it' : 'them'} before anything is sent.\n${lines.join('\n')}`);
    this.name = 'SuiteValidationError';
    this.scenarios = Object.freeze([...scenarios]);
  }
}
