/**
 * `T` with every property and array readonly, all the way down: the type of a frozen value.
 *
 * @example
 * ```ts
 * const payload: DeepReadonly<{ tags: string[] }> = Object.freeze({ tags: Object.freeze(['a']) });
 * // payload.tags.push('b'); // error: push does not exist on readonly string[]
 * ```
 */
export type DeepReadonly<T> = T extends (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
