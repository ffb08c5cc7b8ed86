/**
 * End to end: a task imported with scenariokit/import, then verified locally with
 * scenariokit/verify on a checkout that stands for the devbox's working directory.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHarborTask, fromSweBench, type SweBenchInstance } from '../../src/import/index.js';
import { verifyScenario } from '../../src/verify/index.js';
import { makeCalcRepo, rowsOf } from './swe-bench-helpers.js';

const [pytestRow, evalScriptRow] = rowsOf('synthetic-calc/instances.json') as [SweBenchInstance, SweBenchInstance];
/** What the scorers need of this machine's environment. */
const env = { PATH: process.env.PATH, HOME: process.env.HOME };

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('an imported SWE-bench instance, verified locally on a git checkout of its repository', () => {
  it.each([
    ['the table’s way (pytest, test command from the options)', pytestRow, { testCommand: 'python3 -m pytest -rA -p no:cacheprovider', logParser: 'pytest', install: '' } as const],
    ['the row’s own eval_script (unittest, django-style log)', evalScriptRow, {}],
  ])('%s: the gold patch scores 1.0, doing nothing 0.0: verified', async (_, row, options) => {
    const checkout = makeCalcRepo(); // a git repository at the row's base_commit: the scorer restores test files from its history
    temporary.push(checkout.dir);
    expect(checkout.commit).toBe(row.base_commit);
    const scenario = fromSweBench(row, { blueprintId: 'bpt_calc', ...options });

    const report = await verifyScenario(scenario, { workspace: checkout.dir, env });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ name: row.instance_id, verdict: 'verified', cases: { gold: { score: 1 }, noop: { score: 0 } } });
    expect(report.cases.noop!.runs[0]!.scoring_function_results).toEqual([
      expect.objectContaining({ scoring_function_name: 'swe-bench-tests', score: 0, state: 'complete', output: expect.stringContaining('FAIL_TO_PASS') }),
    ]);
  }, 60_000);

  it('fails verification when the workspace is not the repository the row names (no git history to restore the tests from)', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'scenariokit-no-git-'));
    temporary.push(plain);
    const report = await verifyScenario(fromSweBench(pytestRow, { blueprintId: 'bpt_calc', testCommand: 'python3 -m pytest -rA', logParser: 'pytest', install: '' }), { workspace: plain, env });
    expect(report.verdict).toBe('failed');
    expect(report.cases.noop!.runs[0]!.scoring_function_results[0]).toMatchObject({ state: 'error', output: expect.stringContaining('cannot restore the test files to') });
  }, 60_000);
});

describe('an imported Harbor task, verified locally', () => {
  it('the reference solution scores 1, doing nothing 0: verified (/tests and /logs moved by the scorer’s overrides)', async () => {
    const task = fileURLToPath(new URL('../fixtures/harbor/synthetic/answer-file', import.meta.url));
    const sandbox = mkdtempSync(join(tmpdir(), 'scenariokit-harbor-verify-'));
    temporary.push(sandbox);
    mkdirSync(join(sandbox, 'workspace'));
    // verify passes a scorer only the variables its scenario requires: require the two overrides, for this local run
    const scenario = (await fromHarborTask(task, { blueprintId: 'bpt_answer' })).requiredEnv(['SCENARIOKIT_TESTS_DIR', 'SCENARIOKIT_LOGS_DIR']);
    const report = await verifyScenario(scenario, {
      workspace: join(sandbox, 'workspace'),
      env: { ...env, SCENARIOKIT_TESTS_DIR: join(sandbox, 'tests'), SCENARIOKIT_LOGS_DIR: join(sandbox, 'logs') },
    });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ name: 'scenariokit/answer-file', verdict: 'verified', cases: { gold: { score: 1 }, noop: { score: 0 } } });
  }, 60_000);
});
