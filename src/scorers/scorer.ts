import type { ScorerDefinition } from '../schema/scorer-definition.js';

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

/** Freezes a scorer value; the factories' shared last step (they freeze what they nest). */
export function makeScorer(definition: ScorerDefinition, options: ScorerOptions | undefined): Scorer {
  return Object.freeze({ name: options?.name, definition: Object.freeze(definition) });
}

/** The name an unnamed scorer gets from its kind: `ast_grep_scorer` → `ast-grep`. */
export function kindName(definition: ScorerDefinition): string {
  const type: unknown = (definition as { type?: unknown } | null)?.type;
  return KIND_NAMES[type as ScorerDefinition['type']] ?? String(type).replace(/_scorer$/, '').replaceAll('_', '-');
}

const KIND_NAMES: Readonly<Record<ScorerDefinition['type'], string>> = {
  ast_grep_scorer: 'ast-grep',
  bash_script_scorer: 'bash-script',
  command_scorer: 'command',
  custom_scorer: 'custom',
  python_script_scorer: 'python-script',
  test_based_scorer: 'test-based',
};

/**
 * A value given where a scorer goes, as a scorer. What is not one (from untyped code) becomes a
 * scorer with that value as its definition, which validation then reports with its path.
 */
export function asScorer(value: Scorer): Scorer {
  const isScorer = typeof value === 'object' && value !== null && 'definition' in value;
  return isScorer ? value : { name: undefined, definition: value as unknown as ScorerDefinition };
}
