import { z } from 'zod';
import type { DeepReadonly } from '../util/deep-readonly.js';
import type { Lazy } from '../util/lazy.js';
import type { ScorerRun, ScorerRuntime } from './scorer-runtime.js';

/**
 * Everything scenariokit knows about one scorer kind, in one object (one module per kind, listed
 * once in `registry.ts`): its factory's name and parameters, the strict schema of the factory's
 * camelCase options, the wire schema of its definition (the API's rules as errors,
 * scenariokit's own checks as warnings), and the mapping both ways between the factory's
 * arguments and the wire definition — which is what `Scenario.fromView` calls and what
 * `scenariokit pull` writes — and its local runner, which `scenariokit/verify` calls. A kind
 * module imports only zod and scenariokit's own modules (its runner is given its processes and
 * files by the caller), and makes its schemas on first use, so the core entry stays light.
 */
export interface ScorerKind<Schema extends z.ZodObject = z.ZodObject, Args extends readonly unknown[] = readonly unknown[], Options extends z.ZodObject = z.ZodObject> {
  /** The wire `type`, e.g. `ast_grep_scorer`. */
  readonly type: string;
  /** The factory's exported name, e.g. `astGrep`. */
  readonly factory: string;
  /** The name an unnamed scorer of this kind gets, e.g. `ast-grep` (then `ast-grep-2`, …). */
  readonly defaultName: string;
  /** The factory's positional parameters, by name; the options object comes after them. */
  readonly parameters: readonly string[];
  /** The factory's options, `name` included: a strict object schema (unknown keys are reported), made on first use. */
  readonly options: Lazy<Options>;
  /** The wire definition: a strict object schema with the literal `type`, made on first use. */
  readonly definition: Lazy<Schema>;
  /** The input (a parameter or an option, in camelCase) each wire field, or nested wire key, comes from. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The wire definition that the factory's arguments make. Arguments of the wrong kind are carried over, for validation to report. */
  toDefinition(args: Args): z.infer<Schema>;
  /**
   * The factory arguments that make `definition` again, exactly, without the scorer's name
   * (options that would be defaults are left out).
   */
  toArguments(definition: z.infer<Schema>): Args;
  /**
   * Scores `definition` locally the way Runloop does, with what `runtime` offers (every process
   * and file goes through it): `scenariokit verify` calls it for each scorer of a run.
   */
  run(definition: DeepReadonly<z.infer<Schema>>, runtime: ScorerRuntime): Promise<ScorerRun>;
}

/** The options every scorer factory takes, as a schema to extend. */
export function scorerOptions<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ name: z.unknown(), ...shape });
}

/** A kind, typed by its lazily made schemas (`lazy(() => z.strictObject(…))`) and its factory's arguments. */
export function defineScorerKind<Definition extends Lazy<z.ZodObject>, Args extends readonly unknown[], Options extends Lazy<z.ZodObject>>(
  kind: ScorerKind<ReturnType<Definition>, Args, ReturnType<Options>>,
): ScorerKind<ReturnType<Definition>, Args, ReturnType<Options>> {
  return Object.freeze(kind);
}
