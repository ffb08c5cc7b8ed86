import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { resolveClient, type ClientOptions } from '../client/runloop-client.js';
import { mergeEnvironment, type EnvironmentInput } from '../environment/environment-input.js';
import type { ScenarioCreatePayload, ScenarioUpdatePayload } from '../schema/scenario-payload.js';
import { resolveScorerNames } from '../scorers/scorer-names.js';
import { asScorer, makeScorer, type Scorer } from '../scorers/scorer.js';
import { copyData } from '../util/copy-data.js';
import { fixFor } from '../validation/fix-hints.js';
import type { ScenarioIssue } from '../validation/scenario-issue.js';
import { ScenarioValidationError } from '../validation/scenario-validation-error.js';
import type { Step, WhenReady } from './build-steps.js';
import { compileScenario, environmentPart, problemPart, scoringPart } from './compile-scenario.js';
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
 * The outcome of `.validate()`: the payload, or the error `.build()` would throw.
 *
 * @example
 * ```ts
 * const result = scenario.validate();
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export type ScenarioValidationResult<Payload> =
  | { readonly success: true; readonly data: Payload; readonly error?: undefined }
  | { readonly success: false; readonly data?: undefined; readonly error: ScenarioValidationError };

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

/**
 * An immutable scenario under construction. Every method returns a new builder and leaves the
 * receiver unchanged, so one builder can be the template of many scenarios. `Done` records the
 * steps taken, so that `.buildCreate()` and `.create()` only compile once a name, a problem and
 * a scorer were given.
 *
 * @example
 * ```ts
 * const base = Scenario.define().env({ blueprintId: 'bpt_123' }).scorer(command('npm test'));
 * const a = base.name('bug-1').problem('Fix bug 1');
 * const b = base.name('bug-2').problem('Fix bug 2'); // `a` is unaffected
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `any` marks a builder whose steps are unknown
export interface ScenarioBuilder<Done extends Step = any> {
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
   * `'normalize'` (default) scales weights to sum to 1; `'exact'` sends them as given, and then
   * they must already sum to 1 (±1e-9).
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

