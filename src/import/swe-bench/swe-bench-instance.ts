import { describeValue } from '../../util/describe-value.js';
import type { FieldProblem } from '../import-problem.js';

/**
 * One SWE-bench task instance, as the HuggingFace datasets (princeton-nlp/SWE-bench, _Lite,
 * _Verified, SWE-Gym…) and local copies hold it. `FAIL_TO_PASS` and `PASS_TO_PASS` are lists of
 * test names, or those lists JSON-encoded as strings (the datasets' form). Keys not listed here
 * are ignored.
 *
 * @example
 * ```ts
 * const instance: SweBenchInstance = {
 *   instance_id: 'acme__calc-1',
 *   repo: 'acme/calc',
 *   base_commit: '3f2a9c1d',
 *   patch: 'diff --git a/calc.py b/calc.py\n…',
 *   test_patch: 'diff --git a/tests/test_calc.py b/tests/test_calc.py\n…',
 *   problem_statement: 'add() subtracts',
 *   FAIL_TO_PASS: '["tests/test_calc.py::test_add"]',
 *   PASS_TO_PASS: ['tests/test_calc.py::test_sub'],
 * };
 * ```
 */
export interface SweBenchInstance {
  /** `owner__repo-number`; becomes the scenario's name. */
  instance_id: string;
  /** `owner/name` on GitHub; chooses the test command and log format. */
  repo: string;
  /** The commit the repository is at before the fix. */
  base_commit: string;
  /** The gold fix (a unified diff); becomes the reference output. */
  patch: string;
  /** The tests that check the fix (a unified diff), applied by the scorer. */
  test_patch: string;
  /** The issue text; becomes the problem statement. */
  problem_statement: string;
  /** Comments on the issue; added to the problem only with `includeHints`. */
  hints_text?: string;
  /** When the fix was made. */
  created_at?: string;
  /** The repository's version, as SWE-bench names its environments (`4.2`). */
  version?: string;
  /** The commit the environment was built from. */
  environment_setup_commit?: string;
  /** Tests that fail before the fix and pass after it. */
  FAIL_TO_PASS: string | readonly string[];
  /** Tests that pass before and after the fix. */
  PASS_TO_PASS: string | readonly string[];
  /** SWE-bench 5.x: the row's own evaluation script, used instead of the built-in table. */
  eval_script?: string;
  /** SWE-bench 5.x: the name of the row's log parser (`parse_log_pytest`, `django`…). */
  log_parser?: string;
  /** Other keys (`difficulty`, `image`, a copy's own keys) are ignored. */
  [key: string]: unknown;
}

/** An instance whose fields were checked: test lists decoded, optional strings present or absent. */
export interface CheckedInstance {
  readonly instanceId: string;
  readonly repo: string;
  readonly baseCommit: string;
  readonly patch: string;
  readonly testPatch: string;
  readonly problemStatement: string;
  readonly hintsText: string | undefined;
  readonly createdAt: string | undefined;
  readonly version: string | undefined;
  readonly environmentSetupCommit: string | undefined;
  readonly failToPass: readonly string[];
  readonly passToPass: readonly string[];
  readonly evalScript: string | undefined;
  readonly logParser: string | undefined;
}


const REQUIRED_TEXT = ['instance_id', 'repo', 'base_commit', 'patch', 'test_patch', 'problem_statement'] as const;
const OPTIONAL_TEXT = ['hints_text', 'created_at', 'version', 'environment_setup_commit', 'eval_script', 'log_parser'] as const;

/** Checks a row's fields; returns the checked instance, or every problem with its field. */
export function checkInstance(row: unknown): { instance?: CheckedInstance; problems: FieldProblem[] } {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return { problems: [{ field: '(row)', message: `must be a JSON object with the SWE-bench fields (got ${describeValue(row)})` }] };
  }
  const record = row as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const text = (field: string, required: boolean): string | undefined => {
    const value = record[field];
    if (value === undefined || value === null) {
      if (required) problems.push({ field, message: 'is missing; every SWE-bench row has it' });
      return undefined;
    }
    if (typeof value !== 'string') {
      problems.push({ field, message: `must be a string (got ${describeValue(value)})` });
      return undefined;
    }
    if (required && !/\S/.test(value)) problems.push({ field, message: 'must not be blank' });
    return value;
  };
  const [instanceId, repo, baseCommit, patch, testPatch, problemStatement] = REQUIRED_TEXT.map((field) => text(field, true));
  const [hintsText, createdAt, version, environmentSetupCommit, evalScript, logParser] = OPTIONAL_TEXT.map((field) => text(field, false));
  if (repo !== undefined && /\S/.test(repo) && !/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    problems.push({ field: 'repo', message: `must be "owner/name" (got ${JSON.stringify(repo)})` });
  }
  // the scorer passes it to git on a command line
  if (baseCommit !== undefined && /\S/.test(baseCommit) && !/^[0-9a-f]{7,64}$/i.test(baseCommit)) {
    problems.push({ field: 'base_commit', message: `must be a commit hash (got ${JSON.stringify(baseCommit)})` });
  }
  const failToPass = testList(record, 'FAIL_TO_PASS', problems);
  const passToPass = testList(record, 'PASS_TO_PASS', problems);
  if (problems.length > 0) return { problems };
  return {
    problems,
    instance: {
      instanceId: instanceId!,
      repo: repo!,
      baseCommit: baseCommit!,
      patch: patch!,
      testPatch: testPatch!,
      problemStatement: problemStatement!,
      hintsText,
      createdAt,
      version,
      environmentSetupCommit,
      failToPass: failToPass!,
      passToPass: passToPass!,
      evalScript,
      logParser,
    },
  };
}

/** A list of test names, given as a list or as a JSON-encoded list. */
function testList(record: Record<string, unknown>, field: string, problems: FieldProblem[]): string[] | undefined {
  let value = record[field];
  if (value === undefined || value === null) {
    problems.push({ field, message: 'is missing; every SWE-bench row has it (a list of test names, or that list JSON-encoded)' });
    return undefined;
  }
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      problems.push({ field, message: `is a string but not a JSON-encoded list of test names (${JSON.stringify(abbreviate(value as string))})` });
      return undefined;
    }
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    problems.push({ field, message: `must be a list of test names or that list JSON-encoded (got ${Array.isArray(value) ? 'a list with non-string items' : describeValue(value)})` });
    return undefined;
  }
  return value as string[];
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
