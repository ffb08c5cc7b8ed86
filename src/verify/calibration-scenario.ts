import { Scenario } from '../scenario/scenario.js';
import type { ScenarioBuilder } from '../scenario/scenario-builder.js';
import type { Step } from '../scenario/build-steps.js';
import { astGrep } from '../scorers/ast-grep.js';
import { bashScript } from '../scorers/bash-script.js';
import { testBased } from '../scorers/test-based.js';

/**
 * A scenario that settles, run once on Runloop, the rules of scoring that are inferred rather
 * than documented: `score=` against a bare float, whether a bash scorer's exit status matters,
 * what printing no score gives, ast-grep's verdict on no match, and how an `error` weighs in
 * the total. Six scorers, weighted 1, 2, 4, 8, 16 and 32 (over 63), so that the total shows
 * which of them counted. Score it once without changes and compare with the local engine (see
 * `compareScoringResults`).
 *
 * @example
 * ```ts
 * const payload = calibrationScenario().buildCreate(); // what `scenariokit verify --calibration` prints
 * const local = await verifyScenario(calibrationScenario(), { workspace: emptyDirectory, cases: ['noop'] });
 * ```
 */
export function calibrationScenario(): ScenarioBuilder<Step> {
  return Scenario.define('scenariokit-calibration')
    .problem(
      'Do nothing. This scenario calibrates the local scorer engine of scenariokit: score it once, unchanged, and compare the scores with `scenariokit verify`.',
    )
    .scorer(bashScript('echo score=0.25', { name: 'prints-score-equals' }), 1)
    .scorer(bashScript('echo 0.5', { name: 'prints-bare-float' }), 2)
    .scorer(bashScript('echo 0.7; exit 1', { name: 'prints-then-exits-1' }), 4)
    .scorer(bashScript('echo hi', { name: 'prints-no-score' }), 8)
    .scorer(astGrep('scenariokit_calibration_never_matches($$$ARGS)', { name: 'ast-grep-no-match', searchDirectory: '.', lang: 'javascript' }), 16)
    .scorer(
      testBased({
        name: 'test-exits-1',
        command: 'bash scenariokit_calibration_test.sh',
        files: { 'scenariokit_calibration_test.sh': 'echo "this test fails on purpose"\nexit 1\n' },
      }),
      32,
    )
    .metadata({ purpose: 'calibration of scenariokit verify' });
}
