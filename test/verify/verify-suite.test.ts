import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bashScript, command, custom, defineSuite, Scenario, SuiteValidationError } from '../../src/index.js';
import {
  calibrationScenario,
  compareScoringResults,
  formatVerification,
  summarizeVerifications,
  verifyScenario,
  verifySuite,
  VerifyInputError,
  type ScenarioVerification,
  type VerifyProgress,
} from '../../src/verify/index.js';
import { env, fixture, scratch } from './fixtures.js';

const template = Scenario.define().problem('p').workspace(fixture('py-calc'));

/** Scenarios whose scorer logs its start and end, to see how many ran at once. */
function loggingSuite(log: string, count: number) {
  return defineSuite(
    'logging',
    Array.from({ length: count }, (_, i) =>
      template
        .name(`s${i}`)
        .scorer(command(`echo "+ $(date +%s%N)" >> ${log}; sleep 0.2; echo "- $(date +%s%N)" >> ${log}; test -f fixed`))
        .referenceOutput('touch fixed'),
    ),
  );
}

/** The most scorers that were running at the same time, from a log of `+ t` and `- t` lines. */
function mostAtOnce(log: string): number {
  const events = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => [line[0] === '+' ? 1 : -1, BigInt(line.slice(2))] as const)
    .sort((a, b) => (a[1] === b[1] ? a[0] - b[0] : a[1] < b[1] ? -1 : 1));
  let running = 0;
  let most = 0;
  for (const [change] of events) most = Math.max(most, (running += change));
  return most;
}

