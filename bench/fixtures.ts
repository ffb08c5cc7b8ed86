/**
 * The scenario every build benchmark makes: three scorers, a blueprint, a working directory, as
 * the SDK's ScenarioBuilder can express it too.
 */
import { ScenarioBuilder as SdkScenarioBuilder } from '@runloop/api-client/sdk/scenario-builder';
import type { Runloop } from '@runloop/api-client';
// the built package, as users run it (and as the SDK's builder is measured, from its package):
// `npm run bench` builds first. The sources run through tsx's loader ran about a fifth slower here.
import { astGrep, command, Scenario, testBased } from '../dist/index.js';

export const testFile = `import { parse } from '../src/parser';\nit('parses null', () => expect(parse(null)).toEqual({ type: 'Program', body: [] }));\n`;

/** With scenariokit: validated, weights normalised, pattern escaped, frozen. */
export function scenariokitScenario(name: string, problem: string) {
  return Scenario.define(name)
    .env({ blueprintId: 'bpt_123', workingDirectory: '/home/user/repo' })
    .problem(problem)
    .scorer(astGrep('if ($X == null) { $$$ }', { searchDirectory: 'src', lang: 'typescript' }), 2)
    .scorer(testBased({ command: 'npm test -- parser', files: { 'test/null.test.ts': testFile } }), 1)
    .scorer(command('npm run lint'), 1);
}

// The SDK builder needs a client to construct but never uses it in build().
const noClient = {} as Runloop;
const blueprint = { id: 'bpt_123' } as never;

/** With the SDK's ScenarioBuilder: mutable, validates almost nothing. The pattern is escaped by hand. */
export function sdkScenario(name: string, problem: string) {
  return new SdkScenarioBuilder(name, noClient)
    .fromBlueprint(blueprint)
    .withWorkingDirectory('/home/user/repo')
    .withProblemStatement(problem)
    .addAstGrepScorer('ast-grep', { pattern: 'if (\\$X == null) { \\$\\$\\$ }', search_directory: 'src', lang: 'typescript', weight: 2 })
    .addTestCommandScorer('test-based', { test_command: 'npm test -- parser', test_files: [{ file_path: 'test/null.test.ts', file_contents: testFile }] })
    .addShellCommandScorer('command', { command: 'npm run lint' });
}

/** A plain object literal, weights computed by hand: what writing JSON by hand costs. */
export function literalScenario(name: string, problem: string) {
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
