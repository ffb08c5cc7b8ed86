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
type DefinitionsOf<Kinds> = { -readonly [K in keyof Kinds]: Kinds[K] extends { readonly definition: () => infer Schema } ? Schema : never };

/** The kind of a wire scorer type, if it is one. */
export function kindOf(type: unknown): ScorerKind | undefined {
  return BY_TYPE.get(type);
}

/** A set of kinds: one bit per kind, in the order of `SCORER_KINDS`. */
export type KindSet = number;

/** Every kind. */
export const ALL_KINDS: KindSet = (1 << SCORER_KINDS.length) - 1;

const BITS: ReadonlyMap<unknown, KindSet> = new Map(SCORER_KINDS.map((kind, index) => [kind.type, 1 << index]));

/** The set holding only the kind of a wire scorer type; empty for a type no kind has. */
export function kindBit(type: unknown): KindSet {
  return BITS.get(type) ?? 0;
}

/**
 * Makes the schema of the definitions of a set of kinds, told apart by `type` (and the kinds'
 * definition schemas, if not made yet). A definition of a type outside the set is an unknown
 * scorer type, so a scorer checked against a set that holds its own kind gets the very issues it
 * gets against every kind.
 */
export function definitionUnion(kinds: KindSet) {
  const definitions = SCORER_KINDS.filter((_, index) => (kinds & (1 << index)) !== 0).map((kind) => kind.definition());
  return z.discriminatedUnion('type', definitions as unknown as DefinitionsOf<typeof SCORER_KINDS>, {
    error: (i) =>
      `unknown scorer type ${JSON.stringify((i.input as { type?: unknown } | undefined)?.type)}; use one of the scorer factories (${SCORER_KINDS.map((kind) => kind.factory).join(', ')})`,
  });
}

/**
 * The wire form of a scorer (`scoring_function_parameters[].scorer`), as a scorer's `definition`.
 *
 * @example
 * ```ts
 * const definition: ScorerDefinition = command('npm test').definition;
 * // { type: 'command_scorer', command: 'npm test' }
 * ```
 */
export type ScorerDefinition = DeepReadonly<z.infer<ReturnType<typeof definitionUnion>>>;
