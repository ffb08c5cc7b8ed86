import type { IssueCode, IssueSeverity } from './issue-codes.js';
import { count } from '../util/count.js';

/**
 * One problem with a scenario: how serious it is, which rule it breaks, where it is (in the wire
 * payload and in the code you wrote), what is wrong, and the builder call that fixes it.
 *
 * @example
 * ```ts
 * const issue: ScenarioIssue = {
 *   severity: 'error',
 *   code: 'invalid-value',
 *   path: ['environment_parameters', 'launch_parameters', 'keep_alive_time_seconds'],
 *   inputPath: 'env.launch.keepAliveSeconds',
 *   message: 'must be at most 172800 seconds (48 hours)',
 *   fix: '.env({ launch: { keepAliveSeconds } })',
 * };
 * ```
 */
export interface ScenarioIssue {
  /** `error`: the API rejects it or it cannot work; `warning`: a scenariokit check beyond the API. */
  readonly severity: IssueSeverity;
  /** The rule, as a stable code (see `ISSUE_CODES` and docs/checks.md). */
  readonly code: IssueCode;
  /** The path of the offending field in the snake_case payload (the nearest field, for an option that has none). */
  readonly path: readonly (string | number)[];
  /**
   * Where it is in the code you wrote: the builder method, then the camelCase option path, e.g.
   * `env.launch.resourceSize.cpu`, `scorer[1].searchDirectory`, `problem.context.labels[0]`,
   * `requiredEnv[2]` (`scorer[i]` counts the scenario's scorers from 0).
   */
  readonly inputPath: string;
  /** What is wrong, in words. */
  readonly message: string;
  /** The scenariokit call that sets this field. */
  readonly fix: string;
}

/**
 * Renders an issue path as people write it: `scoring_contract.scoring_function_parameters[1].weight`.
 *
 * @example
 * ```ts
 * formatIssuePath(['scoring_contract', 'scoring_function_parameters', 1, 'weight']);
 * // 'scoring_contract.scoring_function_parameters[1].weight'
 * ```
 */
export function formatIssuePath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${text}[${JSON.stringify(key)}]`;
    return text ? `${text}.${key}` : key;
  }, '');
}

/**
 * An issue as the error messages show it: severity, where you wrote it and what is wrong; the
 * wire path and code, then the fix, on the next lines.
 *
 * @example
 * ```ts
 * formatIssue(issue, '  ');
 * // '  - error env.launch.keepAliveSeconds: must be at most 172800 seconds (48 hours)\n'
 * // + '    at environment_parameters.launch_parameters.keep_alive_time_seconds [invalid-value]\n'
 * // + '    fix: .env({ launch: { keepAliveSeconds } })'
 * ```
 */
export function formatIssue(issue: ScenarioIssue, indent: string): string {
  const wire = formatIssuePath(issue.path);
  const where = wire === '' || wire === issue.inputPath ? `[${issue.code}]` : `at ${wire} [${issue.code}]`;
  return `${indent}- ${issue.severity} ${issue.inputPath || '(scenario)'}: ${issue.message}\n${indent}  ${where}\n${indent}  fix: ${issue.fix}`;
}

/**
 * How many errors and warnings there are, in words: `1 error, 2 warnings`.
 *
 * @example
 * ```ts
 * countIssues(error.issues); // '1 error, 2 warnings'
 * ```
 */
export function countIssues(issues: readonly ScenarioIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const parts = [errors > 0 || warnings === 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''];
  return parts.filter(Boolean).join(', ');
}
