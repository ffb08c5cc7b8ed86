import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { z } from 'zod';
import { clientOptionsSchema, resolveClient, type ClientOptions } from '../client/runloop-client.js';
import { isRunloopId } from '../client/runloop-id.js';
import { mergeEnvironment, type EnvironmentInput } from '../environment/environment-input.js';
import { isPlainObject, type JsonObject } from '../schema/json-object.js';
import type { PayloadField, ScenarioCreatePayload, ScenarioUpdatePayload } from '../schema/scenario-payload.js';
import { asScorer, renamedScorer, type Scorer } from '../scorers/scorer.js';
import { resolveScorerNames } from '../scorers/scorer-names.js';
import { copyData } from '../util/copy-data.js';
import { describeValue } from '../util/describe-value.js';
import { didYouMean } from '../util/did-you-mean.js';
import { lazy } from '../util/lazy.js';
import { optionProblems } from '../validation/option-problems.js';
import type { ScenarioIssue } from '../validation/scenario-issue.js';
import { ScenarioValidationError } from '../validation/scenario-validation-error.js';
import type { Step, WhenReady } from './build-steps.js';
import { compileScenario, environmentPart, problemPart, scoringPart, type CompiledScenario } from './compile-scenario.js';
import { createIssue, methodOptionIssues } from './scenario-issues.js';
import { localWorkspace, type LocalWorkspace } from './local-workspace.js';
import type { ScenarioState, ScorerEntry, ScoringState } from './scenario-state.js';

/**
 * Validation strategies: `UNSPECIFIED`, `FORWARD`, `REVERSE` or `EVALUATION`.
 *
 * @example
 * ```ts
 * const type: ValidationType = 'FORWARD';
 * scenario.validation(type);
 * ```
 */
export type ValidationType = NonNullable<ScenarioUpdatePayload['validation_type']>;

/**
 * Fields that `.clear()` empties on the server (an absent field would keep its value).
 *
 * @example
 * ```ts
 * const field: ClearableField = 'metadata';
 * await Scenario.define().clear(field).push('scn_123'); // sends { metadata: {} }
 * ```
 */
export type ClearableField = 'metadata' | 'referenceOutput' | 'requiredEnv' | 'requiredSecrets';

/**
 * The outcome of `.validate()`: the payload and the warnings (checks beyond the API it does not
 * pass), or the error `.build()` would throw, whose issues list errors and warnings alike.
 *
 * @example
 * ```ts
 * const result = scenario.validate();
 * if (result.success) result.warnings.forEach((w) => console.warn(`${w.inputPath}: ${w.message} [${w.code}]`));
 * else console.error(result.error.issues);
 * ```
 */
export type ScenarioValidationResult<Payload> =
  | { readonly success: true; readonly data: Payload; readonly warnings: readonly ScenarioIssue[]; readonly error?: undefined }
  | { readonly success: false; readonly data?: undefined; readonly warnings?: undefined; readonly error: ScenarioValidationError };

/**
 * Options of `.problem()`.
 *
 * @example
 * ```ts
 * const options: ProblemOptions = { context: { issue: 'https://github.com/acme/app/issues/42' } };
 * scenario.problem('Fix the crash in parse()', options);
 * ```
 */
export interface ProblemOptions {
  /** Structured context for the agent (`additional_context`): a JSON object. */
  context?: Record<string, unknown>;
}

/** The keys of {@link ProblemOptions}, for the option check. */
const problemOptionsSchema = lazy(() => z.strictObject({ context: z.unknown() }));

/**
 * An immutable scenario under construction. Every method returns a new builder and leaves the
 * receiver unchanged, so one builder can be the template of many scenarios. `Done` records the
 * steps taken, so that `.buildCreate()` and `.create()` only compile once a name, a problem and
 * a scorer were given. `ScenarioBuilder` alone means a builder with every step done, so a
 * helper `(scenario: ScenarioBuilder) => scenario.create()` compiles, and passing it a builder
 * that lacks steps is a type error naming them; `ScenarioBuilder<any>` holds a builder at any step.
 *
 * @example
 * ```ts
 * const base = Scenario.define().env({ blueprintId: 'bpt_123' }).scorer(command('npm test'));
 * const a = base.name('bug-1').problem('Fix bug 1');
 * const b = base.name('bug-2').problem('Fix bug 2'); // `a` is unaffected
 * ```
 */
