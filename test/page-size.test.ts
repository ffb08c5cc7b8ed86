import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromHarborTask, harborBlueprints } from '../src/import/index.js';
import { command, defineSuite, Scenario } from '../src/index.js';
import type { FakeRunloop } from '../src/testing/index.js';
import { startFake } from './testing/fake-helpers.js';

/** The page size of every listing the fake received. */
const listingLimits = (fake: FakeRunloop) => fake.requests.filter((request) => request.method === 'GET' && /^\/v1\/\w+$/.test(request.path)).map((request) => [request.path, request.query.limit]);

describe('every listing scenariokit makes', () => {
  it('asks for the largest page Runloop serves, whatever it lists', async () => {
    const fake = await startFake();
    const one = defineSuite('one', [Scenario.define('only').problem('p').scorer(command('t'))]);
    await one.push({ client: fake.client(), benchmark: 'bench' }); // one name: looked up by name; then the benchmark by name
    await defineSuite('two', [Scenario.define('a').problem('p').scorer(command('t')), Scenario.define('b').problem('p').scorer(command('t'))]).plan({ client: fake.client() }); // several: the whole listing
    await fromHarborTask(fileURLToPath(new URL('fixtures/harbor/hello-world', import.meta.url)), { blueprintId: harborBlueprints({ client: fake.client() }) });
    const page = '5000'; // Runloop's largest page: a change to MAX_PAGE_SIZE must fail here
    expect(listingLimits(fake).sort()).toEqual([
      ['/v1/benchmarks', page],
      ['/v1/blueprints', page],
      ['/v1/scenarios', page],
      ['/v1/scenarios', page],
    ]);
  });
});
