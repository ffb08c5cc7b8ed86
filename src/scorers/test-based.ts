import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';

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
  const { command, files } = options ?? ({} as TestBasedOptions);
  return makeScorer(
    {
      type: 'test_based_scorer',
      test_command: command,
      ...(files !== undefined && { test_files: toTestFiles(files) }),
    },
    options,
  );
}

function toTestFiles(files: NonNullable<TestBasedOptions['files']>) {
  const list: readonly TestFile[] | undefined = Array.isArray(files)
    ? files
    : typeof files === 'object' && files !== null
      ? Object.entries(files as Record<string, string>).map(([path, contents]) => ({ path, contents }))
      : undefined;
  if (list === undefined) return files as never; // not files at all: validation reports it
  return Object.freeze(list.map((file) => Object.freeze({ file_path: file?.path, file_contents: file?.contents }))) as {
    file_path: string;
    file_contents: string;
  }[];
}
