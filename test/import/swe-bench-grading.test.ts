import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GRADE_SCRIPT } from '../../src/import/swe-bench/grade-script.js';
import { FIXTURES } from './swe-bench-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'scenariokit-grade-'));
writeFileSync(join(dir, 'grade.py'), GRADE_SCRIPT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Grades a log as the scorer does: the verdict on stdout, the reasons on stderr. */
function grade(parser: string, log: string, tests: { FAIL_TO_PASS: string[]; PASS_TO_PASS: string[] }, exitStatus = 1) {
  writeFileSync(join(dir, 'tests.json'), JSON.stringify(tests));
  writeFileSync(join(dir, 'test.log'), log);
  const result = spawnSync('python3', [join(dir, 'grade.py'), parser, join(dir, 'tests.json'), join(dir, 'test.log'), String(exitStatus)], { encoding: 'utf8' });
  return { verdict: result.stdout.trim(), reasons: result.stderr.trim().split('\n'), status: result.status };
}

const log = (name: string) => readFileSync(join(FIXTURES, 'logs', name), 'utf8');

describe('the log grader, on real-looking logs', () => {
  it('reads pytest -rA summaries: statuses, messages after " - ", colours, parametrised names with spaces', () => {
    const file = 'testing/test_assertrewrite.py';
    const result = grade('pytest', log('pytest-rA.log'), {
      FAIL_TO_PASS: [`${file}::TestAssertionRewrite::test_name`, `${file}::test_param[a b]`, `${file}::test_param[a`, `${file}::test_known_bug`],
      PASS_TO_PASS: [`${file}::TestAssertionRewrite::test_rewrites_plugin_as_a_package`, `${file}::test_fixture_error`, `${file}::test_gone`],
    });
    expect(result).toEqual({
      verdict: 'unresolved',
      status: 0,
      reasons: [
        '4 of 7 tests pass (pytest log, 10 results, exit status 1)',
        `  PASS_TO_PASS ${file}::TestAssertionRewrite::test_rewrites_plugin_as_a_package: FAILED`,
        `  PASS_TO_PASS ${file}::test_fixture_error: ERROR`,
        `  PASS_TO_PASS ${file}::test_gone: not in the log`,
      ],
    });
  });

  it('resolves when every listed test passes, even if other tests fail and the command exits 1', () => {
    const file = 'testing/test_assertrewrite.py';
    expect(grade('pytest', log('pytest-rA.log'), { FAIL_TO_PASS: [`${file}::TestAssertionRewrite::test_name`], PASS_TO_PASS: [`${file}::test_param[a b]`] }).verdict).toBe('resolved');
  });

  it('reads verbose pytest lines (`<test> PASSED [ 33%]`)', () => {
    const base = 'astropy/io/fits/tests/test_checksum.py::TestChecksumFunctions';
    const result = grade('pytest', log('pytest-verbose.log'), { FAIL_TO_PASS: [`${base}::test_sample_file`, `${base}::test_nonstandard_checksum`], PASS_TO_PASS: [`${base}::test_image_create`] });
    expect(result.reasons).toEqual(['2 of 3 tests pass (pytest log, 3 results, exit status 1)', `  PASS_TO_PASS ${base}::test_image_create: FAILED`]);
  });

  it('refuses a log with no failing test from a command that exited non-zero (forged output), and accepts it with status 0', () => {
    const forged = 'PASSED tests/test_calc.py::test_add\nPASSED tests/test_calc.py::test_sub\n';
    const tests = { FAIL_TO_PASS: ['tests/test_calc.py::test_add'], PASS_TO_PASS: ['tests/test_calc.py::test_sub'] };
    const refused = grade('pytest', forged, tests, 1);
    expect(refused.verdict).toBe('unresolved');
    expect(refused.reasons.at(-1)).toBe('the test command exited with status 1 but its log shows no failing test: refused as forged');
    expect(grade('pytest', forged, tests, 0).verdict).toBe('resolved');
  });

  it('reads Django’s verbose runner: docstring names, output between the test and its status, skips, errors, FAIL: headers', () => {
    const tests = {
      FAIL_TO_PASS: ['BaseCommand.create_parser() passes kwargs to CommandParser.', 'test_known_issue (user_commands.tests.CommandTests)'],
      PASS_TO_PASS: [
        'When passing the long option name to call_command, the available option',
        'test_get_random_secret_key (user_commands.tests.UtilsTests)',
        'test_command_style (user_commands.tests.CommandTests)',
        'test_language_preserved (user_commands.tests.CommandTests)',
        'test_no_existent_external_program (user_commands.tests.UtilsTests)',
      ],
    };
    expect(grade('django', log('django-verbose.log'), tests).reasons).toEqual([
      '4 of 7 tests pass (django log, 9 results, exit status 1)',
      '  FAIL_TO_PASS BaseCommand.create_parser() passes kwargs to CommandParser.: FAILED',
      '  PASS_TO_PASS test_language_preserved (user_commands.tests.CommandTests): SKIPPED',
      '  PASS_TO_PASS test_no_existent_external_program (user_commands.tests.UtilsTests): ERROR',
    ]);
  });

  it('reads SymPy’s bin/test --verbose: ok, F, E, f (expected to fail), s, and failure headers', () => {
    const tests = {
      FAIL_TO_PASS: ['test_sparse_matrix', 'sympy/matrices/tests/test_sparse.py:test_sparse_matrix'],
      PASS_TO_PASS: ['test_transpose', 'test_copyin', 'test_sparse_solve', 'test_errors', 'test_hermitian'],
    };
    expect(grade('sympy', log('sympy-bin-test.log'), tests).reasons).toEqual([
      '3 of 7 tests pass (sympy log, 12 results, exit status 1)',
      '  FAIL_TO_PASS test_sparse_matrix: FAILED',
      '  FAIL_TO_PASS sympy/matrices/tests/test_sparse.py:test_sparse_matrix: FAILED',
      '  PASS_TO_PASS test_errors: ERROR',
      '  PASS_TO_PASS test_hermitian: SKIPPED',
    ]);
  });
});