  /** The frozen JSON body for `POST /v1/scenarios/{id}`; throws {@link ScenarioValidationError} listing every problem. */
  build(): ScenarioUpdatePayload;
  /** Like {@link build}, without throwing. */
  validate(): ScenarioValidationResult<ScenarioUpdatePayload>;
  /** The frozen JSON body for `POST /v1/scenarios`; available once a name, a problem and a scorer were given. */
  buildCreate: WhenReady<Done, () => ScenarioCreatePayload>;
  /** Like {@link buildCreate}, without throwing, and callable at any step. */
  validateCreate(): ScenarioValidationResult<ScenarioCreatePayload>;
  /** Validates, then updates scenario `id` through `@runloop/api-client`. Nothing is sent when invalid. */
  push(id: string, options?: ClientOptions): Promise<ScenarioView>;
  /** Validates, then creates the scenario through `@runloop/api-client`. Nothing is sent when invalid. */
  create: WhenReady<Done, (options?: ClientOptions) => Promise<ScenarioView>>;
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
export function builderName(builder: ScenarioBuilder): unknown {
  return (builder as unknown as { [BUILDER_NAME]: unknown })[BUILDER_NAME];
}

/** The local workspace a builder was given with `.workspace()`, if any (local only, never in a payload). */
export function builderWorkspace(builder: ScenarioBuilder): LocalWorkspace | undefined {
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

const EMPTY_SCORING: ScoringState = Object.freeze({ entries: Object.freeze([]), exactWeights: false, problems: Object.freeze([]) });

class ScenarioBuilderImpl {
  readonly #state: ScenarioState;
  /** Local-only settings, kept apart from the wire state so that no payload can carry them. */
  readonly #workspace: LocalWorkspace | undefined;

  constructor(state: ScenarioState, workspace?: LocalWorkspace) {
    this.#state = state;
    this.#workspace = workspace;
  }

  get [BUILDER_BRAND](): true {
    return true;
  }

  get [BUILDER_NAME](): unknown {
    return this.#state.name;
  }

  get [BUILDER_WORKSPACE](): LocalWorkspace | undefined {
    return this.#workspace;
  }

  #with<F extends keyof ScenarioState>(field: F, value: ScenarioState[F]): ScenarioBuilderImpl {
    return new ScenarioBuilderImpl({ ...this.#state, [field]: value }, this.#workspace);
  }

  #withScoring(changes: Partial<ScoringState>): ScenarioBuilderImpl {
    return this.#with('scoring_contract', scoringPart({ ...(this.#state.scoring_contract?.input ?? EMPTY_SCORING), ...changes }));
  }

  name(name: string) {
    return this.#with('name', name);
  }

  env(environment: EnvironmentInput) {
    const merged = mergeEnvironment(this.#state.environment_parameters?.input, environment);
    return this.#with('environment_parameters', environmentPart(copyData(merged)));
  }

  problem(statement: string, options?: ProblemOptions) {
    const context = options?.context === undefined ? undefined : copyData(options.context);
    return this.#with('input_context', problemPart({ statement, context }));
  }

  scorer(scorer: Scorer, weight = 1) {
    const entries = this.#state.scoring_contract?.input.entries ?? [];
    return this.#withScoring({ entries: [...entries, { scorer: asScorer(scorer), weight }] });
  }

  replaceScorer(name: string, scorer: Scorer, weight?: number) {
    // an unnamed replacement takes the name it replaces, so that the scorer stays recognisable
    const given = asScorer(scorer);
    const named = given.name === undefined ? makeScorer(given.definition, { name }) : given;
    return this.#editScorer(name, 'replace', (entry) => [{ scorer: named, weight: weight ?? entry.weight }]);
  }

  removeScorer(name: string) {
    return this.#editScorer(name, 'remove', () => []);
  }

  #editScorer(name: string, verb: string, edit: (entry: ScorerEntry) => ScorerEntry[]) {
    const scoring = this.#state.scoring_contract?.input ?? EMPTY_SCORING;
    const names = resolveScorerNames(scoring.entries.map((entry) => entry.scorer));
    const at = names.indexOf(name);
    if (at === -1) {
      const known = names.length > 0 ? `the scorers are ${names.map((n) => JSON.stringify(n)).join(', ')}` : 'there are no scorers';
      const path = ['scoring_contract', 'scoring_function_parameters'];
      const problem: ScenarioIssue = { path, message: `cannot ${verb} scorer ${JSON.stringify(name)}: ${known}`, fix: fixFor(path) };
      return this.#withScoring({ problems: [...scoring.problems, problem] });
    }
    const entries = [...scoring.entries.slice(0, at), ...edit(scoring.entries[at]!), ...scoring.entries.slice(at + 1)];
    return this.#withScoring({ entries });
  }

  weights(mode: 'normalize' | 'exact') {
    return this.#withScoring({ exactWeights: mode === 'exact' });
  }

  metadata(entries: Readonly<Record<string, string | undefined>>) {
    return this.#with('metadata', copyData({ ...this.#state.metadata, ...entries }) as Record<string, string>);
  }

  referenceOutput(text: string) {
    return this.#with('reference_output', text);
  }

  requiredEnv(names: readonly string[]) {
    return this.#with('required_environment_variables', copyData(names) as string[]);
  }

  requiredSecrets(names: readonly string[]) {
    return this.#with('required_secret_names', copyData(names) as string[]);
  }

  scorerTimeout(seconds: number) {
    return this.#with('scorer_timeout_sec', seconds);
  }

  validation(type: ValidationType) {
    return this.#with('validation_type', type);
  }

  workspace(path: string | URL) {
    // the stack names the caller's file, against which a relative path resolves
    return new ScenarioBuilderImpl(this.#state, localWorkspace(path, new Error().stack));
  }

  public(flag = true) {
    return this.#with('is_public', flag);
  }

  clear(field: ClearableField) {
    const [wireField, empty] = CLEARED[field];
    return this.#with(wireField, empty as never);
  }

  $call<R>(fn: (builder: this) => R): R {
    return fn(this);
  }

  each<Row, R>(rows: Iterable<Row>, fn: (template: this, row: Row, index: number) => R): R[] {
    return Array.from(rows, (row, index) => fn(this, row, index));
  }

  build(): ScenarioUpdatePayload {
    return this.#compile('update') as ScenarioUpdatePayload;
  }

  validate() {
    return toResult(() => this.build());
  }

  buildCreate(): ScenarioCreatePayload {
    return this.#compile('create') as ScenarioCreatePayload;
  }

  validateCreate() {
    return toResult(() => this.buildCreate());
  }

  async push(id: string, options?: ClientOptions): Promise<ScenarioView> {
    const payload = this.#compile('update', id);
    const client = await resolveClient(options?.client);
    return client.scenarios.update(id, payload as ScenarioUpdatePayload, options?.requestOptions);
  }

  async create(options?: ClientOptions): Promise<ScenarioView> {
    const payload = this.buildCreate();
    const client = await resolveClient(options?.client);
    return client.scenarios.create(payload, options?.requestOptions);
  }

  #compile(mode: 'update' | 'create', id?: string) {
    const { payload, issues } = compileScenario(this.#state, mode);
    const badId = id !== undefined && (typeof id !== 'string' || !/\S/.test(id));
    const all = badId ? [{ path: ['id'], message: 'must be the id of an existing scenario', fix: fixFor(['id']) }, ...issues] : issues;
    if (all.length > 0) throw new ScenarioValidationError(all, this.#state.name);
    return payload;
  }
}

/** The wire field each clearable field is, and the empty value that clears it. */
const CLEARED: Record<ClearableField, [keyof ScenarioState, unknown]> = {
  metadata: ['metadata', Object.freeze({})],
  referenceOutput: ['reference_output', ''],
  requiredEnv: ['required_environment_variables', Object.freeze([])],
  requiredSecrets: ['required_secret_names', Object.freeze([])],
};

function toResult<Payload>(build: () => Payload): ScenarioValidationResult<Payload> {
  try {
    return { success: true, data: build() };
  } catch (error) {
    if (error instanceof ScenarioValidationError) return { success: false, error };
    throw error;
  }
}
