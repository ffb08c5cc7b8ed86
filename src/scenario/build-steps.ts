/**
 * The steps a builder has taken: `define` (every builder), and `name`, `problem` and `scorer`,
 * which a scenario needs before it can be created.
 *
 * @example
 * ```ts
 * const named: ScenarioBuilder<'define' | 'name'> = Scenario.define('fix-null-check');
 * ```
 */
export type Step = 'define' | RequiredStep;

/** The steps a scenario needs before it can be created. */
type RequiredStep = 'name' | 'problem' | 'scorer';

/**
 * A type that stands where a method is not available yet; the compiler shows its message.
 *
 * @example
 * ```ts
 * Scenario.define('x').buildCreate();
 * // error: Type 'ScenarioTypeError<"create needs first: .problem(statement) .scorer(scorer)">' has no call signatures.
 * ```
 */
export interface ScenarioTypeError<Message extends string> {
  /** The explanation shown by the compiler. */
  readonly scenarioKitTypeError: Message;
}

type Needs<Done extends Step> =
  `${'name' extends Done ? '' : ' .name(name)'}${'problem' extends Done ? '' : ' .problem(statement)'}${'scorer' extends Done ? '' : ' .scorer(scorer)'}`;

/**
 * `Method` once every step is done; otherwise a type error naming the missing steps. On a
 * builder whose steps are unknown (`ScenarioBuilder<any>`) it is either, so it cannot be called.
 */
export type WhenReady<Done extends Step, Method> = boolean extends (Done extends never ? true : false)
  ? Method | ScenarioTypeError<string>
  : [Step] extends [Done]
    ? Method
    : ScenarioTypeError<`create needs first:${Needs<Done>}`>;
