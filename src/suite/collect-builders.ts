import { isScenarioBuilder, type ScenarioBuilder } from '../scenario/scenario-builder.js';
import { describeValue } from '../util/describe-value.js';

/**
 * A builder found in a suite's source, and where it was found (for messages), e.g.
 * `scenarios/bugs.ts, export bugs[2]`; `undefined` when nothing says where.
 */
export interface CollectedBuilder {
  readonly builder: ScenarioBuilder;
  readonly origin: string | undefined;
}

/** How {@link collectBuilders} names places and treats what is not a scenario source. */
export interface CollectOptions {
  /** Where the source is (a file and an export), prefixed to the path of each builder found in it. */
  readonly origin?: string;
  /** Called for a value that is neither a builder, a suite, an iterable nor a function; by default a `TypeError`. */
  readonly onOther?: (value: unknown, path: string) => void;
}

/** Marks suites across copies of the package (ESM and CJS builds, or two installs). */
const SUITE_BRAND = Symbol.for('scenariokit.Suite');
/** A suite's collected builders, with their origins (a suite made by another copy may not have it). */
const SUITE_ENTRIES = Symbol.for('scenariokit.Suite.entries');

/** What {@link isBrandedSuite} recognises: anything branded as a suite, with its builders. */
interface BrandedSuite {
  readonly builders: readonly ScenarioBuilder[];
  readonly [SUITE_ENTRIES]?: readonly CollectedBuilder[];
}

/** Whether `value` carries the suite brand (set by {@link brandSuite}), from this or another copy of scenariokit. */
export function isBrandedSuite(value: unknown): value is BrandedSuite {
  return typeof value === 'object' && value !== null && (value as { [SUITE_BRAND]?: unknown })[SUITE_BRAND] === true;
}

/** Brands `suite` as a suite and keeps the origins of its builders, both out of sight of enumeration. */
export function brandSuite<T extends object>(suite: T, entries: readonly CollectedBuilder[]): T {
  Object.defineProperty(suite, SUITE_BRAND, { value: true });
  Object.defineProperty(suite, SUITE_ENTRIES, { value: entries });
  return suite;
}

/**
 * The builders of a suite's source, the one collection rule of `defineSuite` and the command:
 * builders; suites (their builders, with the origins they were collected with); iterables
 * (arrays, sets, generator objects) and functions returning a source (generator functions
 * included), nested as deep as you like. Strings are not iterables here. A builder reached more
 * than once counts once, where it was first found.
 */
export function collectBuilders(source: unknown, options: CollectOptions = {}): CollectedBuilder[] {
  const found = new Map<ScenarioBuilder, CollectedBuilder>();
  const onOther =
    options.onOther ??
    ((value: unknown, path: string) => {
      const where = path === '' ? '' : ` at ${path}`;
      throw new TypeError(`defineSuite takes scenario builders, iterables of them or a function returning them; got ${describeValue(value)}${where}`);
    });
  const origin = (path: string) => (options.origin === undefined ? undefined : `${options.origin}${path}`);
  const add = (entry: CollectedBuilder) => {
    if (!found.has(entry.builder)) found.set(entry.builder, entry);
  };
  const visit = (value: unknown, path: string): void => {
    if (isScenarioBuilder(value)) return add({ builder: value, origin: origin(path) });
    if (isBrandedSuite(value)) {
      const entries = value[SUITE_ENTRIES] ?? value.builders.map((builder) => ({ builder, origin: undefined }));
      entries.forEach((entry, index) => add({ builder: entry.builder, origin: entry.origin ?? origin(`${path}.builders[${index}]`) }));
      return;
    }
    if (typeof value === 'function') return visit((value as () => unknown)(), `${path}()`);
    if (typeof value === 'object' && value !== null && Symbol.iterator in value) {
      let index = 0;
      for (const item of value as Iterable<unknown>) visit(item, `${path}[${index++}]`);
      return;
    }
    onOther(value, path);
  };
  visit(source, '');
  return [...found.values()];
}
