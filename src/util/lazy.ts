/** A value made on first use: calling it gives the same value every time. */
export type Lazy<T> = () => T;

/**
 * The value `make` returns, made the first time it is asked for and kept. Schemas that a build
 * may not need are made this way (a cold start pays for every zod schema it constructs), so that
 * importing scenariokit constructs only a few small schemas (`TextSchema`, `SomeTextSchema`,
 * `NonBlankSchema`, `ScorerNameSchema`, `JsonObjectSchema`, and the payload schemas, whose fields
 * are made on first use) and a build constructs the rest only as it checks with them.
 *
 * @example
 * ```ts
 * const metadataSchema = lazy(() => z.record(z.string(), z.string()));
 * metadataSchema() === metadataSchema(); // true: made once, on the first call
 * ```
 */
export function lazy<T>(make: () => T): Lazy<T> {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
