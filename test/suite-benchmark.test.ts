import { describe, expect, it } from 'vitest';
import { command, defineSuite, Scenario } from '../src/index.js';
import type { FakeRunloop } from '../src/testing/index.js';
import { startFake } from './testing/fake-helpers.js';

const template = Scenario.define().env({ blueprintId: 'bpt_parser' }).scorer(command('npm test'));
const suiteOf = (ids: readonly number[]) =>
  defineSuite(
    'parser-bugs',
    template.each(ids, (scenario, id) => scenario.name(`bug-${id}`).problem(`Bug ${id}`)),
  );
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const writes = (fake: FakeRunloop) => fake.requests.filter((request) => request.method === 'POST');
const benchmarkWrites = (fake: FakeRunloop) => writes(fake).filter((request) => request.path.startsWith('/v1/benchmarks'));
/** The ids of the stored scenarios named bug-<n>, in the order of `numbers`. */
const idsOf = (fake: FakeRunloop, numbers: readonly number[]) => numbers.map((n) => fake.scenarios.find((s) => s.name === `bug-${n}` && s.status === 'active')!.id);

describe('suite.push({ benchmark })', () => {
  it('creates the benchmark holding exactly the suite scenarios, once they are written', async () => {
    const fake = await startFake();
    const { results, benchmark } = await suiteOf(range(1, 4)).push({ client: fake.client(), benchmark: 'parser-bugs' });

    const ids = idsOf(fake, range(1, 4));
    expect(results.map((result) => result.id)).toEqual(ids);
    expect(fake.benchmarks).toEqual([{ id: benchmark!.id, name: 'parser-bugs', scenarioIds: ids, metadata: {}, status: 'active' }]);
    expect(benchmark).toEqual({ name: 'parser-bugs', action: 'create', id: expect.stringMatching(/^bmd_/), added: range(1, 4).map((n, i) => ({ name: `bug-${n}`, id: ids[i] })), removed: [] });
    expect(benchmarkWrites(fake).map((request) => [request.path, request.body])).toEqual([['/v1/benchmarks', { name: 'parser-bugs', scenario_ids: ids }]]);
    expect(fake.requests.at(-1)?.path).toBe('/v1/benchmarks'); // after every scenario write
  });

  it('writes nothing the second time: two reads, no write', async () => {
    const fake = await startFake();
    const client = fake.client();
    await suiteOf(range(1, 4)).push({ client, benchmark: 'parser-bugs' });
    const before = fake.requests.length;
    const { results, benchmark } = await suiteOf(range(1, 4)).push({ client, benchmark: 'parser-bugs' });

    const second = fake.requests.slice(before);
    expect(second.map((request) => `${request.method} ${request.path}`).sort()).toEqual(['GET /v1/benchmarks', 'GET /v1/scenarios']);
    expect(results.every((result) => result.action === 'unchanged')).toBe(true);
    expect(benchmark).toEqual({ name: 'parser-bugs', action: 'unchanged', id: fake.benchmarks[0]!.id, added: [], removed: [] });
  });

  it('updates the benchmark with the whole list when a scenario is added or removed; the removed scenario stays stored', async () => {
    const fake = await startFake();
    const client = fake.client();
    await suiteOf(range(1, 4)).push({ client, benchmark: 'parser-bugs' });
    const [bug1] = idsOf(fake, [1]);

    const grown = await suiteOf(range(1, 5)).push({ client, benchmark: 'parser-bugs' });
    expect(grown.benchmark).toMatchObject({ action: 'update', added: [{ name: 'bug-5', id: idsOf(fake, [5])[0] }], removed: [] });
    expect(fake.benchmarks[0]!.scenarioIds).toEqual(idsOf(fake, range(1, 5)));

    const shrunk = await suiteOf(range(2, 5)).push({ client, benchmark: 'parser-bugs' });
    expect(shrunk.benchmark).toMatchObject({ action: 'update', added: [], removed: [bug1] });
    expect(fake.benchmarks[0]!.scenarioIds).toEqual(idsOf(fake, range(2, 5)));
    expect(fake.scenarios.find((s) => s.id === bug1)?.status).toBe('active');
    const updates = benchmarkWrites(fake).filter((request) => request.path !== '/v1/benchmarks');
    expect(updates.map((request) => request.body)).toEqual([{ scenario_ids: idsOf(fake, range(1, 5)) }, { scenario_ids: idsOf(fake, range(2, 5)) }]);
    expect(fake.benchmarks).toHaveLength(1);
  });

  it('takes a benchmark holding the same scenarios in another order as unchanged, and keeps what else it has', async () => {
    const fake = await startFake();
    const client = fake.client();
    await suiteOf(range(1, 3)).push({ client });
    const existing = await client.benchmarks.create({ name: 'parser-bugs', scenario_ids: idsOf(fake, [3, 1, 2]), description: 'kept' });
    const { benchmark } = await suiteOf(range(1, 3)).push({ client, benchmark: 'parser-bugs' });
    expect(benchmark).toMatchObject({ action: 'unchanged', id: existing.id });

    await suiteOf(range(1, 4)).push({ client, benchmark: 'parser-bugs' });
    expect(fake.benchmarks).toEqual([{ ...existing, scenarioIds: idsOf(fake, range(1, 4)) }]);
  });

  it('refuses to guess when several benchmarks carry the name: the scenarios are pushed, the benchmarks left alone', async () => {
    const fake = await startFake();
    const client = fake.client();
    const one = await client.benchmarks.create({ name: 'parser-bugs' });
    const two = await client.benchmarks.create({ name: 'parser-bugs' });
    await client.benchmarks.create({ name: 'parser-bugs-2' });
    const { results, benchmark } = await suiteOf(range(1, 2)).push({ client, benchmark: 'parser-bugs' });

    expect(results.map((result) => [result.action, result.error])).toEqual([['create', undefined], ['create', undefined]]);
    expect(benchmark).toEqual({
      name: 'parser-bugs',
      action: 'update',
      added: [],
      removed: [],
      error: `not written: 2 benchmarks are named "parser-bugs" (${two.id}, ${one.id}); rename all but one (client.benchmarks.update(id, { name }))`,
    });
    expect(benchmarkWrites(fake)).toHaveLength(3); // the three creates above, nothing from the push
    expect(fake.benchmarks.every((view) => view.scenarioIds.length === 0)).toBe(true);
  });

  it('leaves the benchmark alone when a scenario write failed, and says which; the next push completes it', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    await suiteOf(range(1, 2)).push({ client, benchmark: 'parser-bugs' });
    const before = fake.benchmarks;
    const failed = await suiteOf(range(1, 4)).push({ client, benchmark: 'parser-bugs', concurrency: 1, onProgress: ({ done }) => done === 2 && fake.injectFault('500') });

    expect(failed.results.map((result) => [result.name, result.error === undefined])).toEqual([['bug-1', true], ['bug-2', true], ['bug-3', false], ['bug-4', true]]);
    expect(failed.benchmark).toMatchObject({
      action: 'update',
      error: 'not written: 1 scenario was not written ("bug-3"), and the benchmark must hold them all; push again',
    });
    expect(fake.benchmarks).toEqual(before);

    const again = await suiteOf(range(1, 4)).push({ client, benchmark: 'parser-bugs' });
    expect(again.benchmark).toMatchObject({ action: 'update', added: [{ name: 'bug-3' }, { name: 'bug-4' }] });
    expect(again.benchmark?.error).toBeUndefined();
    expect(fake.benchmarks[0]!.scenarioIds).toEqual(idsOf(fake, range(1, 4)));
  });

  it('keeps a failed benchmark write in the result instead of throwing', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const { benchmark } = await suiteOf(range(1, 2)).push({ client, benchmark: 'parser-bugs', concurrency: 1, onProgress: ({ done }) => done === 2 && fake.injectFault('503') });
    expect(benchmark).toMatchObject({ action: 'create', error: expect.stringMatching(/^503 /) });
    expect(benchmark?.id).toBeUndefined();
    expect(fake.benchmarks).toEqual([]);
  });

  it('writes nothing on a dry run, and says what it would do', async () => {
    const fake = await startFake();
    const { benchmark } = await suiteOf(range(1, 2)).push({ client: fake.client(), benchmark: 'parser-bugs', dryRun: true });
    expect(benchmark).toEqual({ name: 'parser-bugs', action: 'create', added: [{ name: 'bug-1' }, { name: 'bug-2' }], removed: [] });
    expect(writes(fake)).toEqual([]);
  });
});

