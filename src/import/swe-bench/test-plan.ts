import type { FieldProblem } from '../import-problem.js';
import type { CheckedInstance } from './swe-bench-instance.js';
import { logParserNamed, SWE_BENCH_REPOS, type SweBenchLogParser } from './swe-bench-repos.js';

/** What the scorer of one instance runs, derived from its row, the table and the options. */
export interface TestPlan {
  /** The test command, before the directives. */
  readonly testCommand: string;
  /** What follows the command: test files, or Django test modules. */
  readonly directives: readonly string[];
  /** Files of `test_patch` that exist at `base_commit`: restored before it is applied, and after the tests. */
  readonly restoreFiles: readonly string[];
  /** Files `test_patch` creates: removed first, so that it applies even when the agent made one. */
  readonly createdFiles: readonly string[];
  /** Run before the tests ('' for nothing). */
  readonly install: string;
  /** How the log reads. */
  readonly logParser: SweBenchLogParser;
}

/** The options that choose a plan. */
export interface PlanOptions {
  readonly testCommand?: string;
  readonly logParser?: SweBenchLogParser;
  readonly install?: string;
}

/** Extensions of files in a test patch that are data, not tests (as SWE-bench skips them). */
const NOT_TESTS = ['.json', '.png', '.csv', '.txt', '.md', '.jpg', '.jpeg', '.pkl', '.yml', '.yaml', '.toml'];

/**
 * The test plan of an instance: from the row's own parser name, the options, or the table of
 * SWE-bench repositories; an unknown repository without `testCommand` and `logParser` is a
 * problem naming those options.
 */
export function planTests(instance: CheckedInstance, options: PlanOptions): { plan?: TestPlan; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const files = patchFiles(instance.testPatch, problems);
  const spec = SWE_BENCH_REPOS[instance.repo];
  const rowParser = instance.logParser === undefined ? undefined : logParserNamed(instance.logParser);
  if (instance.logParser !== undefined && rowParser === undefined && options.logParser === undefined && spec === undefined) {
    problems.push({ field: 'log_parser', message: `${JSON.stringify(instance.logParser)} is not a log format scenariokit reads; give the logParser option ('pytest', 'django' or 'sympy')` });
  }
  const logParser = options.logParser ?? rowParser ?? spec?.logParser;
  const testCommand = options.testCommand ?? spec?.testCommand;
  if (instance.evalScript === undefined) {
    if (testCommand === undefined) {
      problems.push({ field: 'repo', message: `${instance.repo} is not in scenariokit's table of SWE-bench repositories; give the testCommand option (and logParser)` });
    }
  }
  if (logParser === undefined && !problems.some((p) => p.field === 'log_parser')) {
    problems.push({ field: 'repo', message: `no log format is known for ${instance.repo}; give the logParser option ('pytest', 'django' or 'sympy')` });
  }
  if (problems.length > 0 || logParser === undefined) return { problems };
  const django = spec?.directives === 'django-modules';
  const directives = files.paths
    .filter((path) => !NOT_TESTS.some((extension) => path.endsWith(extension)))
    .map((path) => (django ? djangoModule(path) : path));
  return {
    problems,
    plan: {
      testCommand: testCommand ?? '',
      directives,
      restoreFiles: files.restore,
      createdFiles: files.created,
      install: options.install ?? spec?.install ?? '',
      logParser,
    },
  };
}

/** `tests/a/b.py` → `a.b`: how Django's runtests.py names test modules. */
function djangoModule(path: string): string {
  return path.replace(/\.py$/, '').replace(/^tests\//, '').replaceAll('/', '.');
}

/**
 * The files a unified diff touches: every `b/` path of its `diff --git` headers (in order), the
 * `--- a/` paths that exist before it (to restore) and the paths it creates (`--- /dev/null`).
 */
function patchFiles(patch: string, problems: FieldProblem[]): { paths: string[]; restore: string[]; created: string[] } {
  const paths: string[] = [];
  const restore: string[] = [];
  const created: string[] = [];
  let inHeader = false; // between `diff --git` and the first hunk, where `---`/`+++` name files
  let creating = false; // the last `---` was /dev/null
  for (const line of patch.split('\n')) {
    const header = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
    if (header) {
      paths.push(header[2]!);
      inHeader = true;
      continue;
    }
    if (line.startsWith('@@')) inHeader = false;
    if (!inHeader) continue;
    if (line.startsWith('--- ')) {
      const source = pathOf(line.slice(4));
      creating = source === '/dev/null';
      if (creating) continue;
      if (source.startsWith('"')) {
        problems.push({ field: 'test_patch', message: `names a quoted path (${source}); scenariokit does not restore such paths` });
      } else if (source.startsWith('a/')) {
        if (!restore.includes(source.slice(2))) restore.push(source.slice(2));
      }
    } else if (line.startsWith('+++ ') && creating) {
      const target = pathOf(line.slice(4));
      if (target.startsWith('b/')) created.push(target.slice(2));
      creating = false;
    }
  }
  if (paths.length === 0) problems.push({ field: 'test_patch', message: 'is not a git diff (no "diff --git" header)' });
  return { paths, restore, created };
}

/** A `---`/`+++` line's path, without the timestamp some diffs add after a tab. */
function pathOf(text: string): string {
  return text.split('\t')[0]!.trimEnd();
}
