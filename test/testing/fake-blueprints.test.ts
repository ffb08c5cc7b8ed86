import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadRequestError, NotFoundError, RunloopSDK } from '@runloop/api-client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { OpenApiValidator } from '../../src/testing/openapi-validator.js';
import { startFake } from './fake-helpers.js';

const validator = OpenApiValidator.shared();

describe('blueprints in the fake', () => {
  it('creates a blueprint that is built at once, in the published view shape', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const before = Date.now();
    const view = await client.blueprints.create({ name: 'py312', dockerfile: 'FROM python:3.12\nRUN pip install pytest', metadata: { source: 'test' }, file_mounts: null });

    expect(view).toEqual({
      id: expect.stringMatching(/^bpt_[0-9A-Za-z]{21}$/),
      name: 'py312',
      status: 'build_complete',
      state: 'created',
      create_time_ms: expect.any(Number),
      build_finish_time_ms: view.create_time_ms,
      parameters: { name: 'py312', dockerfile: 'FROM python:3.12\nRUN pip install pytest', metadata: { source: 'test' } },
      metadata: { source: 'test' },
    });
    expect(view.create_time_ms).toBeGreaterThanOrEqual(before);
    expect(validator.validate('BlueprintView', view)).toEqual([]);
    expect(await client.blueprints.awaitBuildComplete(view.id)).toEqual(view);
    expect(fake.blueprints).toEqual([view]);
  });

  it('lists by exact name and build status, newest first, page by page', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const made = [];
    for (const name of ['env', 'env-2', 'env', 'env']) made.push(await client.blueprints.create({ name, dockerfile: 'FROM ubuntu' }));
    const all = [];
    for await (const view of client.blueprints.list({ name: 'env', limit: 2 })) all.push(view.id);

    expect(all).toEqual([made[3]!.id, made[2]!.id, made[0]!.id]);
    expect((await client.blueprints.list({ name: 'env', limit: 2 })).total_count).toBe(3);
    expect((await client.blueprints.list({ status: 'failed' })).blueprints).toEqual([]);
    expect((await client.blueprints.list({ name: 'env-2', status: 'build_complete' })).blueprints.map((view) => view.id)).toEqual([made[1]!.id]);
  });

  it('answers 400 naming the field, and 404 for an unknown id', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const refused = async (body: object) => {
      const error = (await client.blueprints.create(body as never).catch((e: unknown) => e)) as BadRequestError;
      expect(error).toBeInstanceOf(BadRequestError);
      return error.message;
    };
    const base = await client.blueprints.create({ name: 'base', dockerfile: 'FROM ubuntu' });

    expect(await refused({ name: 'x', dockerfile: 1 })).toContain('invalid request body (BlueprintBuildParameters): dockerfile: must be a string or null');
    expect(await refused({ name: 'x', launch_parameters: { resource_size_request: 'HUGE' } })).toContain('launch_parameters.resource_size_request: must be one of X_SMALL');
    expect(await refused({ name: 'x', build_context: { type: 'git', object_id: 'obj_1' } })).toContain('build_context.type: must be one of object (got "git")');
    expect(await refused({ name: 'x', build_context: { type: 'object', object_id: 'obj_nope' } })).toContain('build_context.object_id: no object obj_nope');
    expect(await refused({ name: 'x', base_blueprint_id: base.id, base_blueprint_name: 'base' })).toContain('base_blueprint_name: give base_blueprint_id or base_blueprint_name, not both');
    expect(await refused({ name: 'x', base_blueprint_id: 'bpt_nope' })).toContain('base_blueprint_id: no blueprint bpt_nope');
    expect(await refused({ name: 'x', base_blueprint_name: 'nope' })).toContain('base_blueprint_name: no built blueprint is named "nope"');
    expect(await refused({ name: ' ' })).toContain('name: must not be blank');
    expect((await client.blueprints.create({ name: 'child', base_blueprint_name: 'base' })).base_blueprint_id).toBe(base.id);
    await expect(client.blueprints.retrieve('bpt_nope')).rejects.toThrow(NotFoundError);
    expect(fake.blueprints.map((view) => view.name)).toEqual(['base', 'child']);
  });
});

describe('objects in the fake (build contexts)', () => {
  it("takes a directory uploaded with the SDK's own uploadFromDir, and a blueprint built from it", async () => {
    const fake = await startFake();
    const sdk = new RunloopSDK({ baseURL: fake.baseURL, bearerToken: fake.apiKey, maxRetries: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'scenariokit-context-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'server.py'), 'print("hi")\n');

    const uploaded = await sdk.storageObject.uploadFromDir(dir, { name: 'context', ttl_ms: 60_000 });
    const object = await sdk.api.objects.retrieve(uploaded.id);
    const blueprint = await sdk.api.blueprints.create({ name: 'with-context', dockerfile: 'FROM ubuntu\nCOPY app /app', build_context: { type: 'object', object_id: uploaded.id } });

    expect(object).toMatchObject({ id: expect.stringMatching(/^obj_/), name: 'context', state: 'READ_ONLY', content_type: 'tgz', size_bytes: expect.any(Number) });
    expect(object.size_bytes).toBeGreaterThan(0);
    expect(object.delete_after_time_ms).toBe(object.create_time_ms + 60_000);
    expect(validator.validate('ObjectView', object)).toEqual([]);
    expect(blueprint.parameters.build_context).toEqual({ type: 'object', object_id: uploaded.id });
    const upload = fake.requests.find((request) => request.method === 'PUT');
    expect(upload).toMatchObject({ path: `/scenariokit-fake/uploads/${uploaded.id}/****`, auth: 'missing', status: 200, body: undefined });
  });

  it('refuses an upload with a wrong token, a completion before the upload, and a build context not yet complete', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const created = await client.objects.create({ name: 'context', content_type: 'tgz' });
    const wrong = await fetch(created.upload_url!.replace(/\/[^/]+$/, '/not-the-token'), { method: 'PUT', body: 'x' });

    expect([wrong.status, ((await wrong.json()) as { message: string }).message]).toEqual([403, `the upload URL of object ${created.id} is not valid (wrong or expired token)`]);
    await expect(client.objects.complete(created.id)).rejects.toMatchObject({ status: 400, message: expect.stringContaining('has no content: PUT it to its upload_url before completing it') });
    await expect(client.blueprints.create({ name: 'x', build_context: { type: 'object', object_id: created.id } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(`build_context.object_id: object ${created.id} is UPLOADING; complete its upload first`),
    });
    expect((await fetch(created.upload_url!, { method: 'PUT', body: 'tarball' })).status).toBe(200);
    expect(await client.objects.complete(created.id)).toMatchObject({ state: 'READ_ONLY', size_bytes: 7 });
    expect((await client.objects.retrieve(created.id)).upload_url).toBeUndefined();
    // completing spends the token: a second completion is a conflict, an upload afterwards is refused
    await expect(client.objects.complete(created.id)).rejects.toMatchObject({ status: 409, message: expect.stringContaining(`object ${created.id} is READ_ONLY, not UPLOADING`) });
    expect((await fetch(created.upload_url!, { method: 'PUT', body: 'again' })).status).toBe(403);
    expect(await client.objects.retrieve(created.id)).toMatchObject({ state: 'READ_ONLY', size_bytes: 7 });
  });
});
