import { z } from 'zod';
import type { DeepReadonly } from '../util/deep-readonly.js';
import { astGrepKind } from './ast-grep.js';
import { bashScriptKind } from './bash-script.js';
import { commandKind } from './command.js';
import { customKind } from './custom.js';
import { pythonScriptKind } from './python-script.js';
import type { ScorerKind } from './scorer-kind.js';
import { testBasedKind } from './test-based.js';

/** Every scorer kind: the one list. Adding a kind is adding its module and a line here. */
export const SCORER_KINDS = [astGrepKind, bashScriptKind, commandKind, customKind, pythonScriptKind, testBasedKind] as const;

const BY_TYPE: ReadonlyMap<unknown, ScorerKind> = new Map(SCORER_KINDS.map((kind) => [kind.type, kind as unknown as ScorerKind]));

/** The definition schemas of a list of kinds, as a tuple. */
type DefinitionsOf<Kinds> = { -readonly [K in keyof Kinds]: Kinds[K] extends { readonly definition: infer Schema } ? Schema : never };

/** The kind of a wire scorer type, if it is one. */
export function kindOf(type: unknown): ScorerKind | undefined {
  return BY_TYPE.get(type);
}

/** Any built-in scorer, told apart by `type`. */
export const ScorerDefinitionSchema = z.discriminatedUnion(
  'type',
  SCORER_KINDS.map((kind) => kind.definition) as unknown as DefinitionsOf<typeof SCORER_KINDS>,
  {
    error: (i) =>
      `unknown scorer type ${JSON.stringify((i.input as { type?: unknown } | undefined)?.type)}; use one of the scorer factories (${SCORER_KINDS.map((kind) => kind.factory).join(', ')})`,
  },
);

/**
 * The wire form of a scorer (`scoring_function_parameters[].scorer`), as a scorer's `definition`.
 *
 * @example
 * ```ts
 * const definition: ScorerDefinition = command('npm test').definition;
 * // { type: 'command_scorer', command: 'npm test' }
 * ```
 */
export type ScorerDefinition = DeepReadonly<z.infer<typeof ScorerDefinitionSchema>>;
