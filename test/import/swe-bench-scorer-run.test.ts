import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromSweBench, type SweBenchInstance } from '../../src/import/index.js';
import { applyPatch, makeCalcRepo, rowsOf, run, runScorer, scriptOf } from './swe-bench-helpers.js';

const [pytestRow, evalScriptRow] = rowsOf('synthetic-calc/instances.json') as [SweBenchInstance, SweBenchInstance];
const pytestOptions = { blueprintId: 'bpt_calc', testCommand: 'python3 -m pytest -rA -p no:cacheprovider', logParser: 'pytest', install: '' } as const;

const repos: string[] = [];
afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh checkout of the synthetic repository at its base commit. */
function checkout() {
  const repo = makeCalcRepo();
  repos.push(repo.dir);
  return repo.dir;
}

describe('the generated SWE-bench scorer, run with bash on a real git checkout', () => {
  it('starts from the commit the fixture rows name', () => {
    const dir = checkout();
    expect(run('git', ['rev-parse', 'HEAD'], dir).stdout.trim()).toBe(pytestRow.base_commit);
  });

  it('scores the gold patch 1.0 and no change 0.0 (pytest log, test command from the options)', () => {
    const script = scriptOf(fromSweBench(pytestRow, pytestOptions));
    const gold = checkout();
    applyPatch(gold, pytestRow.patch);
    const solved = runScorer(script, gold);
    expect(solved.stdout).toBe('score=1.0\n');
    expect(solved.stderr).toContain('3 of 3 tests pass (pytest log');

    const untouched = runScorer(script, checkout());
    expect(untouched.stdout).toBe('score=0.0\n');
    expect(untouched.stderr).toContain('FAIL_TO_PASS tests/test_calc.py::CalcTest::test_add: FAILED');
  });

  it('leaves the checkout as it found it: test files restored, the test patch’s new file removed', () => {
    const dir = checkout();
    applyPatch(dir, pytestRow.patch);
    runScorer(scriptOf(fromSweBench(pytestRow, pytestOptions)), dir);
    expect(run('git', ['status', '--porcelain'], dir).stdout).toBe(' M calc.py\n');
    expect(readFileSync(join(dir, 'tests/test_calc.py'), 'utf8')).not.toContain('test_add');
  });

  it('undoes an agent’s edits to the test files and replaces a test file the agent created', () => {
    const dir = checkout();
    // the agent "fixes" the bug by rewriting the tests instead of the code
    writeFileSync(join(dir, 'tests/test_calc.py'), 'def test_add():\n    pass\n\ndef test_sub():\n    pass\n');
    writeFileSync(join(dir, 'tests/test_add_more.py'), 'def test_add_negative():\n    pass\n');
    const result = runScorer(scriptOf(fromSweBench(pytestRow, pytestOptions)), dir);
    expect(result.stdout).toBe('score=0.0\n');
    expect(result.stderr).toContain('FAIL_TO_PASS tests/test_add_more.py::AddMoreTest::test_add_negative: FAILED');
  });

  it('runs an install command that ends in a # comment, which does not hide the end of its group', () => {
    const script = scriptOf(fromSweBench(pytestRow, { ...pytestOptions, install: 'echo installing-calc # quietly' }));
    expect(spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const gold = checkout();
    applyPatch(gold, pytestRow.patch);
    const solved = runScorer(script, gold);
    expect(solved.stdout).toBe('score=1.0\n');
    expect(solved.stderr).toContain('installing-calc\n'); // the install's output goes to standard error, not to the test log
    expect(solved.stderr.indexOf('installing-calc')).toBeLessThan(solved.stderr.indexOf('>>>>> test output'));
  });

  it('refuses forged PASSED lines printed after the real run (the exit-code check)', () => {
    const dir = checkout();
    const tests = ['tests/test_calc.py::CalcTest::test_add', 'tests/test_add_more.py::AddMoreTest::test_add_negative', 'tests/test_calc.py::CalcTest::test_sub'];
    writeFileSync(
      join(dir, 'conftest.py'),
      `import atexit\n\n@atexit.register\ndef forge():\n${tests.map((test) => `    print("PASSED ${test}")`).join('\n')}\n`,
    );
    const result = runScorer(scriptOf(fromSweBench(pytestRow, pytestOptions)), dir);
    expect(result.stderr).toContain('3 of 3 tests pass (pytest log');
    expect(result.stderr).toContain('the test command exited with status 1 but its log shows no failing test: refused as forged');
    expect(result.stdout).toBe('score=0.0\n');
  });

  it('scores 0.0 when the test patch cannot apply, and prints no score (an error) when the scorer cannot work', () => {
    const broken = { ...pytestRow, test_patch: pytestRow.test_patch.replace('-from calc import sub', '-from calc import nothing') };
    expect(runScorer(scriptOf(fromSweBench(broken, pytestOptions)), checkout()).stdout).toBe('score=0.0\n');
    const notARepo = join(checkout(), 'sub');
    mkdirSync(notARepo);
    rmSync(join(notARepo, '..', '.git'), { recursive: true });
    const failed = runScorer(scriptOf(fromSweBench(pytestRow, pytestOptions)), notARepo);
    expect(failed).toMatchObject({ stdout: '', status: 1 });
    expect(failed.stderr).toContain('cannot restore the test files to');
  });

  it('runs a row’s own eval_script (SWE-bench 5.x) with the log format its log_parser names: gold 1.0, no change 0.0', () => {
    const builder = fromSweBench(evalScriptRow, { blueprintId: 'bpt_calc' });
    const script = scriptOf(builder);
    expect(script).toContain(`"$work/grade.py" django `);
    expect(script).toContain('python3 -m unittest -v tests/test_calc.py tests/test_add_more.py\nprintf');
    // the eval_script applies its own copy of test_patch: the scorer does not embed a second one
    expect(script.split(evalScriptRow.test_patch)).toHaveLength(2);
    expect(script).not.toContain('$work/test.patch');
    const gold = checkout();
    applyPatch(gold, evalScriptRow.patch);
    const solved = runScorer(script, gold);
    expect(solved.stdout).toBe('score=1.0\n');
    expect(solved.stderr).toContain('3 of 3 tests pass (django log');
    const untouched = runScorer(script, checkout());
    expect(untouched.stdout).toBe('score=0.0\n');
    expect(untouched.stderr).toContain('FAIL_TO_PASS Adding gives the sum.: FAILED');
  });

  it('refuses an eval_script without the test output markers, naming the field', () => {
    expect(() => fromSweBench({ ...evalScriptRow, eval_script: '#!/bin/bash\npytest\n' }, { blueprintId: 'bpt_calc' })).toThrow(
      "acme__calc-1-unittest: eval_script: must have one line `: '>>>>> Start Test Output'` and one `: '>>>>> End Test Output'` around its test command",
    );
  });

  it('embeds a test patch that contains its own here-document delimiter and shell syntax', () => {
    const tricky = `${pytestRow.test_patch}`.replace('+import unittest\n+\n+from calc import add\n', '+import unittest\n+\n+from calc import add\n+SCENARIOKIT_TEST_PATCH = "\'$(echo pwned)\'"\n').replace('@@ -0,0 +1,9 @@', '@@ -0,0 +1,10 @@');
    const script = scriptOf(fromSweBench({ ...pytestRow, test_patch: tricky }, pytestOptions));
    expect(script).toContain("<<'SCENARIOKIT_TEST_PATCH_2'\n");
    const dir = checkout();
    applyPatch(dir, pytestRow.patch);
    expect(runScorer(script, dir).stdout).toBe('score=1.0\n');
  });
});
