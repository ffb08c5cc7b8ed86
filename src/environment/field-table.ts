import { z } from 'zod';
import { isPlainObject } from '../schema/json-object.js';
import { lazy, type Lazy } from '../util/lazy.js';
import { defineData } from '../util/without-nulls.js';

/**
 * One wire field of an object and the camelCase input it comes from: the row of a field table.
 * Everything about the field is derived from its row: the wire schema (the object schema lists
 * the rows' schemas), the mapping both ways, the accepted input keys, the input path and the fix
 * hint of an issue about it, and so the code `pull` writes.
 */
export interface WireField<Schema extends z.ZodType = z.ZodType, Input extends string = string> {
  /**
   * The input that sets it: a camelCase key of the input object, or a dotted path into an object
   * another row owns (`resourceSize.cpu`: the `cpu` of a custom size).
   */
  readonly input: Input;
  /** The wire value's schema, made on first use (a nested object's is derived from its table). */
  readonly schema: Lazy<Schema>;
  /** A nested object's rows. */
  readonly table?: FieldTable;
  /** When the input is an object, this row's wire value (`CUSTOM_SIZE`) and its keys set other rows. */
  readonly objectTag?: string;
  /** Required in its object (the API rejects the object without it). */
  readonly required?: boolean;
  /** `input` split at its dot: the key of the input object, and the member of its value, if any. */
  readonly key: readonly [head: string, member?: string];
}

/** The rows of one wire object, keyed by wire name, in wire order. */
export type FieldTable = { readonly [wire: string]: WireField };

/** The zod shape of a table: each row's schema, optional unless required. */
export type WireShape<T extends FieldTable> = {
  -readonly [K in keyof T]: T[K]['required'] extends true ? ReturnType<T[K]['schema']> : z.ZodOptional<ReturnType<T[K]['schema']>>;
};

/** A row; its schema is made when a schema of its table is first needed (`schema` makes it). */
export function field<const I extends string, S extends z.ZodType>(input: I, schema: () => S, options: { objectTag?: string } = {}): WireField<S, I> {
  return { input, schema: lazy(schema), key: splitInput(input), ...options };
}

/** A required row. */
export function required<const I extends string, S extends z.ZodType>(input: I, schema: () => S): WireField<S, I> & { readonly required: true } {
  return { input, schema: lazy(schema), key: splitInput(input), required: true };
}

/** A row holding a nested object, with the object's own table; its schema is derived unless given (to add cross-field rules). */
export function nested<const I extends string, T extends FieldTable, S extends z.ZodType = z.ZodObject<WireShape<T>, z.core.$strict>>(
  input: I,
  table: T,
  schema?: () => S,
): WireField<NoInfer<S>, I> {
  return { input, table, key: splitInput(input), schema: lazy(schema ?? (() => objectSchema(table) as unknown as S)) };
}

function splitInput(input: string): WireField['key'] {
  const [head, member] = input.split('.') as [string, string | undefined];
  return member === undefined ? [head] : [head, member];
}

/** The strict wire schema of a table: unknown wire fields are rejected. */
export function objectSchema<T extends FieldTable>(table: T): z.ZodObject<WireShape<T>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [wire, row] of Object.entries(table)) shape[wire] = row.required ? row.schema() : row.schema().optional();
  return z.strictObject(shape) as unknown as z.ZodObject<WireShape<T>, z.core.$strict>;
}

/**
 * The wire object for an input object (frozen; keys never set stay absent). A value of the wrong
 * kind is carried over for the wire schema to report at its field.
 */
export function toWire(table: FieldTable, input: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [wire, row] of rowsOf(table)) {
    const value = readInput(input, row.key);
    if (value === undefined) continue;
    if (row.table && isPlainObject(value)) out[wire] = toWire(row.table, value);
    else if (row.objectTag !== undefined && isPlainObject(value)) out[wire] = row.objectTag;
    else out[wire] = value;
  }
  return Object.freeze(out);
}

/**
 * The input object that {@link toWire} turns back into `wire`, nulls left out. A wire field the
 * input cannot express (one the table does not have, or a custom size field without its tag) is
 * kept under its wire name, for the input check to report as an unknown option: nothing is lost
 * without a word.
 */
