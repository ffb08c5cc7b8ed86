/**
 * Benchmark 1: build + validate + JSON.stringify of a three-scorer scenario, scenariokit against
 * the SDK's ScenarioBuilder (which validates almost nothing) and a plain object literal, for a
 * one-off scenario and for a 10,000-scenario suite branched from one template. The three sides
 * alternate round by round; each ratio is the median of the rounds' ratios.
 */
import { literalScenario, scenariokitScenario, sdkScenario } from './fixtures.js';
import { type BenchReport, alternatingRounds, load, median, medianRatio, verdict } from './measure.js';

const SUITE_SIZE = 10_000;
const names = Array.from({ length: SUITE_SIZE }, (_, i) => `bug-${i}`);
const problems = Array.from({ length: SUITE_SIZE }, (_, i) => `parse() crashes on input #${i}; make it return an empty AST.`);

/** One-off: rounds of 2,000 scenarios each side. */
const ONE_OFF = { rounds: 41, iterations: 2_000 };
/** Suite: rounds of one 10,000-scenario suite each side. */
const SUITE = { rounds: 21, iterations: 1 };

export async function buildBenchmark(): Promise<BenchReport> {
  const loadBefore = load();
  const oneOff = alternatingRounds(
    {
      scenariokit: (iterations) => {
        for (let k = 0; k < iterations; k++) JSON.stringify(scenariokitScenario(names[k]!, problems[k]!).build());
      },
      sdk: (iterations) => {
        for (let k = 0; k < iterations; k++) JSON.stringify(sdkScenario(names[k]!, problems[k]!).build());
      },
      literal: (iterations) => {
        for (let k = 0; k < iterations; k++) JSON.stringify(literalScenario(names[k]!, problems[k]!));
      },
    },
    ONE_OFF,
  );

  // A suite: 10,000 scenarios per iteration, every one built and serialised.
  const template = scenariokitScenario('template', 'template');
  const suite = alternatingRounds(
    {
      scenariokit: () => {
        for (let k = 0; k < SUITE_SIZE; k++) JSON.stringify(template.name(names[k]!).problem(problems[k]!).build());
      },
      sdk: () => {
        for (let k = 0; k < SUITE_SIZE; k++) JSON.stringify(sdkScenario(names[k]!, problems[k]!).build());
      },
      literal: () => {
        for (let k = 0; k < SUITE_SIZE; k++) JSON.stringify(literalScenario(names[k]!, problems[k]!));
      },
    },
    SUITE,
  );
  const loadAfter = load();

  // throughput ratio: the SDK's time over scenariokit's, round by round
  const oneOffRatio = verdict(medianRatio(oneOff.sdk, oneOff.scenariokit), 0.5, '≥');
  const suiteRatio = verdict(medianRatio(suite.sdk, suite.scenariokit), 1.0, '≥');
  const us = (samples: readonly number[], per = 1) => (median(samples) / per).toFixed(2);
  const perScenario = (samples: readonly number[]) => us(samples, SUITE_SIZE);
  const body = [
    '| case | scenariokit | SDK ScenarioBuilder | object literal | scenariokit ÷ SDK (throughput, median of the rounds\' ratios) |',
    '| --- | --- | --- | --- | --- |',
    `| one-off scenario (${ONE_OFF.rounds} rounds of ${ONE_OFF.iterations.toLocaleString('en')}) | ${us(oneOff.scenariokit)} µs | ${us(oneOff.sdk)} µs | ${us(oneOff.literal)} µs | ${oneOffRatio.text} |`,
    `| per scenario of a ${SUITE_SIZE.toLocaleString('en')}-scenario suite (${SUITE.rounds} rounds) | ${perScenario(suite.scenariokit)} µs | ${perScenario(suite.sdk)} µs | ${perScenario(suite.literal)} µs | ${suiteRatio.text} |`,
    '',
    `Each figure is the median over the rounds of the mean CPU time (user + system, of the benchmark's process) to build, validate (scenariokit only) and \`JSON.stringify\` one scenario: three scorers (ast-grep, test-based with one file, command), a blueprint and a working directory. The suite branches 10,000 scenarios (a new name and problem each) from one template; the SDK builder, being mutable, makes a builder per scenario. The three sides alternate round by round (the order reversed every other round, after 3 warm-up rounds), and each ratio is the median of the rounds' ratios, so a noisy stretch of the machine falls on both sides of a ratio. Machine load: ${loadBefore} before, ${loadAfter} after.`,
  ].join('\n');
  return { title: 'Build, validate and serialise', body, met: oneOffRatio.met && suiteRatio.met };
}
