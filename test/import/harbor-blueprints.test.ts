import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fromHarborTask, harborBlueprintName, harborBlueprints, importHarborTasks, type HarborBlueprintEvent, type HarborTask } from '../../src/import/index.js';
import type { FakeRunloop } from '../../src/testing/index.js';
import { startFake } from '../testing/fake-helpers.js';

const HARBOR = fileURLToPath(new URL('../fixtures/harbor/', import.meta.url));
const task = (name: string) => join(HARBOR, name);

/** A copy of a fixture task folder, removed when the test ends. */
function copyOf(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'scenariokit-harbor-')), name.replace(/\W+/g, '-'));
  onTestFinished(() => rmSync(join(dir, '..'), { recursive: true, force: true }));
  cpSync(task(name), dir, { recursive: true });
  return dir;
}

/** The task the import hands to a blueprint function. */
async function harborTask(dir: string): Promise<HarborTask> {
  let seen: HarborTask | undefined;
  await fromHarborTask(dir, { blueprintId: (given) => ((seen = given), 'bpt_seen') });
  return seen!;
}

const blueprintWrites = (fake: FakeRunloop) => fake.requests.filter((request) => request.method === 'POST' && request.path === '/v1/blueprints');

describe('harborBlueprints', () => {
  it("creates a task's blueprint from its Dockerfile, and finds it again on the next import, creating nothing", async () => {
    const fake = await startFake();
    const events: HarborBlueprintEvent[] = [];
    const blueprintId = harborBlueprints({ client: fake.client(), onBlueprint: (event) => events.push(event) });
    const first = await fromHarborTask(task('hello-world'), { blueprintId });
    const [blueprint] = fake.blueprints;

    expect(blueprint).toMatchObject({
      name: expect.stringMatching(/^harbor-harbor-hello-world-[0-9a-f]{12}$/),
      status: 'build_complete',
      parameters: { dockerfile: readFileSync(join(task('hello-world'), 'environment', 'Dockerfile'), 'utf8'), metadata: { source: 'scenariokit harbor import', harbor_task: 'harbor/hello-world' } },
    });
    expect(blueprint!.parameters.build_context).toBeUndefined(); // environment/ holds the Dockerfile only: nothing to upload
    expect(blueprint!.parameters.metadata!.environment_sha256).toMatch(new RegExp(`^${blueprint!.name.slice(-12)}[0-9a-f]{52}$`));
    expect(first.buildCreate().environment_parameters?.blueprint_id).toBe(blueprint!.id);
    expect(blueprint!.name).toBe(await harborBlueprintName(await harborTask(task('hello-world'))));

    const again = await fromHarborTask(task('hello-world'), { blueprintId: harborBlueprints({ client: fake.client() }) });
    expect(again.buildCreate().environment_parameters?.blueprint_id).toBe(blueprint!.id);
    expect(blueprintWrites(fake)).toHaveLength(1);
    expect(events).toEqual([{ task: 'harbor/hello-world', name: blueprint!.name, id: blueprint!.id, action: 'created' }]);
  });

  it('uploads the build context when environment/ holds more than the Dockerfile, once', async () => {
    const fake = await startFake();
    const client = fake.client();
    await importHarborTasks([task('dns-blacklisting')], { blueprintId: harborBlueprints({ client }) });
    const [object] = fake.objects;
    const [blueprint] = fake.blueprints;

    expect(object).toMatchObject({ name: `${blueprint!.name}-context`, state: 'READ_ONLY', content_type: 'tgz' });
    expect(object!.size_bytes).toBeGreaterThan(0);
    expect(object!.delete_after_time_ms).toBe(object!.create_time_ms + 3_600_000);
    expect(blueprint!.parameters.build_context).toEqual({ type: 'object', object_id: object!.id });

    const { builders } = await importHarborTasks([task('dns-blacklisting')], { blueprintId: harborBlueprints({ client }) });
    expect(builders[0]?.buildCreate().environment_parameters?.blueprint_id).toBe(blueprint!.id);
    expect([fake.objects.length, fake.blueprints.length]).toEqual([1, 1]);
  });

  it('makes a new blueprint when the Dockerfile or a file of its build context changes', async () => {
    const fake = await startFake();
    const blueprintId = harborBlueprints({ client: fake.client() });
    const dir = copyOf('dns-blacklisting');
    await fromHarborTask(dir, { blueprintId });
    writeFileSync(join(dir, 'environment', 'candidate-domains.txt'), 'example.org\n');
    await fromHarborTask(dir, { blueprintId });
    writeFileSync(join(dir, 'environment', 'Dockerfile'), `${readFileSync(join(dir, 'environment', 'Dockerfile'), 'utf8')}\nRUN true\n`);
    await fromHarborTask(dir, { blueprintId });
    await fromHarborTask(dir, { blueprintId });

    const made = fake.blueprints.map((view) => view.name);
    expect(made).toHaveLength(3);
    expect(new Set(made).size).toBe(3);
    expect(made.every((name) => name.startsWith('harbor-dns-blacklisting-'))).toBe(true);
    expect(fake.blueprints.at(-1)?.parameters.dockerfile).toMatch(/RUN true\n$/);
  });

  it("builds from [environment].docker_image, and from a legacy folder's Dockerfile with the folder as context", async () => {
    const fake = await startFake();
    const blueprintId = harborBlueprints({ client: fake.client() });
    const dir = copyOf('hello-world');
    writeFileSync(join(dir, 'task.toml'), readFileSync(join(dir, 'task.toml'), 'utf8').replace('[environment]', '[environment]\ndocker_image = "ghcr.io/acme/env:1"'));
    await fromHarborTask(dir, { blueprintId });
    await fromHarborTask(task('synthetic/legacy-tb'), { blueprintId });

    const [image, legacy] = fake.blueprints;
    expect(image?.parameters).toMatchObject({ dockerfile: 'FROM ghcr.io/acme/env:1\n' });
    expect(image?.parameters.build_context).toBeUndefined();
    expect(legacy?.parameters.dockerfile).toBe(readFileSync(join(task('synthetic/legacy-tb'), 'Dockerfile'), 'utf8'));
    expect(legacy?.parameters.build_context).toEqual({ type: 'object', object_id: fake.objects[0]!.id });
  });

  it('does not reuse a blueprint whose build failed', async () => {
    const name = await harborBlueprintName(await harborTask(task('hello-world')));
    const store = join(mkdtempSync(join(tmpdir(), 'scenariokit-failed-')), 'runloop.json');
    onTestFinished(() => rmSync(join(store, '..'), { recursive: true, force: true }));
    const failed = { id: 'bpt_failed', name, status: 'failed', state: 'created', create_time_ms: Date.now(), parameters: { name }, failure_reason: 'build_failed' };
    writeFileSync(store, JSON.stringify({ format: 'scenariokit-fake-runloop', version: 2, scenarios: [], benchmarks: [], blueprints: [failed], objects: [] }));
    const fake = await startFake({ persistTo: store });
    const scenario = await fromHarborTask(task('hello-world'), { blueprintId: harborBlueprints({ client: fake.client() }) });

    expect(fake.blueprints.map((view) => [view.name, view.status])).toEqual([
      [name, 'failed'],
      [name, 'build_complete'],
    ]);
    expect(scenario.buildCreate().environment_parameters?.blueprint_id).toBe(fake.blueprints[1]!.id);
  });

  it('looks a name up once for calls at the same time', async () => {
    const fake = await startFake();
    const blueprintId = harborBlueprints({ client: fake.client() });
    const hello = await harborTask(task('hello-world'));
    const ids = await Promise.all([blueprintId(hello), blueprintId(hello), blueprintId(hello)]);
    expect(new Set(ids).size).toBe(1);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/blueprints', 'POST /v1/blueprints']);
  });

  it('reports a task with nothing to build from as a problem of that task', async () => {
    const fake = await startFake();
    const dir = copyOf('hello-world');
    rmSync(join(dir, 'environment'), { recursive: true });
    const { builders, problems } = await importHarborTasks([dir, task('simple-task')], { blueprintId: harborBlueprints({ client: fake.client() }) });

    expect(builders.map((builder) => builder.buildCreate().name)).toEqual(['simple-task']);
    expect(problems).toEqual([
      {
        source: dir,
        field: 'options.blueprintId',
        message: 'the function threw: task "harbor/hello-world" has neither an environment/Dockerfile nor an [environment].docker_image: there is nothing to build its blueprint from',
      },
    ]);
  });

  it('refuses an unknown option', () => {
    expect(() => harborBlueprints({ clinet: {} } as never)).toThrow(new TypeError('Invalid harborBlueprints() options:\n  - clinet: unknown option "clinet" — did you mean "client"? [unknown-option]'));
    expect(() => harborBlueprints({ onBlueprint: 'log' } as never)).toThrow(new TypeError('Invalid harborBlueprints() options:\n  - onBlueprint: must be a function [invalid-option]'));
  });
});