describe('verifySuite', () => {
  it('verifies every scenario, at most `concurrency` at once, reporting progress, with results in suite order', async () => {
    const dir = scratch();
    const progress: VerifyProgress[] = [];
    const { results } = await verifySuite(loggingSuite(join(dir, 'log'), 4), { env, concurrency: 2, onProgress: (event) => progress.push(event) });
    expect(results.map((result) => [result.name, result.verdict])).toEqual([
      ['s0', 'verified'],
      ['s1', 'verified'],
      ['s2', 'verified'],
      ['s3', 'verified'],
    ]);
    expect(mostAtOnce(join(dir, 'log'))).toBe(2);
    const scenarioEvents = progress.filter((event) => event.type === 'scenario');
    expect(scenarioEvents.map((event) => [event.done, event.total])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(progress.filter((event) => event.type === 'run').map((event) => event.type === 'run' && `${event.name}:${event.case}`).sort()).toEqual(
      ['s0', 's1', 's2', 's3'].flatMap((name) => [`${name}:gold`, `${name}:noop`]),
    );
  });

  it('runs one scenario at a time with concurrency 1', async () => {
    const dir = scratch();
    await verifySuite(loggingSuite(join(dir, 'log'), 3), { env, concurrency: 1, cases: ['noop'] });
    expect(mostAtOnce(join(dir, 'log'))).toBe(1);
  });

  it('finishes every scenario when onProgress throws, then rejects with that error', async () => {
    const dir = scratch();
    const failing = () => {
      throw new Error('progress broke');
    };
    await expect(verifySuite(loggingSuite(join(dir, 'log'), 2), { env, cases: ['noop'], onProgress: failing })).rejects.toThrow('progress broke');
    expect(readFileSync(join(dir, 'log'), 'utf8').match(/^-/gm)).toHaveLength(2);
  });

  it('checks every scenario before running any: missing secrets and workspaces are listed together', async () => {
    const marker = join(scratch(), 'ran');
    const suite = defineSuite('bad-input', [
      template.name('fine').scorer(command(`touch ${marker}`)).referenceOutput('true'),
      template.name('secret').requiredSecrets(['SK_MISSING']).scorer(command('true')).referenceOutput('true'),
      template.name('nowhere').workspace('/no/such/dir').scorer(command('true')).referenceOutput('true'),
    ]);
    const error = await verifySuite(suite, { env }).catch((caught: unknown) => caught);
    expect((error as VerifyInputError).problems).toEqual([
      'scenario "secret" needs secret SK_MISSING, not set in the environment',
      'scenario "nowhere": its workspace /no/such/dir is not a directory',
    ]);
    expect(existsSync(marker)).toBe(false);
  });

  it('reports bad input of a scenario that could not be verified anyway (no reference): a mistyped workspace or a missing secret is still an error', async () => {
    const suite = defineSuite('bad-and-unverifiable', [
      template.name('typo').workspace('/no/such/dir').scorer(command('true')),
      template.name('secret').requiredSecrets(['SK_MISSING']).scorer(custom('nowhere-implemented')),
    ]);
    const error = await verifySuite(suite, { env }).catch((caught: unknown) => caught);
    expect((error as VerifyInputError).problems).toEqual([
      'scenario "typo": its workspace /no/such/dir is not a directory',
      'scenario "secret" needs secret SK_MISSING, not set in the environment',
    ]);
  });

  it('refuses an invalid suite', async () => {
    const suite = defineSuite('invalid', [template.name('a').scorer(command('true')), template.name('a').scorer(command('true'))]);
    await expect(verifySuite(suite, { env })).rejects.toBeInstanceOf(SuiteValidationError);
    await expect(verifySuite(suite, { env, concurrency: 0 })).rejects.toThrow('options.concurrency: must be a positive integer');
  });
});

describe('formatVerification and summarizeVerifications', () => {
  const verified: ScenarioVerification = {
    name: 'a',
    verdict: 'verified',
    problems: [],
    cases: { gold: { score: 1, flaky: false, runs: [] }, noop: { score: 0.25, flaky: false, runs: [] } },
  };
  const flaky: ScenarioVerification = {
    name: 'b',
    verdict: 'failed',
    problems: ['flaky: gold scored 1.0, 0.5, 1.0'],
    cases: {
      gold: {
        score: 0.5,
        flaky: true,
        runs: [1, 0.5, 1].map((score) => ({ score, scoring_function_results: [] })),
      },
    },
  };
  const missing: ScenarioVerification = { name: 'c', verdict: 'not-verifiable', problems: ['no reference_output'], cases: {} };

  it('show a line per scenario, then its problems', () => {
    expect(formatVerification(verified)).toBe('a: verified (gold 1.0, no-op 0.25)');
    expect(formatVerification(flaky)).toBe('b: failed (gold flaky 1.0/0.5/1.0)\n  - flaky: gold scored 1.0, 0.5, 1.0');
    expect(formatVerification(missing)).toBe('c: not verifiable\n  - no reference_output');
  });

  it('count the verdicts', () => {
    expect(summarizeVerifications([verified, flaky, missing])).toBe('verified 1 of 3 scenarios: 1 failed, 1 not verifiable');
    expect(summarizeVerifications([verified])).toBe('verified 1 of 1 scenario: 0 failed, 0 not verifiable');
  });
});

describe('the calibration scenario', () => {
  it('is six scorers weighted 1 to 32, ready to create', () => {
    const payload = calibrationScenario().buildCreate();
    expect(payload.name).toBe('scenariokit-calibration');
    expect(payload.scoring_contract.scoring_function_parameters.map((fn) => [fn.name, fn.weight * 63])).toEqual([
      ['prints-score-equals', 1],
      ['prints-bare-float', 2],
      ['prints-then-exits-1', 4],
      ['prints-no-score', 8],
      ['ast-grep-no-match', 16],
      ['test-exits-1', 32],
    ]);
    expect(payload.scoring_contract.scoring_function_parameters.map((fn) => fn.scorer)).toMatchInlineSnapshot(`
      [
        {
          "bash_script": "echo score=0.25",
          "type": "bash_script_scorer",
        },
        {
          "bash_script": "echo 0.5",
          "type": "bash_script_scorer",
        },
        {
          "bash_script": "echo 0.7; exit 1",
          "type": "bash_script_scorer",
        },
        {
          "bash_script": "echo hi",
          "type": "bash_script_scorer",
        },
        {
          "lang": "javascript",
          "pattern": "scenariokit_calibration_never_matches(\\$\\$\\$ARGS)",
          "search_directory": ".",
          "type": "ast_grep_scorer",
        },
        {
          "test_command": "bash scenariokit_calibration_test.sh",
          "test_files": [
            {
              "file_contents": "echo "this test fails on purpose"
      exit 1
      ",
              "file_path": "scenariokit_calibration_test.sh",
            },
          ],
          "type": "test_based_scorer",
        },
      ]
    `);
  });

  it('scores locally as the inferred rules say, and compares with a Runloop result scorer by scorer', async () => {
    const report = await verifyScenario(calibrationScenario(), { env, workspace: scratch(), cases: ['noop'] });
    const local = report.cases.noop!.runs[0]!;
    expect(local.scoring_function_results.map((r) => [r.scoring_function_name, r.score, r.state])).toEqual([
      ['prints-score-equals', 0.25, 'complete'],
      ['prints-bare-float', 0.5, 'complete'],
      ['prints-then-exits-1', 0.7, 'complete'],
      ['prints-no-score', 0, 'error'],
      ['ast-grep-no-match', 0, 'complete'],
      ['test-exits-1', 0, 'complete'],
    ]);
    expect(local.score).toBeCloseTo((0.25 * 1 + 0.5 * 2 + 0.7 * 4) / 63, 12);
    expect(compareScoringResults(local, local)).toEqual([]);
    // Runloop keeps scores as 32-bit floats: the same scores, rounded so, are the same
    const rounded = { score: Math.fround(local.score), scoring_function_results: local.scoring_function_results.map((r) => ({ ...r, score: Math.fround(r.score) })) };
    expect(compareScoringResults(local, rounded)).toEqual([]);
    // a Runloop that counted the failing exit as an error, and left errors out of the total
    const runloop = {
      score: (0.25 * 1 + 0.5 * 2) / (63 - 4 - 8),
      scoring_function_results: local.scoring_function_results.map((r) => (r.scoring_function_name === 'prints-then-exits-1' ? { ...r, score: 0, state: 'error' as const } : r)),
    };
    expect(compareScoringResults(local, runloop)).toEqual([
      'scorer prints-then-exits-1: locally 0.7 (complete), on Runloop 0.0 (error)',
      'total: locally 0.0642857, on Runloop 0.0245098',
    ]);
  });
});

it('runs bash scorers with bash, not sh', async () => {
  const report = await verifyScenario(template.name('bashisms').scorer(bashScript('[[ -n "$BASH_VERSION" ]] && echo 1.0')), { env, cases: ['noop'] });
  expect(report.cases.noop?.score).toBe(1);
});
