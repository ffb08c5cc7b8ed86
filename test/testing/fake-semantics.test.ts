import { AuthenticationError, BadRequestError, NotFoundError, PermissionDeniedError } from '@runloop/api-client';
import { describe, expect, it } from 'vitest';
import { astGrep, command, Scenario } from '../../src/index.js';
import { minimalCreateBody, nullCheck, startFake } from './fake-helpers.js';
import { RecordStore } from '../../src/testing/record-store.js';

describe('update semantics', () => {
  it('keeps absent and null fields', async () => {
    const fake = await startFake();
    const client = fake.client();
    const created = await nullCheck.metadata({ team: 'evals' }).referenceOutput('diff').requiredEnv(['TOKEN']).create({ client });
    const renamed = await client.scenarios.update(created.id, { name: 'renamed', metadata: null, reference_output: null, environment_parameters: null });

    expect(renamed).toEqual({ ...created, name: 'renamed' });
  });

  it('replaces provided fields entirely: a metadata map, a scoring contract, an environment', async () => {
    const fake = await startFake();
    const client = fake.client();
    const created = await nullCheck
      .env({ launch: { resourceSize: 'LARGE', keepAliveSeconds: 600 } })
      .metadata({ team: 'evals', owner: 'ana' })
      .scorer(astGrep('console.log($$$)', { name: 'no-logs' }))
      .create({ client });
    const updated = await Scenario.define()
      .env({ snapshotId: 'snp_9' })
      .metadata({ team: 'core' })
      .scorer(command('npm run lint', { name: 'lint' }))
      .push(created.id, { client });

    expect(updated.environment).toEqual({ snapshot_id: 'snp_9' });
    expect(updated.metadata).toEqual({ team: 'core' });
    expect(updated.scoring_contract).toEqual({
      scoring_function_parameters: [{ name: 'lint', weight: 1, scorer: { type: 'command_scorer', command: 'npm run lint' } }],
    });
    expect(updated.name).toBe(created.name);
  });

  it('clears with the empty values the API documents', async () => {
    const fake = await startFake();
    const client = fake.client();
    const created = await nullCheck.metadata({ a: '1' }).referenceOutput('diff').requiredEnv(['A']).requiredSecrets(['s']).create({ client });
    const cleared = await Scenario.define()
      .clear('metadata')
      .clear('referenceOutput')
      .clear('requiredEnv')
      .clear('requiredSecrets')
      .push(created.id, { client });

    expect(cleared).toMatchObject({ metadata: {}, reference_output: '', required_environment_variables: [], required_secret_names: [] });
  });

  it('replaces a provided input_context entirely: context not sent again is gone', async () => {
    const fake = await startFake();
    const client = fake.client();
    const created = await nullCheck.create({ client });
    const updated = await nullCheck.problem('new statement').push(created.id, { client });

    expect(created.input_context.additional_context).toEqual({ issue: 42 });
    expect(updated.input_context).toEqual({ problem_statement: 'new statement' });
  });

  it('keeps the problem statement and the scorer list when an update object leaves them out', async () => {
    const fake = await startFake();
    const client = fake.client();
    const created = await nullCheck.create({ client });
    const updated = await client.scenarios.update(created.id, { input_context: { additional_context: { k: 1 } }, scoring_contract: {} });

    expect(updated.input_context).toEqual({ problem_statement: created.input_context.problem_statement, additional_context: { k: 1 } });
    expect(updated.scoring_contract).toEqual(created.scoring_contract);
  });

  it('stores the reference page fields is_public and prebuilt_id', async () => {
    const fake = await startFake();
    const created = await nullCheck.env({ prebuiltId: 'pre_1' }).public().create({ client: fake.client() });

    expect(created.is_public).toBe(true);
    expect(created.environment).toEqual({ prebuilt_id: 'pre_1', working_directory: '/home/user/repo' });
  });
});

