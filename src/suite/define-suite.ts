import type { RequestOptions } from '@runloop/api-client/core';
import type { RunloopClient } from '../client/runloop-client.js';
import { builderName, type ScenarioBuilder } from '../scenario/scenario-builder.js';
import { createIssue } from '../scenario/scenario-issues.js';
import { hasText } from '../schema/primitives.js';
import type { ScenarioCreatePayload } from '../schema/scenario-payload.js';
import { describeValue } from '../util/describe-value.js';
import type { ScenarioIssue } from '../validation/scenario-issue.js';
import { brandSuite, collectBuilders, isBrandedSuite, type CollectedBuilder } from './collect-builders.js';
import { planSuite, type SuitePlan } from './plan-suite.js';
import { pushSuite, type SuitePushOptions, type SuitePushResult } from './push-suite.js';
import { checkSuiteOptions } from './suite-options.js';
import { SuiteValidationError, type InvalidSuiteScenario } from './suite-validation-error.js';

/**
 * What a suite is made of: builders, other suites, arrays of them (nested as you like), or a
 * function returning them.
 *
 * @example
 * ```ts
 * const source: SuiteSource = [fixNullCheck, template.each(bugs, (s, bug) => s.name(bug.id).problem(bug.title))];
 * defineSuite('bugs', source);
 * ```
 */
export type SuiteSource = ScenarioBuilder | Suite | Iterable<SuiteSource> | (() => Iterable<SuiteSource>);

/**
 * Options of `defineSuite`.
 *
 * @example
 * ```ts
 * const options: SuiteOptions = { strict: true };
 * defineSuite('bugs', scenarios, options); // warnings fail scenarios() (and so plan and push) like errors
 * ```
 */
export interface SuiteOptions {
  /** Warnings (scenariokit's checks beyond the API) make a scenario invalid, as errors do. */
  strict?: boolean;
}

/**
 * Options of a suite's `plan()`. An unknown key is an error (a `TypeError` naming it), as is a
 * value of the wrong kind.
 *
 * @example
 * ```ts
 * const options: SuitePlanOptions = { client, concurrency: 4, requestOptions: { timeout: 30_000 }, benchmark: 'parser-bugs' };
 * await suite.plan(options);
 * ```
 */
export interface SuitePlanOptions {
  /** The client to read with; without one, a client is made from `RUNLOOP_API_KEY` (and `RUNLOOP_BASE_URL`). */
  client?: RunloopClient;
  /** How many requests run at once (default 8): the look-ups of a plan, and in a push also its writes. */
  concurrency?: number;
  /** Per-request options for the SDK (timeout, maxRetries, headers…); an `idempotencyKey` is not used for the writes of a push, each of which has its own. */
  requestOptions?: RequestOptions;
  /**
   * The name of a Runloop benchmark to hold exactly the suite's scenarios: the plan says what
   * becomes of it, and a push creates it when no benchmark has the name, or updates its
   * scenarios when they differ, once every scenario was written.
   */
  benchmark?: string;
}

/**
 * A scenario of a suite, with the payload it sends.
 *
 * @example
 * ```ts
 * const scenarios: readonly SuiteScenario[] = suite.scenarios();
 * for (const { name, payload } of scenarios) writeFileSync(`${name}.json`, JSON.stringify(payload));
 * ```
 */
export interface SuiteScenario {
  /** Its name. */
  readonly name: string;
  /** The builder it was made with. */
  readonly builder: ScenarioBuilder;
  /** Its create payload. */
  readonly payload: ScenarioCreatePayload;
  /** Its warnings: scenariokit's checks beyond the API that it does not pass (empty when strict, which fails on them). */
  readonly warnings: readonly ScenarioIssue[];
}

/**
 * A named set of scenarios to plan and sync as a whole, like infrastructure as code: scenarios
 * are matched to stored ones by name; pushing twice changes nothing the second time.
 *
 * @example
 * ```ts
 * const suite = defineSuite('tracker-bugs', template.each(bugs, (s, bug) => s.name(`bug-${bug.id}`).problem(bug.title)));
 * const { items } = await suite.plan({ client });
 * const { results } = await suite.push({ client, concurrency: 16 });
 * ```
 */