export interface ScenarioBuilder<Done extends Step = Step> {
  // first, so that the compiler reports a builder whose steps are not done by these two, naming the steps
  /** The frozen JSON body for `POST /v1/scenarios`; available once a name, a problem and a scorer were given. */
  buildCreate: WhenReady<Done, () => ScenarioCreatePayload>;
  /** Validates, then creates the scenario through `@runloop/api-client`. Nothing is sent when invalid. */
  create: WhenReady<Done, (options?: ClientOptions) => Promise<ScenarioView>>;
  /** Sets the scenario's name (`name`, non-blank). */
  name(name: string): ScenarioBuilder<Done | 'name'>;
  /**
   * Sets the environment (`environment_parameters`). A source (`blueprintId`, `snapshotId` or
   * `prebuiltId`, one per call) replaces an earlier call's source; `workingDirectory` replaces;
   * `launch` merges key by key, and a key set to `undefined` is dropped.
   */
  env(environment: EnvironmentInput): ScenarioBuilder<Done>;
  /** Sets the problem statement and optional JSON context (`input_context`). */
  problem(statement: string, options?: ProblemOptions): ScenarioBuilder<Done | 'problem'>;
  /** Appends a scorer with a relative weight (default 1); weights are normalised to sum to 1. */
  scorer(scorer: Scorer, weight?: number): ScenarioBuilder<Done | 'scorer'>;
  /**
   * Replaces the scorer called `name` (explicit or default name), keeping its position and,
   * unless given, its weight; a replacement without a name of its own takes `name`.
   */
  replaceScorer(name: string, scorer: Scorer, weight?: number): ScenarioBuilder<Done>;
  /** Removes the scorer called `name`. */
  removeScorer(name: string): ScenarioBuilder<Done>;
  /**
   * `'normalize'` (default) sends each weight divided by their total; `'exact'` sends them as
   * given, and then they should already sum to 1 (a warning otherwise).
   */
  weights(mode: 'normalize' | 'exact'): ScenarioBuilder<Done>;
  /** Merges string entries into the metadata; an entry set to `undefined` is dropped. */
  metadata(entries: Readonly<Record<string, string | undefined>>): ScenarioBuilder<Done>;
  /** Sets the reference solution (`reference_output`), e.g. a git diff. */
  referenceOutput(text: string): ScenarioBuilder<Done>;
  /** Sets the environment variables the scenario requires (`required_environment_variables`), replacing earlier ones. */
  requiredEnv(names: readonly string[]): ScenarioBuilder<Done>;
  /** Sets the secrets the scenario requires (`required_secret_names`), replacing earlier ones. */
  requiredSecrets(names: readonly string[]): ScenarioBuilder<Done>;
  /** Sets the scoring timeout in seconds (`scorer_timeout_sec`; Runloop's default is 1800). */
  scorerTimeout(seconds: number): ScenarioBuilder<Done>;
  /** Sets the validation strategy (`validation_type`). */
  validation(type: ValidationType): ScenarioBuilder<Done>;
  /**
   * Names the scenario's local workspace for `scenariokit/verify`: a directory standing for the
   * devbox's working directory. Local only: never sent, absent from every payload. A relative
   * path resolves against the file whose code made this call (a `file:` URL works too).
   *
   * @example
   * ```ts
   * scenario.workspace('./workspaces/slugify'); // next to this file
   * scenario.workspace(new URL('./workspaces/slugify/', import.meta.url));
   * ```
   */
  workspace(path: string | URL): ScenarioBuilder<Done>;
  /** Sets the reference page's `is_public` (not in the current SDK's update types; sent only when set). */
  public(flag?: boolean): ScenarioBuilder<Done>;
  /**
   * Empties a field on the server: `metadata` sends `{}`, `referenceOutput` sends `''`,
   * `requiredEnv` and `requiredSecrets` send `[]`. (Fields never set are simply not sent, and
   * an update keeps what the server has.)
   */
  clear(field: ClearableField): ScenarioBuilder<Done>;
  /**
   * Makes warnings (scenariokit's checks beyond the API) fail `build()`, `validate()`, `push()`
   * and `create()` like errors; `strict(false)` turns it off again.
   */
  strict(flag?: boolean): ScenarioBuilder<Done>;
  /** Calls `fn` with this builder and returns its result: reusable steps in a chain. */
  $call<R>(fn: (builder: this) => R): R;
  /**
   * One scenario per data row: calls `fn` with this builder (the template) and each row.
   *
   * @example
   * ```ts
   * const scenarios = template.each(bugs, (scenario, bug) => scenario.name(`bug-${bug.id}`).problem(bug.title));
   * ```
   */
  each<Row, R>(rows: Iterable<Row>, fn: (template: this, row: Row, index: number) => R): R[];

