/**
 * One problem with a scenario: where it is in the wire payload, what is wrong, and the builder
 * call that fixes it.
 *
 * @example
 * ```ts
 * const issue: ScenarioIssue = {
 *   path: ['environment_parameters', 'launch_parameters', 'keep_alive_time_seconds'],
 *   message: 'must be at most 172800 seconds (48 hours)',
 *   fix: '.env({ launch: { keepAliveSeconds } })',
 * };
 * ```
 */
export interface ScenarioIssue {
  /** The path of the offending field in the snake_case payload. */
  readonly path: readonly (string | number)[];
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
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

/**
 * An issue as the error messages show it: its path, what is wrong, and the fix on the next line.
 *
 * @example
 * ```ts
 * formatIssue({ path: ['scorer_timeout_sec'], message: 'must be at least 1 second', fix: '.scorerTimeout(seconds)' }, '  ');
 * // '  - scorer_timeout_sec: must be at least 1 second\n    fix: .scorerTimeout(seconds)'
 * ```
 */
export function formatIssue(issue: ScenarioIssue, indent: string): string {
  return `${indent}- ${formatIssuePath(issue.path) || '(payload)'}: ${issue.message}\n${indent}  fix: ${issue.fix}`;
}