export interface Suite {
  /** The suite's name, for messages. */
  readonly name: string;
  /** The builders, flattened, in suite order. */
  readonly builders: readonly ScenarioBuilder[];
  /** Whether warnings fail a scenario (`defineSuite`'s `strict` option). */
  readonly strict: boolean;
  /**
   * Every scenario's create payload and warnings; throws {@link SuiteValidationError} listing
   * every scenario with errors (or, strict, warnings) and every duplicate name.
   */
  scenarios(): readonly SuiteScenario[];
  /** What a push would do, scenario by scenario (and with the benchmark, with the `benchmark` option), without writing anything. */
  plan(options?: SuitePlanOptions): Promise<SuitePlan>;
  /** Creates and updates what the plan says, with bounded concurrency; never stops at the first failure. With `benchmark`, then syncs the benchmark. */
  push(options?: SuitePushOptions): Promise<SuitePushResult>;
}

/**
 * Whether `value` is a suite made by `defineSuite`, from this or another copy of scenariokit.
 *
 * @example
 * ```ts
 * const suites = Object.values(await import('./suites.ts')).filter(isSuite);
 * ```
 */
export function isSuite(value: unknown): value is Suite {
  return isBrandedSuite(value);
}

/**
 * Defines a suite from builders, arrays of builders or a generator of them. A builder given more
 * than once (say, in two suites combined) is one scenario.
 *
 * @example
 * ```ts
 * const suite = defineSuite('parsers', [fixNullCheck, function* () { for (const bug of bugs) yield template.name(bug.id).problem(bug.text); }]);
 * ```
 */
export function defineSuite(name: string, source: SuiteSource, options: SuiteOptions = {}): Suite {
  if (typeof name !== 'string' || !hasText(name)) {
    throw new TypeError(`defineSuite takes a name first, which must not be blank: defineSuite(name, scenarios); got ${describeValue(name)}`);
  }
  checkSuiteOptions(options);
  return suiteOf(name, collectBuilders(source), options.strict === true);
}

/** A suite of builders already collected, each with where it came from (the command names files and exports). */
export function suiteOf(name: string, entries: readonly CollectedBuilder[], strict = false): Suite {
  const frozen = Object.freeze(entries.map((entry) => Object.freeze({ ...entry })));
  const builders = Object.freeze(frozen.map((entry) => entry.builder));
  let scenarios: readonly SuiteScenario[] | undefined;
  const suite: Suite = {
    name,
    builders,
    strict,
    scenarios: () => (scenarios ??= checkScenarios(name, frozen, strict)),
    plan: (planOptions) => planSuite(suite, planOptions),
    push: (pushOptions) => pushSuite(suite, pushOptions),
  };
  return Object.freeze(brandSuite(suite, frozen));
}

function checkScenarios(suite: string, entries: readonly CollectedBuilder[], strict: boolean): readonly SuiteScenario[] {
  const invalid: InvalidSuiteScenario[] = [];
  const firstIndexByName = new Map<string, number>();
  const scenarios = entries.map(({ builder, origin }, index) => {
    const result = builder.validateCreate();
    const given = builderName(builder);
    const name = typeof given === 'string' ? given : undefined;
    const warnings = result.warnings ?? [];
    const issues = [...(result.error?.issues ?? (strict ? warnings : []))];
    if (name !== undefined) {
      const first = firstIndexByName.get(name);
      if (first === undefined) firstIndexByName.set(name, index);
      else {
        const firstOrigin = entries[first]?.origin;
        const where = firstOrigin === undefined ? '' : ` (${firstOrigin})`;
        issues.push(createIssue('duplicate-scenario-name', ['name'], `scenario #${first + 1}${where} has the same name; names identify scenarios in a suite`));
      }
    }
    if (issues.length > 0) invalid.push(origin === undefined ? { index, name, issues } : { index, name, origin, issues });
    return Object.freeze({ name: name ?? '', builder, payload: result.data!, warnings });
  });
  if (invalid.length > 0) throw new SuiteValidationError(suite, invalid);
  return Object.freeze(scenarios);
}
