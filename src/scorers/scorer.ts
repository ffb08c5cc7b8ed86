import type { z } from 'zod';
import { isPlainObject } from '../schema/json-object.js';
import { optionProblems, type OptionProblem } from '../validation/option-problems.js';
import type { ScorerDefinition } from './registry.js';
import type { ScorerKind } from './scorer-kind.js';

/**
 * A scoring function ready to add to a scenario with `.scorer(scorer, weight)`: its wire
 * definition and an optional name. Made by the factories ({@link astGrep}, {@link testBased},
 * {@link command}, {@link bashScript}, {@link pythonScript}, {@link custom}); immutable.
 *
 * @example
 * ```ts
 * const lint: Scorer = command('npm run lint', { name: 'lint' });
 * lint.definition; // { type: 'command_scorer', command: 'npm run lint' }
 * ```
 */
export interface Scorer {
  /** The name given with the factory's `name` option; unnamed scorers are named after their kind when built. */
  readonly name: string | undefined;
  /** The snake_case scorer object sent as `scoring_function_parameters[].scorer`. */
  readonly definition: ScorerDefinition;
}

/**
 * The options every scorer factory accepts.
 *
 * @example
 * ```ts
 * const options: ScorerOptions = { name: 'lint' };
 * command('npm run lint', options);
 * ```
 */
export interface ScorerOptions {
  /** The scorer's name (`[a-zA-Z0-9_-]+`, unique within a scenario). Defaults to its kind, e.g. `ast-grep`, `ast-grep-2`. */
  name?: string;
}

/** The problems found in the options a scorer was made with, reported when a scenario using it is validated. */
const OPTION_PROBLEMS = new WeakMap<Scorer, readonly OptionProblem[]>();

/**
 * A frozen scorer from a factory call: its definition (the kind's mapping of the arguments) and
 * its name. Problems with the options (unknown keys…) are kept, to be reported with the paths of
 * the scenario that uses the scorer, when it is validated: a factory never throws.
 */
export function makeScorer<Args extends readonly unknown[]>(kind: ScorerKind<z.ZodObject, Args>, args: Args): Scorer {
  const options: unknown = args[kind.parameters.length];
  const name = isPlainObject(options) ? (options.name as string | undefined) : undefined;
  const scorer: Scorer = Object.freeze({ name, definition: Object.freeze(kind.toDefinition(args)) as unknown as ScorerDefinition });
  const problems = optionProblems(kind.options, options);
  if (problems.length > 0) OPTION_PROBLEMS.set(scorer, problems);
  return scorer;
}

/** The problems with the options `scorer` was made with (paths inside its options object). */
export function scorerOptionProblems(scorer: Scorer): readonly OptionProblem[] | undefined {
  return OPTION_PROBLEMS.get(scorer);
}

/** A copy of `scorer` under another name (the same definition and option problems). */
export function renamedScorer(scorer: Scorer, name: string): Scorer {
  const renamed: Scorer = Object.freeze({ name, definition: scorer.definition });
  const problems = OPTION_PROBLEMS.get(scorer);
  if (problems) OPTION_PROBLEMS.set(renamed, problems);
  return renamed;
}

/**
 * A value given where a scorer goes, as a scorer. What is not one (from untyped code) becomes a
 * scorer with that value as its definition, which validation then reports with its path.
 */
export function asScorer(value: Scorer): Scorer {
  const isScorer = typeof value === 'object' && value !== null && 'definition' in value;
  return isScorer ? value : { name: undefined, definition: value as unknown as ScorerDefinition };
}