describe('listing', () => {
  async function seeded(count: number) {
    const fake = await startFake();
    const client = fake.client();
    for (let i = 0; i < count; i++) await client.scenarios.create({ ...minimalCreateBody, name: `scenario-${i}` });
    return { fake, client };
  }

  it('pages newest first with limit, starting_after and has_more; total_count counts every match', async () => {
    const { fake, client } = await seeded(5);
    const first = await client.scenarios.list({ limit: 2 });
    const second = await client.scenarios.list({ limit: 2, starting_after: first.scenarios[1]!.id });
    const last = await client.scenarios.list({ limit: 2, starting_after: second.scenarios[1]!.id });

    expect([first, second, last].map((page) => [page.scenarios.map((s) => s.name), page.has_more, page.total_count])).toEqual([
      [['scenario-4', 'scenario-3'], true, 5],
      [['scenario-2', 'scenario-1'], true, 5],
      [['scenario-0'], false, 5],
    ]);
    expect(fake.requests.at(-1)?.query).toEqual({ limit: '2', starting_after: second.scenarios[1]!.id });
  });

  it("walks every page with the SDK's auto-pagination", async () => {
    const { fake, client } = await seeded(5);
    const names: string[] = [];
    for await (const scenario of client.scenarios.list({ limit: 2 })) names.push(scenario.name);

    expect(names).toEqual(['scenario-4', 'scenario-3', 'scenario-2', 'scenario-1', 'scenario-0']);
    expect(fake.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
  });

  it('filters by exact name and by a search on id or name', async () => {
    const { client } = await seeded(12);
    const byName = await client.scenarios.list({ name: 'scenario-1' });
    const bySearch = await client.scenarios.list({ search: 'SCENARIO-1' });
    const byId = await client.scenarios.list({ search: byName.scenarios[0]!.id.slice(4, 14) });

    expect(byName.scenarios.map((s) => s.name)).toEqual(['scenario-1']);
    expect(bySearch.scenarios.map((s) => s.name)).toEqual(['scenario-11', 'scenario-10', 'scenario-1']);
    expect(byId.scenarios.map((s) => s.name)).toEqual(['scenario-1']);
  });

  it('defaults to 20 per page and can leave out total_count', async () => {
    const { client } = await seeded(21);
    const page = await client.scenarios.list();
    const uncounted = await client.scenarios.list({ include_total_count: false, limit: 1 });

    expect([page.scenarios.length, page.has_more, page.total_count]).toEqual([20, true, 21]);
    expect(uncounted.total_count).toBe(0); // the SDK reads a missing total_count as 0
  });

  it('answers 400 for a cursor that names no scenario and for a bad limit', async () => {
    const { client } = await seeded(1);
    await expect(client.scenarios.list({ starting_after: 'scn_missing' })).rejects.toThrow(/400 starting_after: no scenario scn_missing/);
    await expect(client.scenarios.list({ limit: 0 })).rejects.toThrow(BadRequestError);
    await expect(client.scenarios.list({ limit: 0 })).rejects.toThrow('limit: must be a positive whole number (got "0"); more than 5000 is served as 5000');
  });

  it('serves at most 5000 a page, however many are asked for, and says there are more', () => {
    const store = new RecordStore<{ id: string }>({ kind: 'record', idPrefix: 'rec', initial: Array.from({ length: 5001 }, (_, i) => ({ id: `rec_${i}` })) });
    const page = store.list({ limit: 6000, startingAfter: undefined, includeTotalCount: true }, () => true);
    expect([page.items.length, page.hasMore]).toEqual([5000, true]);
  });
});

describe('archive', () => {
  it('hides an archived scenario from listings, still retrieves it, and refuses to update it', async () => {
    const fake = await startFake();
    const client = fake.client();
    const kept = await nullCheck.name('kept').create({ client });
    const gone = await nullCheck.name('gone').create({ client });
    const archived = await client.scenarios.archive(gone.id);

    expect(archived).toEqual({ ...gone, status: 'archived' });
    expect((await client.scenarios.list()).scenarios.map((s) => s.id)).toEqual([kept.id]);
    expect(await client.scenarios.retrieve(gone.id)).toEqual(archived);
    const error = await nullCheck.name('again').push(gone.id, { client }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toBe(`400 scenario ${gone.id} is archived; archived scenarios cannot be updated`);
    expect(fake.scenarios.find((s) => s.id === gone.id)?.name).toBe('gone');
  });

  it('refuses to archive a public scenario, as the API does', async () => {
    const fake = await startFake();
    const client = fake.client();
    const published = await nullCheck.public().create({ client });
    await expect(client.scenarios.archive(published.id)).rejects.toThrow(PermissionDeniedError);
    expect((await client.scenarios.listPublic()).scenarios.map((s) => s.id)).toEqual([published.id]);
  });
});

describe('errors', () => {
  it('answers 401 to a wrong or missing bearer token, and records the attempt without the token', async () => {
    const fake = await startFake();
    await expect(fake.client({ bearerToken: 'wrong-key' }).scenarios.list()).rejects.toThrow(AuthenticationError);
    const missing = await fetch(`${fake.baseURL}/v1/scenarios`);

    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { message: string }).message).toMatch(/missing bearer token/);
    expect(fake.requests.map((r) => [r.auth, r.status, r.headers.authorization])).toEqual([
      ['invalid', 401, 'Bearer ****'],
      ['missing', 401, undefined],
    ]);
    expect(JSON.stringify(fake.requests)).not.toContain('wrong-key');
  });

  it('answers 404 to an unknown scenario id, on retrieve, update and archive', async () => {
    const fake = await startFake();
    const client = fake.client();
    await expect(client.scenarios.retrieve('scn_unknown')).rejects.toThrow(NotFoundError);
    await expect(nullCheck.push('scn_unknown', { client })).rejects.toThrow('404 scenario scn_unknown not found');
    await expect(client.scenarios.archive('scn_unknown')).rejects.toThrow(NotFoundError);
  });

  it('answers 400 naming an unknown field', async () => {
    const fake = await startFake();
    const client = fake.client();
    const { id } = await client.scenarios.create(minimalCreateBody);
    const body = {
      scoring_contract: { scoring_function_parameters: [{ name: 'a', weight: 1, scorer: { type: 'command_scorer', command: 'x', typo: true } }] },
    };
    const error = await client.scenarios.update(id, body as never).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toBe(
      '400 invalid request body (ScenarioUpdateParameters): scoring_contract.scoring_function_parameters[0].scorer.typo: unknown field',
    );
    expect((error as BadRequestError).error).toMatchObject({ issues: [{ path: 'scoring_contract.scoring_function_parameters[0].scorer.typo', message: 'unknown field' }] });
  });

  it('answers 400 naming a wrong enum value and listing the allowed ones', async () => {
    const fake = await startFake();
    const body = { ...minimalCreateBody, environment_parameters: { launch_parameters: { resource_size_request: 'HUGE' } }, validation_type: 'SIDEWAYS' };
    const error = await fake.client().scenarios.create(body as never).catch((e: unknown) => e);

    expect((error as Error).message).toMatchInlineSnapshot(
      `"400 invalid request body (ScenarioCreateParameters): environment_parameters.launch_parameters.resource_size_request: must be one of X_SMALL, SMALL, MEDIUM, LARGE, X_LARGE, XX_LARGE, CUSTOM_SIZE (or null); validation_type: must be one of UNSPECIFIED, FORWARD, REVERSE, EVALUATION (or null)"`,
    );
    expect(fake.scenarios).toEqual([]);
  });

  it('answers 400 to a create without name, input_context or scoring_contract, and to a wrong scorer type', async () => {
    const fake = await startFake();
    const client = fake.client();
    await expect(client.scenarios.create({} as never)).rejects.toThrow(
      '400 invalid request body (ScenarioCreateParameters): name: is required; input_context: is required; scoring_contract: is required',
    );
    const wrongType = { ...minimalCreateBody, scoring_contract: { scoring_function_parameters: [{ name: 'a', weight: 1, scorer: { type: 'regex_scorer' } }] } };
    await expect(client.scenarios.create(wrongType as never)).rejects.toThrow(
      'scoring_contract.scoring_function_parameters[0].scorer.type: must be one of ast_grep_scorer, bash_script_scorer, command_scorer, custom_scorer, python_script_scorer, test_based_scorer (got "regex_scorer")',
    );
  });

  it('answers 400 to a body that is not JSON, and 404 to endpoints it does not serve', async () => {
    const fake = await startFake();
    const headers = { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' };
    const notJson = await fetch(`${fake.baseURL}/v1/scenarios`, { method: 'POST', headers, body: '{"name":' });
    const runs = await fetch(`${fake.baseURL}/v1/scenarios/runs`, { headers });

    expect([notJson.status, ((await notJson.json()) as { message: string }).message]).toEqual([400, expect.stringMatching(/^request body is not valid JSON/)]);
    expect([runs.status, ((await runs.json()) as { message: string }).message]).toEqual([404, expect.stringMatching(/part of Runloop's API but not of scenariokit's fake/)]);
    expect(fake.requests[0]?.body).toBe('{"name":');
  });
});

describe('reset', () => {
  it("forgets scenarios and requests, and starts a seeded fake's ids over", async () => {
    const fake = await startFake({ seed: 9 });
    const first = await nullCheck.create({ client: fake.client() });
    fake.reset();
    expect([fake.scenarios, fake.requests]).toEqual([[], []]);
    const again = await nullCheck.create({ client: fake.client() });
    expect(again.id).toBe(first.id);
    expect(fake.requests.map((r) => r.seq)).toEqual([1]);
  });
});

describe('ids', () => {
  const firstIds = async (options: { seed?: number }) => {
    const fake = await startFake(options);
    const ids = [];
    for (const name of ['a', 'b']) ids.push((await nullCheck.name(name).create({ client: fake.client() })).id);
    return ids;
  };

  it('are unique across fakes without a seed', async () => {
    const [one, two, three] = [await firstIds({}), await firstIds({}), await firstIds({})];
    expect(new Set([...one!, ...two!, ...three!]).size).toBe(6);
    for (const id of [...one!, ...two!, ...three!]) expect(id).toMatch(/^scn_[0-9A-Za-z]{21}$/);
  });

  it('repeat from run to run with the same seed, and differ with another', async () => {
    expect(await firstIds({ seed: 4 })).toEqual(await firstIds({ seed: 4 }));
    expect(await firstIds({ seed: 5 })).not.toEqual(await firstIds({ seed: 4 }));
  });
});

describe('idempotency keys', () => {
  it('answers a repeated key with the first answer, and refuses the same key on another request', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const first = await nullCheck.create({ client, requestOptions: { idempotencyKey: 'key-1' } });
    const again = await nullCheck.create({ client, requestOptions: { idempotencyKey: 'key-1' } });
    expect(again).toEqual(first);
    expect(fake.scenarios).toHaveLength(1);
    const other = nullCheck.name('another').create({ client, requestOptions: { idempotencyKey: 'key-1' } });
    await expect(other).rejects.toMatchObject({ status: 422, message: expect.stringContaining('idempotency key key-1 was already used for another request (POST /v1/scenarios)') });
    expect(fake.scenarios).toHaveLength(1);
  });
});
