import { shareInstanceof } from '../util/share-instanceof.js';
import { countIssues, formatIssue, type ScenarioIssue } from './scenario-issue.js';

/**
 * Thrown by `.build()`, `.buildCreate()`, `.push()` and `.create()` when a scenario has errors
 * (or, on a strict builder, warnings), before anything is sent. `issues` lists every problem,
 * errors and warnings alike, each with its severity, code, paths, a message and the builder call
 * that fixes it. `instanceof ScenarioValidationError` holds whichever entry of the package
 * (`scenariokit`, `scenariokit/import`, ESM or CJS) made the builder that threw it.
 *
 * @example
 * ```ts
 * try {
 *   Scenario.define('x').scorer(command('npm test'), -1).build();
 * } catch (error) {
 *   if (error instanceof ScenarioValidationError) console.log(error.issues[0].inputPath); // 'scorer[0].weight'
 * }
 * ```
 */
export class ScenarioValidationError extends Error {
  static {
    shareInstanceof(this, 'ScenarioValidationError'); // `instanceof` holds for the copies of this class in the package's other entries
  }

  /** Every problem found, in payload order: errors and warnings. */
  readonly issues: readonly ScenarioIssue[];
  /** The scenario's name, when it has one. */
  readonly scenario: string | undefined;

  constructor(issues: readonly ScenarioIssue[], scenario?: string) {
    super(describeIssues(issues, scenario));
    this.name = 'ScenarioValidationError';
    this.issues = Object.freeze([...issues]);
    this.scenario = scenario;
  }
}

function describeIssues(issues: readonly ScenarioIssue[], scenario: string | undefined): string {
  const subject = scenario ? `Scenario ${JSON.stringify(scenario)}` : 'Scenario';
  const strict = issues.every((issue) => issue.severity === 'warning') ? ', strict' : '';
  const lines = issues.map((issue) => formatIssue(issue, '  '));
  return `${subject} is invalid (${countIssues(issues)}${strict}):\n${lines.join('\n')}`;
}
