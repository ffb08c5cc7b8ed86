/** The steps a scenario needs before it can be created. */
export type Step = 'name' | 'problem' | 'scorer';

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

/** `Method` once every step is done; otherwise a type error naming the missing steps. */
export type WhenReady<Done extends Step, Method> = [Step] extends [Done]
  ? Method
  : ScenarioTypeError<`create needs first:${Needs<Done>}`>;
