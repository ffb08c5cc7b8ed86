import { BadRequestError, NotFoundError } from '@runloop/api-client';
import { describe, expect, it } from 'vitest';
import { OpenApiValidator } from '../../src/testing/openapi-validator.js';
import { nullCheck, startFake } from './fake-helpers.js';

const validator = OpenApiValidator.shared();

/** A fake with `count` scenarios, and a client for it. */
async function withScenarios(count: number) {
  const fake = await startFake();
  const client = fake.client({ maxRetries: 0 });
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) ids.push((await nullCheck.name(`s-${i}`).create({ client })).id);
  return { fake, client, ids };
}

describe('benchmarks in the fake', () => {
  it('creates a benchmark in the published view shape, and retrieves it', async () => {
    const { fake, client, ids } = await withScenarios(2);
    const view = await client.benchmarks.create({ name: 'smoke', scenario_ids: ids, description: 'the smoke tests', required_secret_names: [] });

    expect(view).toEqual({ id: expect.stringMatching(/^bmd_[0-9A-Za-z]{21}$/), name: 'smoke', scenarioIds: ids, metadata: {}, required_secret_names: [], description: 'the smoke tests', status: 'active' });
    expect(validator.validate('BenchmarkDefinitionView', view)).toEqual([]);
    expect(await client.benchmarks.retrieve(view.id)).toEqual(view);
    expect(fake.benchmarks).toEqual([view]);
    expect(fake.requests.at(-2)).toMatchObject({ method: 'POST', path: '/v1/benchmarks', body: { name: 'smoke', scenario_ids: ids } });
  });

  it('updates as the API documents: absent and null fields kept, provided ones replaced, empty ones clearing', async () => {
    const { client, ids } = await withScenarios(3);
    const created = await client.benchmarks.create({ name: 'smoke', scenario_ids: ids.slice(0, 2), metadata: { team: 'evals' } });

    const renamed = await client.benchmarks.update(created.id, { name: 'smoke-2', metadata: null, scenario_ids: null });
    expect(renamed).toEqual({ ...created, name: 'smoke-2' });
    const replaced = await client.benchmarks.update(created.id, { scenario_ids: [ids[2]!], metadata: { owner: 'ana' } });
    expect(replaced).toMatchObject({ scenarioIds: [ids[2]], metadata: { owner: 'ana' } });
    const emptied = await client.benchmarks.update(created.id, { scenario_ids: [], metadata: {} });
    expect(emptied).toMatchObject({ name: 'smoke-2', scenarioIds: [], metadata: {} });
  });

  it('answers 400 naming the field for a body the schema or the API refuses', async () => {
    const { fake, client, ids } = await withScenarios(1);
    const refused = async (call: Promise<unknown>) => {
      const error = (await call.catch((e: unknown) => e)) as BadRequestError;
      expect(error).toBeInstanceOf(BadRequestError);
      return error.message;
    };

    expect(await refused(client.benchmarks.create({ name: 'x', scenario_ids: 'scn_1' as never }))).toContain('invalid request body (BenchmarkCreateParameters): scenario_ids: must be an array or null');
    expect(await refused(client.benchmarks.create({ name: 'x', scenarioIds: ids } as never))).toContain('scenarioIds: unknown field');
    expect(await refused(client.benchmarks.create({} as never))).toContain('name: is required');
    expect(await refused(client.benchmarks.create({ name: 'x', scenario_ids: [ids[0]!, 'scn_missing'] }))).toContain('scenario_ids[1]: no scenario scn_missing');
    expect(await refused(client.benchmarks.create({ name: '  ' }))).toContain('name: must not be blank');
    const { id } = await client.benchmarks.create({ name: 'x' });
    expect(await refused(client.benchmarks.update(id, { metadata: { n: 1 } as never }))).toContain('invalid request body (BenchmarkUpdateParameters): metadata.n: must be a string');
    expect(await refused(client.benchmarks.update(id, { name: '' }))).toContain('name: must not be blank');
    expect(fake.benchmarks.map((view) => view.name)).toEqual(['x']);
  });

  it('answers 404 for an unknown id, and says what it does not serve', async () => {
    const { client } = await withScenarios(0);
    await expect(client.benchmarks.retrieve('bmd_nope')).rejects.toThrow(NotFoundError);
    await expect(client.benchmarks.update('bmd_nope', { name: 'x' })).rejects.toMatchObject({ status: 404, message: expect.stringContaining('benchmark bmd_nope not found') });
    const { id } = await client.benchmarks.create({ name: 'x' });
    await expect(client.benchmarks.updateScenarios(id, { scenarios_to_add: [] })).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining(`POST /v1/benchmarks/${id}/scenarios is part of Runloop's API but not of scenariokit's fake; it serves POST /v1/benchmarks, GET /v1/benchmarks`),
    });
  });

  it('lists newest first, filters by exact name, and pages with limit and starting_after', async () => {
    const { fake, client } = await withScenarios(0);
    const created = [];
    for (const name of ['a', 'ab', 'a', 'b', 'a']) created.push(await client.benchmarks.create({ name }));
    const namedA = created.filter((view) => view.name === 'a').reverse();

    const first = await client.benchmarks.list({ name: 'a', limit: 2 });
    expect(first.benchmarks).toEqual(namedA.slice(0, 2));
    expect([first.has_more, first.total_count]).toEqual([true, 3]);
    const all = [];
    for await (const view of client.benchmarks.list({ name: 'a', limit: 2 })) all.push(view);
    expect(all).toEqual(namedA);
    expect(fake.requests.filter((r) => r.method === 'GET').at(-1)?.query).toEqual({ name: 'a', limit: '2', starting_after: namedA[1]!.id });
    expect((await client.benchmarks.list({ include_total_count: false })).total_count).toBe(0); // the SDK's default for a missing count
    await expect(client.benchmarks.list({ starting_after: 'bmd_nope' })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('starting_after: no benchmark bmd_nope') });
  });

  it("serves a benchmark's scenarios through the scenario listing's benchmark_id", async () => {
    const { client, ids } = await withScenarios(3);
    const { id } = await client.benchmarks.create({ name: 'two', scenario_ids: [ids[0]!, ids[2]!] });
    const listed = await client.scenarios.list({ benchmark_id: id });
    expect(listed.scenarios.map((s) => s.id)).toEqual([ids[2], ids[0]]);
    expect((await client.scenarios.list({ benchmark_id: 'bmd_nope' })).scenarios).toEqual([]);
  });
});
