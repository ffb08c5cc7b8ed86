// The rounds of the build benchmark, on the built package in plain Node (as users run it):
// `node bench/build-run.mjs` prints, for the one-off and the suite cases, the microseconds of CPU
// per scenario of each round of each side: { oneOff: { scenariokit, sdk, literal }, suite: {…} }.
// (Inside the benchmark's own tsx process, the package and zod went through tsx's loader, zod as
// CommonJS, which made scenariokit about 30% slower and the SDK's builder hardly at all.)
import { ScenarioBuilder as SdkScenarioBuilder } from '@runloop/api-client/sdk/scenario-builder';
import { astGrep, command, Scenario, testBased } from '../dist/index.js';

const testFile = `import { parse } from '../src/parser';\nit('parses null', () => expect(parse(null)).toEqual({ type: 'Program', body: [] }));\n`;

/** With scenariokit: validated, weights normalised, pattern escaped, frozen. */
function scenariokitScenario(name, problem) {
  return Scenario.define(name)
    .env({ blueprintId: 'bpt_123', workingDirectory: '/home/user/repo' })
    .problem(problem)
    .scorer(astGrep('if ($X == null) { $$$ }', { searchDirectory: 'src', lang: 'typescript' }), 2)
    .scorer(testBased({ command: 'npm test -- parser', files: { 'test/null.test.ts': testFile } }), 1)
    .scorer(command('npm run lint'), 1);
}

// The SDK builder needs a client to construct but never uses it in build().
const noClient = {};
const blueprint = { id: 'bpt_123' };

/** With the SDK's ScenarioBuilder: mutable, validates almost nothing. The pattern is escaped by hand. */
function sdkScenario(name, problem) {
  return new SdkScenarioBuilder(name, noClient)
    .fromBlueprint(blueprint)
    .withWorkingDirectory('/home/user/repo')
    .withProblemStatement(problem)
    .addAstGrepScorer('ast-grep', { pattern: 'if (\\$X == null) { \\$\\$\\$ }', search_directory: 'src', lang: 'typescript', weight: 2 })
    .addTestCommandScorer('test-based', { test_command: 'npm test -- parser', test_files: [{ file_path: 'test/null.test.ts', file_contents: testFile }] })
    .addShellCommandScorer('command', { command: 'npm run lint' });
}

/** A plain object literal, weights computed by hand: what writing JSON by hand costs. */
function literalScenario(name, problem) {
  return {
    name,
    input_context: { problem_statement: problem },
    scoring_contract: {
      scoring_function_parameters: [
        { name: 'ast-grep', scorer: { type: 'ast_grep_scorer', pattern: 'if (\\$X == null) { \\$\\$\\$ }', search_directory: 'src', lang: 'typescript' }, weight: 0.5 },
        { name: 'test-based', scorer: { type: 'test_based_scorer', test_command: 'npm test -- parser', test_files: [{ file_path: 'test/null.test.ts', file_contents: testFile }] }, weight: 0.25 },
        { name: 'command', scorer: { type: 'command_scorer', command: 'npm run lint' }, weight: 0.25 },
      ],
    },
    environment_parameters: { blueprint_id: 'bpt_123', working_directory: '/home/user/repo' },
  };
}

/**
 * Times the cases in alternating rounds: each round runs every case once, `iterations` times
 * over, the cases in one order on even rounds and the reverse on odd ones, so that a noisy
 * stretch of a shared machine (or a garbage collection left by the case before) falls on every
 * side alike. A case runs its own loop, as a user's loop would: one loop calling every case would
 * make its call site megamorphic, and the engine would then inline no case into it. Time is the
 * process's CPU time (user + system, garbage collection threads included), which other processes
 * move much less than wall time. Returns, per case, the mean microseconds of CPU per scenario of
 * each round (warm-up rounds left out).
 */
function alternatingRounds(cases, { rounds, iterations, perIteration = 1, warmupRounds = 3 }) {
  const names = Object.keys(cases);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = -warmupRounds; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const start = process.cpuUsage();
      cases[name](iterations);
      const used = process.cpuUsage(start);
      if (round >= 0) samples[name].push((used.user + used.system) / iterations / perIteration);
    }
  }
  return samples;
}

const [oneOffRounds, oneOffIterations, suiteRounds, suiteSize] = process.argv.slice(2).map(Number);
const names = Array.from({ length: suiteSize }, (_, i) => `bug-${i}`);
const problems = Array.from({ length: suiteSize }, (_, i) => `parse() crashes on input #${i}; make it return an empty AST.`);

const oneOff = alternatingRounds(
  {
    scenariokit: (n) => {
      for (let k = 0; k < n; k++) JSON.stringify(scenariokitScenario(names[k], problems[k]).build());
    },
    sdk: (n) => {
      for (let k = 0; k < n; k++) JSON.stringify(sdkScenario(names[k], problems[k]).build());
    },
    literal: (n) => {
      for (let k = 0; k < n; k++) JSON.stringify(literalScenario(names[k], problems[k]));
    },
  },
  { rounds: oneOffRounds, iterations: oneOffIterations },
);

// A suite: every scenario built and serialised; scenariokit's branch from one template.
const template = scenariokitScenario('template', 'template');
const suite = alternatingRounds(
  {
    scenariokit: () => {
      for (let k = 0; k < suiteSize; k++) JSON.stringify(template.name(names[k]).problem(problems[k]).build());
    },
    sdk: () => {
      for (let k = 0; k < suiteSize; k++) JSON.stringify(sdkScenario(names[k], problems[k]).build());
    },
    literal: () => {
      for (let k = 0; k < suiteSize; k++) JSON.stringify(literalScenario(names[k], problems[k]));
    },
  },
  { rounds: suiteRounds, iterations: 1, perIteration: suiteSize },
);

console.log(JSON.stringify({ oneOff, suite }));
