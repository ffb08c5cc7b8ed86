import type { Document, LineCounter } from 'yaml';
import { MAX_JSON_DEPTH } from '../util/json-depth.js';

/** A path inside a data file: keys of objects and indices of lists. */
export type DataPath = readonly (string | number)[];

/** A parsed JSON or YAML file: its value, and the line on which each path inside it is written. */
export interface DataFile {
  readonly value: unknown;
  /** The line (1-based) where `path` is written (its key, for an object's field), or of its nearest written parent; `undefined` when unknown. */
  lineOf(path: DataPath): number | undefined;
}

/** Why a data file could not be parsed, and where, when known (1-based). */
export interface DataSyntaxError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * Parses a JSON file (with `JSON.parse`, so JSON means JSON, but a key given twice is an error,
 * as in YAML) or a YAML file (YAML 1.2 with `<<` merge keys, with the `yaml` library; duplicate
 * keys and several documents are errors). Either the value, or every syntax error with its line
 * and column. Lines of paths come from the `yaml` library's source positions (JSON is YAML).
 */
export async function parseDataFile(text: string, format: 'json' | 'yaml'): Promise<{ file: DataFile } | { errors: DataSyntaxError[] }> {
  const source = text.replace(/^\uFEFF/, '');
  let value: unknown;
  if (format === 'json') {
    try {
      value = JSON.parse(source);
    } catch (error) {
      return { errors: [jsonSyntaxError(source, (error as Error).message)] };
    }
  }
  const parsed = await parseYaml(source);
  if ('errors' in parsed) {
    if (format === 'yaml') return { errors: parsed.errors };
    // JSON.parse keeps the last of two equal keys, silently; other complaints of the YAML parser do not apply to JSON
    const duplicates = parsed.errors.filter((error) => error.code === 'DUPLICATE_KEY');
    if (duplicates.length > 0) return { errors: duplicates };
    return { file: { value, lineOf: () => undefined } };
  }
  return { file: { value: format === 'json' ? value : parsed.value, lineOf: (path) => lineIn(parsed, path) } };
}

/** A YAML document with its value, the line counter its positions are read with, and the library that made it. */
interface Located {
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
  readonly value: unknown;
  readonly yaml: typeof import('yaml');
}

/**
 * How far aliases may expand (uses of an anchor, times the aliases inside it). The `yaml`
 * library's default, 100, refuses a suite of a hundred scenarios that share one scorer through
 * an anchor; this still stops a document whose aliases nest to expand exponentially.
 */
const MAX_ALIAS_COUNT = 10_000;

async function parseYaml(source: string): Promise<Located | { errors: (DataSyntaxError & { code?: string })[] }> {
  const yaml = await import('yaml');
  const lines = new yaml.LineCounter();
  // `<<` merge keys, for payloads that share parts through anchors
  const document = yaml.parseDocument(source, { lineCounter: lines, prettyErrors: true, merge: true });
  if (document.errors.length > 0) {
    return {
      errors: document.errors.map((error) => ({
        code: error.code,
        message:
          error.code === 'MULTIPLE_DOCS'
            ? 'holds several YAML documents (---); put the payloads in one list instead'
            : readable(error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')),
        ...(error.linePos === undefined ? {} : { line: error.linePos[0].line, column: error.linePos[0].col }),
      })),
    };
  }
  try {
    return { document, lines, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), yaml };
  } catch (error) {
    // aliases that would expand too far (a "billion laughs" document)
    return { errors: [{ message: readable((error as Error).message) }] };
  }
}

/**
 * A parser's message as a person can act on it: the `yaml` library reports collections nested
 * deeper than it can follow (a few hundred levels, as the stack allows) as the engine's
 * "Maximum call stack size exceeded", at the point where it gave up.
 */
function readable(message: string): string {
  if (!/Maximum call stack size exceeded/.test(message)) return message;
  return `nests too deeply for the YAML parser, which gave up here (a few hundred levels in); a payload's values may nest at most ${MAX_JSON_DEPTH} levels (MAX_JSON_DEPTH)`;
}

/** The line of `path`: of the key that names it, or of the item's start; else of its nearest written parent. */
function lineIn({ document, lines, yaml: { isMap, isScalar, isSeq } }: Located, path: DataPath): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const parent: unknown = length === 1 ? document.contents : document.getIn(path.slice(0, length - 1), true);
    const key = path[length - 1];
    let start: number | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
      if (isScalar(pair?.key)) start = pair.key.range?.[0];
    } else if (isSeq(parent) && typeof key === 'number') {
      const item: unknown = parent.items[key];
      if (isScalar(item) || isMap(item) || isSeq(item)) start = item.range?.[0];
    }
    if (start !== undefined) return lines.linePos(start).line;
  }
  const top = document.contents?.range?.[0];
  return top === undefined ? undefined : lines.linePos(top).line;
}

/**
 * A `JSON.parse` error with its line and column: Node 22 and later state them, Node 20 only
 * the offset (when it states anything), which is turned into them.
 */
function jsonSyntaxError(source: string, message: string): DataSyntaxError {
  const stated = / \(line (\d+) column (\d+)\)/.exec(message);
  const offset = / at position (\d+)/.exec(message);
  const text = message.replace(stated?.[0] ?? '', '').replace(offset?.[0] ?? '', '');
  if (stated) return { message: text, line: Number(stated[1]), column: Number(stated[2]) };
  if (!offset) return { message: text };
  const before = source.slice(0, Number(offset[1])).split('\n');
  return { message: text, line: before.length, column: before.at(-1)!.length + 1 };
}