  /**
   * The frozen JSON body for `POST /v1/scenarios/{id}`; throws {@link ScenarioValidationError}
   * listing every problem when there are errors (or, strict, warnings).
   */
  build(): ScenarioUpdatePayload;
  /** Like {@link build}, without throwing; on success, the warnings come with the payload. */
  validate(): ScenarioValidationResult<ScenarioUpdatePayload>;
  /** Like {@link buildCreate}, without throwing, and callable at any step. */
  validateCreate(): ScenarioValidationResult<ScenarioCreatePayload>;
  /** Validates, then updates scenario `id` through `@runloop/api-client`. Nothing is sent when invalid. */
  push(id: string, options?: ClientOptions): Promise<ScenarioView>;
}

/** Creates a builder from a state; the runtime side of {@link ScenarioBuilder}. */
export function createScenarioBuilder<Done extends Step>(state: ScenarioState): ScenarioBuilder<Done> {
  return new ScenarioBuilderImpl(state) as unknown as ScenarioBuilder<Done>;
}

/** Marks builders across copies of the package (ESM and CJS builds, or two installs). */
const BUILDER_BRAND = Symbol.for('scenariokit.ScenarioBuilder');
/** Reads a builder's name across copies of the package, without building it. */
const BUILDER_NAME = Symbol.for('scenariokit.ScenarioBuilder.name');
/** Reads a builder's local workspace across copies of the package. */
const BUILDER_WORKSPACE = Symbol.for('scenariokit.ScenarioBuilder.workspace');

/** The name a builder was given, if any (valid or not), without validating anything. */
export function builderName(builder: ScenarioBuilder<any>): unknown {
  return (builder as unknown as { [BUILDER_NAME]: unknown })[BUILDER_NAME];
}

/** The local workspace a builder was given with `.workspace()`, if any (local only, never in a payload). */
export function builderWorkspace(builder: ScenarioBuilder<any>): LocalWorkspace | undefined {
  return (builder as unknown as { [BUILDER_WORKSPACE]: LocalWorkspace | undefined })[BUILDER_WORKSPACE];
}

/**
 * Whether `value` is a scenario builder, from this or another copy of scenariokit.
 *
 * @example
 * ```ts
 * const builders = Object.values(await import('./scenarios.ts')).filter(isScenarioBuilder);
 * ```
 */
export function isScenarioBuilder(value: unknown): value is ScenarioBuilder {
  return typeof value === 'object' && value !== null && (value as { [BUILDER_BRAND]?: unknown })[BUILDER_BRAND] === true;
}

const EMPTY_SCORING: ScoringState = Object.freeze({ entries: Object.freeze([]), exactWeights: false });
const NO_ISSUES: readonly ScenarioIssue[] = Object.freeze([]);

/** The runtime side of {@link ScenarioBuilder}; `implements` makes the compiler hold the two together. */
class ScenarioBuilderImpl implements ScenarioBuilder<Step> {
  readonly #state: ScenarioState;
  constructor(state: ScenarioState) {
    this.#state = state;
  }

  get [BUILDER_BRAND](): true {
    return true;
  }

