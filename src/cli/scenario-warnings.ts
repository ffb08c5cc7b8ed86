import type { SuiteScenario } from '../suite/define-suite.js';
import { formatIssuePath, type ScenarioIssue } from '../validation/scenario-issue.js';
import { count } from '../util/count.js';
import type { LoadedEntry } from './scenario-file-loader.js';

/**
 * A warning of a scenario the command loaded, as `--json` prints it: the issue, the scenario's
 * name, and where the scenario was written (`scenarios/bugs.ts, export bugs[2]`, or a payload
 * file's `file:line` of the field). In a payload file, what you wrote is the wire payload, so
 * there `inputPath` is the field's path in the file.
 */
export interface ScenarioWarning extends ScenarioIssue {
  readonly scenario: string;
  readonly origin?: string;
}

/** Every warning of `scenarios` (a suite's, in the order of the `entries` they were loaded from). */
export function scenarioWarnings(scenarios: readonly SuiteScenario[], entries: readonly LoadedEntry[]): ScenarioWarning[] {
  return scenarios.flatMap(({ name, warnings }, index) => {
    const entry = entries[index];
    return warnings.map((issue) => {
      const origin = entry?.locate?.(issue.path) ?? entry?.origin;
      const inputPath = entry?.locate === undefined ? issue.inputPath : formatIssuePath(issue.path);
      return { scenario: name, ...(origin !== undefined && { origin }), ...issue, inputPath };
    });
  });
}

/**
 * The warnings in a few lines for stderr: how many, then one line each with the scenario, where
 * it was written, the input path, what is wrong and the code. `undefined` when there are none.
 */
export function formatWarnings(warnings: readonly ScenarioWarning[]): string | undefined {
  if (warnings.length === 0) return undefined;
  const scenarios = new Set(warnings.map((warning) => warning.scenario)).size;
  const lines = warnings.map((warning) => {
    const where = warning.origin === undefined ? '' : ` (${warning.origin})`;
    return `  ${warning.scenario}${where}: ${warning.inputPath || '(scenario)'}: ${warning.message} [${warning.code}]`;
  });
  return `${count(warnings.length, 'warning')} in ${count(scenarios, 'scenario')} (scenariokit's checks beyond the API; --strict makes them fail):\n${lines.join('\n')}`;
}
