import { z } from 'zod';
import { isPlainObject } from '../schema/json-object.js';
import { argumentTextSchema, SomeTextSchema, TextSchema } from '../schema/primitives.js';
import { normalizeRelativePath, type PathProblem } from '../schema/relative-path.js';
import { lazy } from '../util/lazy.js';
import { defineData } from '../util/without-nulls.js';
import type { IssueCode } from '../validation/issue-codes.js';
import { report } from '../validation/report-issue.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';
import { defineScorerKind, scorerOptions } from './scorer-kind.js';
import { scoreByExitCode } from './scorer-outcome.js';

/**
 * A file a {@link testBased} scorer writes before it runs its command.
 *
 * @example
 * ```ts
 * const file: TestFile = { path: 'tests/test_slug.py', contents: 'def test_slug(): ...' };
 * testBased({ command: 'pytest tests/test_slug.py', files: [file] });
 * ```
 */
export interface TestFile {
  /** Path relative to the working directory. */
  path: string;
  /** The file's contents. */
  contents: string;
}

/**
 * Options of {@link testBased}.
 *
 * @example
 * ```ts
 * const options: TestBasedOptions = { command: 'npm test', files: { 'test/null.test.ts': testSource }, name: 'hidden-tests' };
 * ```
 */
export interface TestBasedOptions extends ScorerOptions {
  /** The test command; the scorer passes when it succeeds. */
  command: string;
  /** Files to write first, as `{ path: contents }` or `[{ path, contents }]`. */
  files?: Readonly<Record<string, string>> | readonly TestFile[];
}

const PATH_PROBLEMS: Record<PathProblem, IssueCode> = {
  absolute: 'test-path-absolute',
  outside: 'test-path-outside',
  'not-a-file': 'test-path-not-a-file',
};

const testFilePathSchema = lazy(() =>
  argumentTextSchema().superRefine((path, ctx) => {
    const { problem, message } = normalizeRelativePath(path);
    if (problem) report(ctx, PATH_PROBLEMS[problem], message);
    // newline, tab, carriage return and the rest (NUL is an error of its own)
    if (/[\u0001-\u001f\u007f]/.test(path)) {
      report(ctx, 'test-path-control-character', `${JSON.stringify(path)} has a newline, tab or other control character`);
    }
  }),
);

/** `test_based_scorer`: writes `test_files` under the working directory, then runs `test_command`. */
const testBasedDefinitionSchema = lazy(() =>
  z.strictObject({
    type: z.literal('test_based_scorer'),
    test_command: SomeTextSchema,
    test_files: z
      .array(z.strictObject({ file_path: testFilePathSchema(), file_contents: TextSchema }))
      .superRefine((files, ctx) => {
        const seen = new Map<string, number>();
        files.forEach((file, index) => {
          const path = normalizeRelativePath(file.file_path).path;
          if (path === undefined) return;
          const first = seen.get(path);
          if (first !== undefined) {
            report(ctx, 'test-path-duplicate', `${JSON.stringify(file.file_path)} is the same file as test_files[${first}]`, [index, 'file_path']);
          } else seen.set(path, index);
        });
      })
      .optional(),
  }),
);

type TestBasedDefinition = z.infer<ReturnType<typeof testBasedDefinitionSchema>>;

/** The factory's options, `name` included; the files of a list each take a path and contents. */
const testBasedOptionsSchema = lazy(() =>
  scorerOptions({
    command: z.unknown(),
    files: z.union([z.array(z.strictObject({ path: z.unknown(), contents: z.unknown() })), z.unknown()]),
  }),
);

/** The test-based scorer kind. */
export const testBasedKind = defineScorerKind<typeof testBasedDefinitionSchema, [options: TestBasedOptions], typeof testBasedOptionsSchema>({
  type: 'test_based_scorer',
  factory: 'testBased',
  defaultName: 'test-based',
  parameters: [],
  options: testBasedOptionsSchema,
  definition: testBasedDefinitionSchema,
  inputs: { test_command: 'command', test_files: 'files', file_path: 'path', file_contents: 'contents' },
  toDefinition([options]) {
    const { command, files } = isPlainObject(options) ? options : ({} as Partial<TestBasedOptions>);
    return {
      type: 'test_based_scorer',
      test_command: command as string,
      ...(files !== undefined && { test_files: toTestFiles(files) }),
    };
  },
  toArguments(definition) {
    const files = definition.test_files?.map((file) => ({ path: file.file_path, contents: file.file_contents }));
    if (files === undefined) return [{ command: definition.test_command }];
    return [{ command: definition.test_command, files: asRecordWhenSameOrder(files) ?? files }];
  },
  /** Writes `test_files` (relative to the working directory), then scores `test_command` by its exit status. */
  async run(definition, runtime) {
    for (const file of definition.test_files ?? []) await runtime.writeFile(file.file_path, file.file_contents);
    return scoreByExitCode(await runtime.bash(definition.test_command), runtime.timeoutSeconds);
  },
});

/**
 * A scorer that writes test files into the working directory, then runs a test command.
 *
 * @example
 * ```ts
 * testBased({ command: 'npx vitest run test/null.test.ts', files: { 'test/null.test.ts': testSource } });
 * // definition: { type: 'test_based_scorer', test_command: 'npx vitest run …', test_files: [{ file_path: 'test/null.test.ts', file_contents: '…' }] }
 * ```
 */
export function testBased(options: TestBasedOptions): Scorer {
  return makeScorer(testBasedKind, [options]);
}

function toTestFiles(files: NonNullable<TestBasedOptions['files']>): TestBasedDefinition['test_files'] {
  const wire: unknown[] = [];
  if (Array.isArray(files)) {
    for (const file of files as readonly unknown[]) {
      wire.push(isPlainObject(file) ? Object.freeze({ file_path: file.path, file_contents: file.contents }) : file);
    }
  } else if (isPlainObject(files)) {
    for (const path of Object.keys(files)) wire.push(Object.freeze({ file_path: path, file_contents: files[path] }));
  } else return files as never; // not files at all: validation reports it
  return Object.freeze(wire) as TestBasedDefinition['test_files'];
}

/**
 * The files as a `{ path: contents }` record, when that lists them in the same order (no path
 * twice, none that a record would move to the front, as it does `"0"` or `"12"`).
 */
function asRecordWhenSameOrder(files: readonly TestFile[]): Record<string, string> | undefined {
  const paths = new Set(files.map((file) => file.path));
  if (paths.size !== files.length || files.some((file) => /^(0|[1-9]\d*)$/.test(file.path))) return undefined;
  const record: Record<string, string> = {};
  for (const { path, contents } of files) defineData(record, path, contents);
  return record;
}