  get [BUILDER_NAME](): unknown {
    return this.#state.name;
  }

  get [BUILDER_WORKSPACE](): LocalWorkspace | undefined {
    return this.#state.workspace;
  }

  #with<F extends PayloadField>(field: F, value: ScenarioState[F]): ScenarioBuilderImpl {
    return new ScenarioBuilderImpl(this.#state.with(field, value));
  }

  #withScoring(changes: Partial<ScoringState>): ScenarioBuilderImpl {
    const scoring = this.#state.scoring_contract?.input ?? EMPTY_SCORING;
    return this.#with(
      'scoring_contract',
      scoringPart({
        entries: changes.entries ?? scoring.entries,
        exactWeights: changes.exactWeights ?? scoring.exactWeights,
      }),
    );
  }

  name(name: string): ScenarioBuilderImpl {
    return this.#with('name', name);
  }

  env(environment: EnvironmentInput): ScenarioBuilderImpl {
    const merged = mergeEnvironment(this.#state.environment_parameters?.input, environment);
    return this.#with('environment_parameters', environmentPart(copyData(merged)));
  }

  problem(statement: string, options?: ProblemOptions): ScenarioBuilderImpl {
    const problems = optionProblems(problemOptionsSchema, options);
    const issues = problems.length === 0 ? NO_ISSUES : methodOptionIssues(problems, 'problem', ['input_context'], '.problem(statement, { context })');
    const context = typeof options === 'object' && options?.context !== undefined ? (copyData(options.context) as JsonObject) : undefined;
    return this.#with('input_context', problemPart({ statement, context, issues }));
  }

  scorer(scorer: Scorer, weight = 1): ScenarioBuilderImpl {
    const entries = this.#state.scoring_contract?.input.entries ?? [];
    return this.#withScoring({ entries: [...entries, { scorer: asScorer(scorer), weight }] });
  }

  replaceScorer(name: string, scorer: Scorer, weight?: number): ScenarioBuilderImpl {
    // an unnamed replacement takes the name it replaces, so that the scorer stays recognisable
    const given = asScorer(scorer);
    const named = given.name === undefined ? renamedScorer(given, name) : given;
    return this.#editScorer(name, 'replace', (entry) => [{ scorer: named, weight: weight ?? entry.weight }]);
  }

  removeScorer(name: string): ScenarioBuilderImpl {
    return this.#editScorer(name, 'remove', () => []);
  }

  /** Edits the first scorer called `name`; a name the scenario does not have is reported when it is validated. */
  #editScorer(name: string, verb: string, edit: (entry: ScorerEntry) => ScorerEntry[]): ScenarioBuilderImpl {
    const scoring = this.#state.scoring_contract?.input ?? EMPTY_SCORING;
    const names = resolveScorerNames(scoring.entries.map((entry) => entry.scorer));
    const at = names.indexOf(name);
    if (at === -1) {
      const known = names.length > 0 ? `the scorers are ${names.map((n) => JSON.stringify(n)).join(', ')}` : 'there are no scorers';
      const problem = createIssue('scorer-not-found', ['scoring_contract', 'scoring_function_parameters'], `cannot ${verb} scorer ${JSON.stringify(name)}: ${known}`, {
        inputPath: `${verb}Scorer(${JSON.stringify(name)})`,
      });
      return this.#withProblem(problem);
    }
    const entries = [...scoring.entries.slice(0, at), ...edit(scoring.entries[at]!), ...scoring.entries.slice(at + 1)];
    return this.#withScoring({ entries });
  }

  weights(mode: 'normalize' | 'exact'): ScenarioBuilderImpl {
    if (mode !== 'normalize' && mode !== 'exact') return this.#withProblem(argumentIssue('weights', 'mode', mode, WEIGHT_MODES, ['scoring_contract']));
    return this.#withScoring({ exactWeights: mode === 'exact' });
  }

  metadata(entries: Readonly<Record<string, string | undefined>>): ScenarioBuilderImpl {
    if (!isPlainObject(entries)) return this.#withProblem(wrongArgument('metadata', 'entries', 'an object of string entries', entries, ['metadata'], ".metadata({ key: 'value' })"));
    return this.#with('metadata', copyData({ ...this.#state.metadata, ...entries }) as Record<string, string>);
  }

  referenceOutput(text: string): ScenarioBuilderImpl {
    return this.#with('reference_output', text);
  }

  requiredEnv(names: readonly string[]): ScenarioBuilderImpl {
    return this.#with('required_environment_variables', copyData(names) as readonly string[]);
  }

  requiredSecrets(names: readonly string[]): ScenarioBuilderImpl {
    return this.#with('required_secret_names', copyData(names) as readonly string[]);
  }

  scorerTimeout(seconds: number): ScenarioBuilderImpl {
    return this.#with('scorer_timeout_sec', seconds);
  }

  validation(type: ValidationType): ScenarioBuilderImpl {
    return this.#with('validation_type', type);
  }

  workspace(path: string | URL): ScenarioBuilderImpl {
    if (typeof path !== 'string' && !(path instanceof URL)) {
      return this.#withProblem(wrongArgument('workspace', 'path', 'a path or a file: URL', path, [], ".workspace('./workspace') or .workspace(new URL('./workspace/', import.meta.url))"));
    }
    // the stack names the caller's file, against which a relative path resolves
    return new ScenarioBuilderImpl(this.#state.withLocal('workspace', localWorkspace(path, new Error().stack)));
  }

  public(flag = true): ScenarioBuilderImpl {
    return this.#with('is_public', flag);
  }

  clear(field: ClearableField): ScenarioBuilderImpl {
    if (!Object.hasOwn(CLEARED, field)) return this.#withProblem(argumentIssue('clear', 'field', field, Object.keys(CLEARED), []));
    const [wireField, empty] = CLEARED[field];
    return this.#with(wireField, empty as never);
  }

  /** This builder with a problem about an argument, reported when it is validated. */
  #withProblem(issue: ScenarioIssue): ScenarioBuilderImpl {
    return new ScenarioBuilderImpl(this.#state.withLocal('problems', [...this.#state.problems, issue]));
  }

  strict(flag = true): ScenarioBuilderImpl {
    if (typeof flag !== 'boolean') return this.#withProblem(wrongArgument('strict', 'flag', 'true or false', flag, [], '.strict() or .strict(false)'));
    return new ScenarioBuilderImpl(this.#state.withLocal('strict', flag));
  }

  $call<R>(fn: (builder: this) => R): R {
    if (typeof fn !== 'function') throw callbackError('$call(fn)', 'fn', 'a function of the builder', fn);
    return fn(this);
  }

  each<Row, R>(rows: Iterable<Row>, fn: (template: this, row: Row, index: number) => R): R[] {
    if (typeof (rows as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') {
      throw callbackError('each(rows, fn)', 'rows', 'iterable (an array, a Set, a generator…)', rows);
    }
    if (typeof fn !== 'function') throw callbackError('each(rows, fn)', 'fn', 'a function of the template, a row and its index', fn);
    return Array.from(rows, (row, index) => fn(this, row, index));
  }

  build(): ScenarioUpdatePayload {
    return this.#payload('update') as ScenarioUpdatePayload;
  }

  validate(): ScenarioValidationResult<ScenarioUpdatePayload> {
    return this.#result('update') as ScenarioValidationResult<ScenarioUpdatePayload>;
  }

  buildCreate(): ScenarioCreatePayload {
    return this.#payload('create') as ScenarioCreatePayload;
  }

  validateCreate(): ScenarioValidationResult<ScenarioCreatePayload> {
    return this.#result('create') as ScenarioValidationResult<ScenarioCreatePayload>;
  }

  async push(id: string, options?: ClientOptions): Promise<ScenarioView> {
    const payload = this.#payload('update', [
      ...(isRunloopId(id) ? [] : [createIssue('invalid-id', ['id'], `must be the id of an existing scenario (letters, digits, "_" and "-"; got ${JSON.stringify(id)})`)]),
      ...methodOptionIssues(optionProblems(clientOptionsSchema, options), 'push', [], '.push(id, { client, requestOptions })'),
    ]);
    const client = await resolveClient(options?.client);
    return client.scenarios.update(id, payload, options?.requestOptions);
  }

  async create(options?: ClientOptions): Promise<ScenarioView> {
    const payload = this.#payload('create', methodOptionIssues(optionProblems(clientOptionsSchema, options), 'create', [], '.create({ client, requestOptions })'));
    const client = await resolveClient(options?.client);
    return client.scenarios.create(payload, options?.requestOptions);
  }

  /** The payload, or a thrown {@link ScenarioValidationError}; `before` are issues of the call itself (its id, its options). */
  #payload(mode: 'update' | 'create', before: readonly ScenarioIssue[] = NO_ISSUES): Readonly<Record<string, unknown>> {
    const { payload, issues } = this.#compile(mode, before);
    if (this.#fails(issues)) throw this.#error(issues);
    return payload;
  }

  #result(mode: 'update' | 'create'): ScenarioValidationResult<Readonly<Record<string, unknown>>> {
    const { payload, issues } = this.#compile(mode, NO_ISSUES);
    if (this.#fails(issues)) return { success: false, error: this.#error(issues) };
    return { success: true, data: payload, warnings: issues.length === 0 ? NO_ISSUES : Object.freeze(issues) };
  }

  #compile(mode: 'update' | 'create', before: readonly ScenarioIssue[]): CompiledScenario {
    const compiled = compileScenario(this.#state, mode);
    return before.length === 0 ? compiled : { payload: compiled.payload, issues: [...before, ...compiled.issues] };
  }

  /** Whether these issues fail the build: any error, or, strict, any issue at all. */
  #fails(issues: readonly ScenarioIssue[]): boolean {
    return issues.length > 0 && (this.#state.strict || issues.some((issue) => issue.severity === 'error'));
  }

  #error(issues: readonly ScenarioIssue[]): ScenarioValidationError {
    const name = this.#state.name;
    return new ScenarioValidationError(issues, typeof name === 'string' ? name : undefined);
  }
}

