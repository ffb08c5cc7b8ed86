import { embedFile } from '../embed-file.js';
import { shellQuote } from '../../util/shell-quote.js';
import { commentText } from '../comment-text.js';
import { GRADE_SCRIPT } from './grade-script.js';
import type { FieldProblem } from '../import-problem.js';
import type { CheckedInstance } from './swe-bench-instance.js';
import type { TestPlan } from './test-plan.js';

/** The lines of a SWE-bench evaluation script that frame the test command's output. */
const START_MARKER = ": '>>>>> Start Test Output'";
const END_MARKER = ": '>>>>> End Test Output'";

/**
 * Activates the conda environment `testbed` of SWE-bench images, where there is one (elsewhere,
 * e.g. in a local checkout, it does nothing).
 */
const ACTIVATE_TESTBED = 'if [ -f /opt/miniconda3/bin/activate ]; then . /opt/miniconda3/bin/activate && conda activate testbed; fi';

/**
 * The bash scorer of one instance. It does what SWE-bench's harness does after the agent's
 * change is in place, in the working directory (the repository):
 * 1. restores the files `test_patch` touches to `base_commit` (and removes those it creates);
 * 2. applies `test_patch` (if it does not apply, the score is 0);
 * 3. runs the test command on the test files, its output to a log of its own, and keeps the
 *    command's exit status;
 * 4. restores the test files again (and removes those `test_patch` created).
 * A row's own `eval_script` does steps 1–4 instead (with its own copy of `test_patch`, which is
 * then not embedded a second time), its test output redirected the same way. Then the script
 * grades the log with Python and prints `score=1.0` (resolved) or `score=0.0`.
 * Nothing the tests print reaches standard output, so only the verdict is read as the score;
 * the log goes to standard error. When the scorer itself cannot work (no git, no Python), it
 * prints no score and exits 1: Runloop then reports an error, not a 0.
 */
export function sweBenchScript(instance: CheckedInstance, plan: TestPlan): { script?: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const tests = `${JSON.stringify({ FAIL_TO_PASS: instance.failToPass, PASS_TO_PASS: instance.passToPass })}\n`;
  const restore = plan.restoreFiles.map(shellQuote).join(' ');
  const commit = instance.baseCommit;
  const lines = [
    '#!/bin/bash',
    `# SWE-bench evaluation of ${commentText(instance.instanceId)}, imported by scenariokit: restores the test files,`,
    '# applies test_patch, runs the tests and prints score=1.0 when every FAIL_TO_PASS and PASS_TO_PASS',
    '# test passes (score=0.0 otherwise). The test output goes to standard error.',
    'set -o pipefail',
    'work=$(mktemp -d) || exit 1',
    `trap 'rm -rf "$work"' EXIT`,
    'git() { command git -c safe.directory="$PWD" "$@"; }',
    embedFile('"$work/tests.json"', tests, 'tests').trimEnd(),
    embedFile('"$work/grade.py"', GRADE_SCRIPT, 'grade').trimEnd(),
  ];
  if (instance.evalScript === undefined) {
    if (plan.restoreFiles.length > 0) lines.push(`git checkout ${commit} -- ${restore} >&2 || { echo "cannot restore the test files to ${commit}" >&2; exit 1; }`);
    if (plan.createdFiles.length > 0) lines.push(`rm -f -- ${plan.createdFiles.map(shellQuote).join(' ')}`);
    lines.push(
      // a row's own eval_script applies its own copy of test_patch, so only this branch embeds it
      embedFile('"$work/test.patch"', instance.testPatch, 'test_patch').trimEnd(),
      'if ! git apply -v "$work/test.patch" >&2; then echo "test_patch does not apply" >&2; echo score=0.0; exit 0; fi',
      '(',
      `  ${ACTIVATE_TESTBED}`,
      // on lines of their own: a trailing `# comment` in the install command must not hide the `}`
      ...(plan.install ? ['  {', `    ${plan.install}`, '  } >&3 2>&3'] : []),
      `  ${[plan.testCommand, ...plan.directives.map(shellQuote)].join(' ')}`,
      ') 3>&2 > "$work/test.log" 2>&1',
      'status=$?',
    );
    if (plan.restoreFiles.length > 0) lines.push(`git checkout ${commit} -- ${restore} >&2`);
    if (plan.createdFiles.length > 0) lines.push(`rm -f -- ${plan.createdFiles.map(shellQuote).join(' ')}`);
  } else {
    const rewritten = redirectTestOutput(instance.evalScript);
    if (rewritten === undefined) {
      problems.push({
        field: 'eval_script',
        message: `must have one line \`${START_MARKER}\` and one \`${END_MARKER}\` around its test command, as SWE-bench's scripts do`,
      });
      return { problems };
    }
    lines.push(
      embedFile('"$work/eval.sh"', rewritten.endsWith('\n') ? rewritten : `${rewritten}\n`, 'eval_script').trimEnd(),
      'SCENARIOKIT_TEST_LOG="$work/test.log" SCENARIOKIT_TEST_STATUS="$work/status" bash "$work/eval.sh" >&2',
      'status=$(cat "$work/status" 2>/dev/null) || { echo "eval_script did not reach its test command" >&2; exit 1; }',
    );
  }
  lines.push(
    'echo ">>>>> test output (exit status $status)" >&2',
    'cat "$work/test.log" >&2',
    'python=$(command -v python3 || command -v python) || { echo "no python3 to grade the log" >&2; exit 1; }',
    `verdict=$("$python" "$work/grade.py" ${plan.logParser} "$work/tests.json" "$work/test.log" "$status")`,
    'case "$verdict" in',
    '  resolved) echo score=1.0 ;;',
    '  unresolved) echo score=0.0 ;;',
    '  *) echo "grading failed" >&2; exit 1 ;;',
    'esac',
    '',
  );
  return { script: lines.join('\n'), problems };
}

/**
 * A row's `eval_script` with its test command's output sent to `$SCENARIOKIT_TEST_LOG` and the
 * command's exit status written to `$SCENARIOKIT_TEST_STATUS`, in place of the two marker lines;
 * undefined when the markers are not there exactly once each.
 */
function redirectTestOutput(evalScript: string): string | undefined {
  const lines = evalScript.split('\n');
  const start = lines.filter((line) => line === START_MARKER).length;
  const end = lines.filter((line) => line === END_MARKER).length;
  if (start !== 1 || end !== 1) return undefined;
  const startAt = lines.indexOf(START_MARKER);
  const endAt = lines.indexOf(END_MARKER);
  if (endAt < startAt) return undefined;
  return lines
    .map((line, index) => {
      if (index === startAt) return 'exec 8>&1 9>&2 >"$SCENARIOKIT_TEST_LOG" 2>&1';
      if (index === endAt) return `printf '%s\\n' "$?" >"$SCENARIOKIT_TEST_STATUS"; exec 1>&8 2>&9`;
      return line;
    })
    .join('\n');
}