describe('suite.plan({ benchmark })', () => {
  it('shows the benchmark to create, to change, or unchanged', async () => {
    const fake = await startFake();
    const client = fake.client();
    const first = await suiteOf(range(1, 2)).plan({ client, benchmark: 'parser-bugs' });
    expect(first.benchmark).toEqual({
      name: 'parser-bugs',
      action: 'create',
      add: [{ name: 'bug-1' }, { name: 'bug-2' }],
      remove: [],
      diff: '+ benchmark "parser-bugs" (new): 2 scenarios\n    + bug-1 (new)\n    + bug-2 (new)',
    });

    await suiteOf(range(1, 2)).push({ client, benchmark: 'parser-bugs' });
    const [bug1, bug2] = idsOf(fake, [1, 2]);
    const id = fake.benchmarks[0]!.id;
    expect((await suiteOf(range(1, 2)).plan({ client, benchmark: 'parser-bugs' })).benchmark).toEqual({
      name: 'parser-bugs',
      action: 'unchanged',
      id,
      add: [],
      remove: [],
      diff: `= benchmark "parser-bugs" (${id}): 2 scenarios`,
    });

    const changed = await suiteOf([2, 3]).plan({ client, benchmark: 'parser-bugs' });
    expect(changed.benchmark).toEqual({
      name: 'parser-bugs',
      action: 'update',
      id,
      add: [{ name: 'bug-3' }],
      remove: [bug1],
      diff: `~ benchmark "parser-bugs" (${id}): 1 scenario to add, 1 scenario to remove\n    + bug-3 (new)\n    - ${bug1}`,
    });
    expect(changed.items.map((item) => [item.name, item.id])).toEqual([['bug-2', bug2], ['bug-3', undefined]]);
    expect(writes(fake)).toHaveLength(3); // the push's two creates and its benchmark; plans write nothing
  });

  it('blocks the benchmark when a scenario cannot be pushed', async () => {
    const fake = await startFake();
    const client = fake.client();
    await template.name('bug-1').problem('p').create({ client });
    await template.name('bug-1').problem('p').create({ client });
    const { items, benchmark } = await suiteOf(range(1, 2)).plan({ client, benchmark: 'parser-bugs' });
    expect(items[0]?.error).toMatch(/^2 stored scenarios are named "bug-1"/);
    expect(benchmark).toMatchObject({ action: 'create', error: 'its scenarios are not known: "bug-1" cannot be pushed (see its item)' });
    expect(benchmark?.diff).toBe('! benchmark "parser-bugs": its scenarios are not known: "bug-1" cannot be pushed (see its item)');
  });

  it('has no benchmark without the option, and reads no benchmark', async () => {
    const fake = await startFake();
    const plan = await suiteOf(range(1, 2)).plan({ client: fake.client() });
    expect('benchmark' in plan).toBe(false);
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/scenarios']);
  });
});

