import { onTestFinished } from 'vitest';
import { command, Scenario } from '../../src/index.js';
import { startFakeRunloop, type FakeRunloop, type FakeRunloopOptions } from '../../src/testing/index.js';

/** Starts a fake that is closed when the current test finishes. */
export async function startFake(options?: FakeRunloopOptions): Promise<FakeRunloop> {
  const fake = await startFakeRunloop(options);
  onTestFinished(() => fake.close());
  return fake;
}

/** A complete scenario, ready to create. */
export const nullCheck = Scenario.define('fix-null-check')
  .env({ blueprintId: 'bpt_123', workingDirectory: '/home/user/repo' })
  .problem('parse() crashes on null input', { context: { issue: 42 } })
  .scorer(command('npm test', { name: 'tests' }));

/** The smallest create body the API accepts, in wire form. */
export const minimalCreateBody = {
  name: 'minimal',
  input_context: { problem_statement: 'p' },
  scoring_contract: { scoring_function_parameters: [{ name: 'cmd', weight: 1, scorer: { type: 'command_scorer' as const, command: 'true' } }] },
};
