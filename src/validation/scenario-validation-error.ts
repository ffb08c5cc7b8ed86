import { formatIssue, type ScenarioIssue } from './scenario-issue.js';

/**
 * Thrown by `.build()`, `.buildCreate()`, `.push()` and `.create()` when a scenario is invalid,
 * before anything is sent. `issues` lists every problem, each with its payload path, a message
 * and the builder call that fixes it.
 *
 * @example
 * ```ts
 * try {
 *   Scenario.define('x').scorer(command('npm test'), -1).build();
 * } catch (error) {
 *   if (error instanceof ScenarioValidationError) console.log(error.issues[0].path); // ['scoring_contract', …, 'weight']
 * }
 * ```
 */
export class ScenarioValidationError extends Error {
  /** Every problem found, in payload order. */
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
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map((issue) => formatIssue(issue, '  '));
  return `${subject} is invalid (${count}):\n${lines.join('\n')}`;
}