/** The modes `.weights()` takes. */
const WEIGHT_MODES = ['normalize', 'exact'];

/** The issue of a method argument (from untyped code) that is none of the values the method takes, with a did-you-mean. */
function argumentIssue(method: string, argument: string, given: unknown, known: readonly string[], path: (string | number)[]): ScenarioIssue {
  const suggestion = typeof given === 'string' ? didYouMean(given, known) : undefined;
  const hint = suggestion === undefined ? '' : ` — did you mean ${JSON.stringify(suggestion)}?`;
  const message = `unknown ${argument} ${JSON.stringify(given)}${hint}; ${argument === 'mode' ? 'the modes are' : 'the fields are'} ${known.map((k) => JSON.stringify(k)).join(', ')}`;
  return createIssue('invalid-option', path, message, { inputPath: method, fix: `.${method}(${known.map((k) => `'${k}'`).join(' | ')})` });
}

/** The issue of a method argument (from untyped code) of the wrong kind, reported when the builder is validated. */
function wrongArgument(method: string, argument: string, expected: string, given: unknown, path: (string | number)[], fix: string): ScenarioIssue {
  return createIssue('invalid-option', path, `${argument} must be ${expected} (got ${describeValue(given)})`, { inputPath: method, fix });
}

/**
 * The error of a method that returns what its callback returns (`.each()`, `.$call()`), which
 * cannot defer a wrong argument to validation as the builder's other methods do.
 */
function callbackError(call: string, argument: string, expected: string, given: unknown): TypeError {
  return new TypeError(`.${call}: ${argument} must be ${expected} (got ${describeValue(given)})`);
}

/** The wire field each clearable field is, and the empty value that clears it. */
const CLEARED: Record<ClearableField, [PayloadField, unknown]> = {
  metadata: ['metadata', Object.freeze({})],
  referenceOutput: ['reference_output', ''],
  requiredEnv: ['required_environment_variables', Object.freeze([])],
  requiredSecrets: ['required_secret_names', Object.freeze([])],
};
