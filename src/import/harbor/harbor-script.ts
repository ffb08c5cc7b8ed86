import { embedFile, exportLines } from '../embed-file.js';
import { shellQuote } from '../../util/shell-quote.js';
import { commentText } from '../comment-text.js';

/**
 * Writes the task's tests/ files under `$tests_dir`, emptied first so that nothing the agent put
 * there survives (Harbor uploads tests/ to /tests only after the agent finishes). Directories
 * are made as needed.
 */
function writeTests(tests: ReadonlyMap<string, string | Uint8Array>): string[] {
  const lines = ['rm -rf "$tests_dir" && mkdir -p "$tests_dir" || { echo "cannot create $tests_dir" >&2; exit 1; }'];
  const dirs = [...new Set([...tests.keys()].map((path) => path.split('/').slice(0, -1).join('/')).filter((dir) => dir !== ''))];
  if (dirs.length > 0) lines.push(`mkdir -p ${dirs.map((dir) => `"$tests_dir"/${shellQuote(dir)}`).join(' ')}`);
  for (const [path, content] of tests) lines.push(embedFile(`"$tests_dir"/${shellQuote(path)}`, content, 'file').trimEnd());
  return lines;
}

/** Checks that `$reward` is a number from 0 to 1 and prints it as the score. */
const PRINT_REWARD = [
  `if ! printf '%s' "$reward" | grep -Eq '^[+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$' || ! awk -v r="$reward" 'BEGIN { exit !(r + 0 <= 1) }'; then`,
  '  echo "the reward \\"$reward\\" is not a number from 0 to 1" >&2; exit 1',
  'fi',
  'echo "score=$reward"',
];

/**
 * The mean of the values of a flat JSON object of numbers (reward.json), in awk, which every
 * image has; exits 1 when a value is not a number or there is none.
 */
const JSON_MEAN = String.raw`awk '{ text = text $0 " " } END {
  s = text; keys = 0
  while (match(s, /"([^"\\]|\\.)*"[ \t]*:/)) { keys++; s = substr(s, RSTART + RLENGTH) }
  s = text; n = 0; sum = 0
  while (match(s, /"([^"\\]|\\.)*"[ \t]*:[ \t]*-?[0-9.]+([eE][-+]?[0-9]+)?/)) {
    value = substr(s, RSTART, RLENGTH); sub(/.*:[ \t]*/, "", value); sum += value; n++
    s = substr(s, RSTART + RLENGTH)
  }
  if (n == 0 || n != keys) exit 1
  printf "%.10g\n", sum / n
}'`;

/**
 * The bash scorer of a Harbor task: writes tests/ to /tests, exports `[verifier].env`, runs
 * /tests/test.sh (its output to standard error; its exit code is ignored, as Harbor does), then
 * prints the reward as `score=X`: the number in /logs/verifier/reward.txt, or else the mean of
 * the values in /logs/verifier/reward.json. No reward file, or a reward that is not a number from
 * 0 to 1, prints no score and exits 1: Runloop reports an error, as Harbor fails the trial.
 *
 * `SCENARIOKIT_TESTS_DIR` and `SCENARIOKIT_LOGS_DIR` override /tests and /logs (for running the
 * scorer outside a task's container, as the tests do); on Runloop they are unset.
 */
export function harborScript(name: string, tests: ReadonlyMap<string, string | Uint8Array>, env: Readonly<Record<string, string>>): string {
  return [
    '#!/bin/bash',
    `# Harbor verifier of ${commentText(name)}, imported by scenariokit: writes the task's tests/ to /tests, runs`,
    '# /tests/test.sh and prints its reward as score=X (reward.txt, or the mean of reward.json\'s values).',
    'tests_dir=${SCENARIOKIT_TESTS_DIR:-/tests}',
    'logs_dir=${SCENARIOKIT_LOGS_DIR:-/logs}',
    ...writeTests(tests),
    'mkdir -p "$logs_dir/verifier" && rm -f "$logs_dir/verifier/reward.txt" "$logs_dir/verifier/reward.json" || exit 1',
    exportLines(env).trimEnd(),
    'bash "$tests_dir/test.sh" >&2',
    'echo "test.sh exited with status $? (ignored, as Harbor does)" >&2',
    'if [ -f "$logs_dir/verifier/reward.txt" ]; then',
    `  reward=$(tr -d ' \\t\\r\\n' < "$logs_dir/verifier/reward.txt")`,
    'elif [ -f "$logs_dir/verifier/reward.json" ]; then',
    `  reward=$(${JSON_MEAN} "$logs_dir/verifier/reward.json") || { echo "reward.json is not a flat object of numbers" >&2; exit 1; }`,
    'else',
    '  echo "test.sh wrote no reward ($logs_dir/verifier/reward.txt or reward.json)" >&2; exit 1',
    'fi',
    ...PRINT_REWARD,
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

/**
 * The bash scorer of a legacy Terminal-Bench task: writes tests/ and run-tests.sh to /tests
 * (`$TEST_DIR`), runs run-tests.sh, and reads pytest's short test summary as Terminal-Bench does:
 * `score=1` when at least one test ran and every one passed (PASSED, XFAIL or SKIPPED),
 * `score=0` when any FAILED, ERROR or XPASS; no summary prints no score (an error).
 */
export function terminalBenchScript(name: string, tests: ReadonlyMap<string, string | Uint8Array>, runTests: string): string {
  const files = new Map(tests);
  files.set('run-tests.sh', runTests);
  return [
    '#!/bin/bash',
    `# Terminal-Bench tests of ${commentText(name)}, imported by scenariokit: writes tests/ and run-tests.sh to /tests,`,
    "# runs run-tests.sh and scores 1 when pytest's summary shows every test passing, else 0.",
    'tests_dir=${SCENARIOKIT_TESTS_DIR:-/tests}',
    ...writeTests(files),
    'export TEST_DIR="$tests_dir"',
    'log=$(mktemp) || exit 1',
    `trap 'rm -f "$log"' EXIT`,
    'bash "$tests_dir/run-tests.sh" > "$log" 2>&1',
    'echo "run-tests.sh exited with status $?" >&2',
    'cat "$log" >&2',
    String.raw`awk '/short test summary info/ { summary = 1; next }
  summary && /^(PASSED|XFAIL|SKIPPED) / { passed++ }
  summary && /^(FAILED|ERROR|XPASS) / { failed++ }
  END {
    if (!summary) { print "no pytest short test summary in the output of run-tests.sh" > "/dev/stderr"; exit 1 }
    print (failed == 0 && passed > 0) ? "score=1" : "score=0"
  }' "$log"`,
    '',
  ].join('\n');
}
