import { describe, expect, it } from 'vitest';
import { command, defineSuite, Scenario } from '../../src/index.js';
import { verifyScenario, VerifyInputError, verifySuite } from '../../src/verify/index.js';
import { env } from './fixtures.js';

const scenario = Scenario.define('s').problem('p').scorer(command('true')).referenceOutput('true');

/** The problems verifyScenario (or verifySuite) lists for `options`. */
async function problems(options: unknown, suite = false): Promise<readonly string[]> {
  const run = suite ? verifySuite(defineSuite('one', [scenario]), options as never) : verifyScenario(scenario, options as never);
  const error = await run.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(VerifyInputError);
  return (error as VerifyInputError).problems;
}

describe('the options of verifyScenario and verifySuite', () => {
  it('say what they got instead of a scenario builder or a suite', async () => {
    await expect(verifyScenario({ name: 's' } as never)).rejects.toThrow(new TypeError('verifyScenario takes a scenario builder (Scenario.define(…)); got an object'));
    await expect(verifySuite([scenario] as never)).rejects.toThrow(new TypeError('verifySuite takes a suite (defineSuite(name, scenarios)); got an array'));
  });

  it('name an unknown key with the did-you-mean every option check of the project gives', async () => {
    expect(await problems({ env, custmScorers: {} })).toEqual(['unknown option "custmScorers" — did you mean "customScorers"?']);
    expect(await problems({ env, concurency: 2 }, true)).toEqual(['unknown option "concurency" — did you mean "concurrency"?']);
    expect(await problems({ env, zzz: 1 })).toEqual([expect.stringMatching(/^unknown option "zzz"; the options are "workspace", "runs", "cases", /)]);
  });

  it('still check what the key check leaves to the schema: a list that is not one, or is empty', async () => {
    expect(await problems({ env, cases: 'gold' })).toEqual(['options.cases: must be a list of "gold" and "noop"']);
    expect(await problems({ env, cases: [], runs: 'twice' })).toEqual(['options.runs: must be a positive integer', 'options.cases: must name at least one case']);
    expect(await problems(5)).toEqual(['options: must be an object of options (got the number 5)']);
  });
});
