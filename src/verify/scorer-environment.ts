import type { ScenarioCreatePayload } from '../schema/scenario-payload.js';
import { secretRedactor } from '../util/redact-secrets.js';

/** A scenario's scorer environment, and what it lacks. */
export interface ScorerEnvironment {
  /** PATH, HOME, the required environment variables and the secrets, from the caller's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** Removes the values of the secrets from a text: they never appear in a report. */
  readonly redact: (text: string) => string;
  /** What is missing, a phrase each: `environment variable FOO`, `secret BAR`. */
  readonly missing: readonly string[];
}

/**
 * The environment a scenario's commands run with: PATH and HOME, then the scenario's required
 * environment variables and secrets, each taken from `from` by name (as Runloop would provide
 * them to the devbox). Nothing else of the caller's environment is passed on.
 */
export function scorerEnvironment(payload: ScenarioCreatePayload, from: Readonly<Record<string, string | undefined>>): ScorerEnvironment {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME']) if (from[name] !== undefined) env[name] = from[name]!;
  const missing: string[] = [];
  const secretValues: string[] = [];
  const take = (names: readonly string[] | null | undefined, kind: string, secret: boolean) => {
    for (const name of names ?? []) {
      const value = from[name];
      if (value === undefined) missing.push(`${kind} ${name}`);
      else {
        env[name] = value;
        if (secret) secretValues.push(value);
      }
    }
  };
  take(payload.required_environment_variables, 'environment variable', false);
  take(payload.required_secret_names, 'secret', true);
  return { env, redact: secretRedactor(secretValues), missing };
}