export function fromWire(table: FieldTable, wire: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, row] of Object.entries(table)) {
    const value = wire[key];
    if (value === null || value === undefined) continue;
    const [head, member] = row.key;
    if (member !== undefined) {
      const owner = out[head];
      if (isPlainObject(owner)) owner[member] = value;
      else defineData(out, key, value);
    } else if (row.table && isPlainObject(value)) out[head] = fromWire(row.table, value);
    else out[head] = row.objectTag !== undefined && value === row.objectTag ? {} : value;
  }
  for (const key of Object.keys(wire)) {
    if (!Object.hasOwn(table, key) && wire[key] !== null && wire[key] !== undefined) defineData(out, key, wire[key]);
  }
  return out;
}

/**
 * The strict zod schema of the input keys of a table, for the option check: every key the table
 * takes (nested objects and tagged objects with their own keys), values otherwise unchecked (the
 * wire schema checks them).
 */
export function inputSchema(table: FieldTable): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  const members = new Map<string, string[]>();
  for (const row of Object.values(table)) {
    const [head, member] = row.key;
    if (member !== undefined) members.set(head, [...(members.get(head) ?? []), member]);
    else shape[head] = row.table ? inputSchema(row.table).optional() : z.unknown();
  }
  for (const [head, keys] of members) {
    const object = z.strictObject(Object.fromEntries(keys.map((key) => [key, z.unknown()])));
    shape[head] = z.union([object, z.unknown()]);
  }
  return z.strictObject(shape);
}

/**
 * The input path (camelCase keys, list indexes) of a wire path inside a table's object, or
 * `undefined` when the table has no such field.
 */
export function inputPathOf(table: FieldTable, wirePath: readonly (string | number)[]): (string | number)[] | undefined {
  const [key, ...rest] = wirePath;
  if (key === undefined) return [];
  const row = typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
  if (row === undefined) return undefined;
  const head = row.input.split('.');
  if (row.table && rest.length > 0) {
    const inner = inputPathOf(row.table, rest);
    return inner && [...head, ...inner];
  }
  return [...head, ...rest];
}

/**
 * The call that sets a field, from its input path: `['launch', 'resourceSize', 'cpu']` inside
 * `.env()` gives `.env({ launch: { resourceSize: { cpu } } })`.
 */
export function fixForInput(method: string, inputPath: readonly (string | number)[]): string {
  const keys = inputPath.filter((key): key is string => typeof key === 'string');
  const last = keys.pop();
  if (last === undefined) return `.${method}()`;
  return `.${method}(${keys.reduceRight((inner, key) => `{ ${key}: ${inner} }`, `{ ${last} }`)})`;
}

const ROWS = new WeakMap<FieldTable, readonly (readonly [string, WireField])[]>();

/** A table's rows in order, listed once (building payloads walks them for every scenario). */
function rowsOf(table: FieldTable): readonly (readonly [string, WireField])[] {
  let rows = ROWS.get(table);
  if (rows === undefined) {
    rows = Object.entries(table);
    ROWS.set(table, rows);
  }
  return rows;
}

function readInput(input: unknown, [head, member]: WireField['key']): unknown {
  if (!isPlainObject(input)) return undefined;
  const value = input[head];
  if (member === undefined) return value;
  return isPlainObject(value) ? value[member] : undefined;
}

/**
 * The wire path of the nearest wire field an input path reaches (for an option that has no wire
 * field of its own, such as an unknown key: the object it was found in).
 */
export function wirePathOf(table: FieldTable, inputPath: readonly (string | number)[]): string[] {
  const [key, ...rest] = inputPath;
  for (const [wire, row] of Object.entries(table)) {
    const [head, member] = row.key;
    if (head !== key) continue;
    if (member !== undefined) return rest[0] === member ? [wire] : [];
    if (row.objectTag !== undefined && rest.length > 0) continue;
    return row.table && rest.length > 0 ? [wire, ...wirePathOf(row.table, rest)] : [wire];
  }
  return [];
}

/** A wire object without its `null` fields, at every level the table describes (JSON data inside is kept). */
export function wireWithoutNulls(table: FieldTable, wire: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(wire)) {
    const value = wire[key];
    if (value === null || value === undefined) continue;
    const inner = Object.hasOwn(table, key) ? table[key]?.table : undefined;
    defineData(out, key, inner && isPlainObject(value) ? wireWithoutNulls(inner, value) : value);
  }
  return out;
}