describe('the options of plan() and push()', () => {
  it('reject an unknown key or a bad value, naming it, before any request', async () => {
    const fake = await startFake();
    const client = fake.client();
    const suite = suiteOf([1]);
    await expect(suite.push({ client, benchmrk: 'parser-bugs' } as never)).rejects.toThrow(
      new TypeError('Invalid push options:\n  - benchmrk: unknown option "benchmrk" — did you mean "benchmark"? [unknown-option]'),
    );
    await expect(suite.plan({ client, dryRun: true } as never)).rejects.toThrow(
      new TypeError('Invalid plan options:\n  - dryRun: unknown option "dryRun"; the options are "client", "requestOptions", "concurrency", "benchmark" [unknown-option]'),
    );
    await expect(suite.push({ client, benchmark: ' ', concurrency: 0 })).rejects.toThrow(
      new TypeError('Invalid push options:\n  - benchmark: must not be blank [invalid-option]\n  - concurrency: must be a whole number of at least 1 [invalid-option]'),
    );
    await expect(suite.plan({ client, benchmark: 7 as never })).rejects.toThrow('Invalid plan options:\n  - benchmark: must be the name of a benchmark [invalid-option]');
    await expect(suite.push({ client, signal: 'stop' as never })).rejects.toThrow('Invalid push options:\n  - signal: must be an AbortSignal [invalid-option]');
    expect(fake.requests).toEqual([]);
  });
});
