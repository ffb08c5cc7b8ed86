import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRunloop } from '../../src/testing/index.js';
import { nullCheck, startFake } from './fake-helpers.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function storeFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'scenariokit-fake-'));
  folders.push(folder);
  return join(folder, 'nested', 'fake-runloop.json');
}

describe('persistTo', () => {
  it('rejects close() when the store could not be written, naming the failure; closing again does nothing', async () => {
    const file = storeFile();
    const fake = await startFakeRunloop({ persistTo: file });
    rmSync(join(file, '..'), { recursive: true, force: true });
    writeFileSync(join(file, '..'), 'a file where the store folder should be');
    await nullCheck.create({ client: fake.client() });
    await expect(fake.close()).rejects.toThrow(/EEXIST|ENOTDIR/);
    await expect(fake.close()).resolves.toBeUndefined();
  });

  it('keeps scenarios across runs, archived ones included', async () => {
    const file = storeFile();
    const first = await startFake({ persistTo: file });
    const kept = await nullCheck.create({ client: first.client() });
    const archived = await nullCheck.name('old').create({ client: first.client() });
    await first.client().scenarios.archive(archived.id);
    await first.close();

    const second = await startFake({ persistTo: file });
    const again = await nullCheck.name('third').create({ client: second.client() });
    expect(second.scenarios.map((s) => [s.id, s.status])).toEqual([
      [kept.id, 'active'],
      [archived.id, 'archived'],
      [again.id, 'active'],
    ]);
    expect(new Set(second.scenarios.map((s) => s.id)).size).toBe(3); // same seed, no id reused
    expect(await second.client().scenarios.retrieve(kept.id)).toEqual(kept);
  });

  it('keeps benchmarks, blueprints and objects across runs, in the same file', async () => {
    const file = storeFile();
    const first = await startFake({ persistTo: file });
    const client = first.client();
    const scenario = await nullCheck.create({ client });
    const benchmark = await client.benchmarks.create({ name: 'smoke', scenario_ids: [scenario.id] });
    const blueprint = await client.blueprints.create({ name: 'env', dockerfile: 'FROM ubuntu' });
    const object = await client.objects.create({ name: 'context', content_type: 'tgz' });
    await first.close();

    const second = await startFake({ persistTo: file });
    expect([second.benchmarks, second.blueprints, second.objects.map((o) => o.id)]).toEqual([[benchmark], [blueprint], [object.id]]);
    const updated = await second.client().benchmarks.update(benchmark.id, { scenario_ids: [] });
    expect(await second.client().benchmarks.retrieve(benchmark.id)).toEqual(updated);
    await second.close();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version: number; benchmarks: unknown[]; blueprints: unknown[] };
    expect([stored.version, stored.benchmarks, stored.blueprints]).toEqual([2, [updated], [blueprint]]);
  });

  it('writes a readable JSON file atomically after each change, and empties it on reset', async () => {
    const file = storeFile();
    const fake = await startFake({ persistTo: file });
    const view = await nullCheck.create({ client: fake.client() });

    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ format: 'scenariokit-fake-runloop', version: 2, scenarios: [view], benchmarks: [], blueprints: [], objects: [] });
    expect(readdirSync(join(file, '..'))).toEqual(['fake-runloop.json']);
    fake.reset();
    expect(JSON.parse(readFileSync(file, 'utf8')).scenarios).toEqual([]);
  });

  it('refuses to start on a file that is not its store, naming the file', async () => {
    const other = join(storeFile(), '..', '..', 'other.json');
    writeFileSync(other, '{"scenarios": 3}');
    await expect(startFakeRunloop({ persistTo: other })).rejects.toThrow(/other\.json is not a scenariokit fake store/);
    writeFileSync(other, '{"scen');
    await expect(startFakeRunloop({ persistTo: other })).rejects.toThrow(/other\.json is not JSON/);
  });
});

describe('close()', () => {
  it('changes nothing after it resolves, not even for a request still in its latency', async () => {
    const file = storeFile();
    const fake = await startFakeRunloop({ persistTo: file, latencyMs: 100 });
    const late = nullCheck.name('late').create({ client: fake.client({ maxRetries: 0, http2: false }) }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await fake.close();
    expect(await late).toBeInstanceOf(Error);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.scenarios).toEqual([]);
    expect(existsSync(file)).toBe(false); // no change, so never written
  });
});
