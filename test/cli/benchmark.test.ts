import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkView } from '@runloop/api-client/resources/benchmarks';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startFakeRunloop } from '../../src/testing/index.js';
import { cli, project, scenarios } from './cli-helpers.js';

/** What the embedded local target of `dir` holds. */
const stored = (dir: string) =>
  JSON.parse(readFileSync(join(dir, '.scenariokit', 'runloop.json'), 'utf8')) as { scenarios: { id: string; name: string }[]; benchmarks: BenchmarkView[] };

describe('scenariokit push --benchmark', () => {
  it('creates the benchmark on the embedded target, keeps it in its file, and leaves it unchanged the second time', async () => {
    const dir = project(scenarios);
    const first = await cli(['push', 'scenarios', '--benchmark', 'parser evals'], { cwd: dir });
    const [benchmark] = stored(dir).benchmarks;

    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`4 were created, 0 were updated, 0 unchanged, 0 failed.\nBenchmark "parser evals" (${benchmark!.id}) created with 4 scenarios.\n`);
    expect(stored(dir).benchmarks).toEqual([{ id: benchmark!.id, name: 'parser evals', scenarioIds: stored(dir).scenarios.map((s) => s.id), metadata: {}, status: 'active' }]);

    const file = readFileSync(join(dir, '.scenariokit', 'runloop.json'), 'utf8');
    const second = await cli(['push', 'scenarios', '--benchmark', 'parser evals'], { cwd: dir });
    expect(second).toMatchObject({ code: 0, stdout: `0 were created, 0 were updated, 4 unchanged, 0 failed.\nBenchmark "parser evals" (${benchmark!.id}) unchanged.\n` });
    expect(readFileSync(join(dir, '.scenariokit', 'runloop.json'), 'utf8')).toBe(file); // nothing written

    writeFileSync(join(dir, 'scenarios', 'refactor.ts'), readFileSync(join(dir, 'scenarios', 'refactor.ts'), 'utf8').replace("[Scenario.define('no-moment')", "[Scenario.define('no-moment-2')"));
    const third = await cli(['push', 'scenarios', '--benchmark', 'parser evals', '--json'], { cwd: dir });
    const { benchmark: result } = JSON.parse(third.stdout) as { benchmark: { action: string; added: { name: string }[]; removed: string[] } };
    const noMoment = stored(dir).scenarios.find((s) => s.name === 'no-moment')!.id;
    expect(result).toMatchObject({ action: 'update', added: [{ name: 'no-moment-2' }], removed: [noMoment] });
    expect(stored(dir).benchmarks[0]!.scenarioIds).not.toContain(noMoment);
    expect(stored(dir).benchmarks[0]!.scenarioIds).toHaveLength(4);
  }, 30_000);

  it('says so, and exits 1, when several benchmarks carry the name; plan does too', async () => {
    const dir = project(scenarios);
    mkdirSync(join(dir, '.scenariokit'));
    const clash = (id: string) => ({ id, name: 'evals', scenarioIds: [], metadata: {}, status: 'active' });
    const store = { format: 'scenariokit-fake-runloop', version: 2, scenarios: [], benchmarks: [clash('bmd_one'), clash('bmd_two')], blueprints: [], objects: [] };
    writeFileSync(join(dir, '.scenariokit', 'runloop.json'), JSON.stringify(store));

    const plan = await cli(['plan', 'scenarios', '--benchmark', 'evals'], { cwd: dir });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('! benchmark "evals": 2 benchmarks are named "evals" (bmd_two, bmd_one); rename all but one');
    expect(plan.stdout).toContain('4 to create, 0 to update, 0 unchanged; benchmark: cannot be pushed (see !).');

    const push = await cli(['push', 'scenarios', '--benchmark', 'evals'], { cwd: dir });
    expect(push.code).toBe(1);
    expect(push.stdout).toContain('4 were created, 0 were updated, 0 unchanged, 0 failed.\n  ✗ Benchmark "evals": not written: 2 benchmarks are named "evals"');
    expect(stored(dir).benchmarks.map((b) => b.scenarioIds)).toEqual([[], []]);
  }, 30_000);

  it('refuses a blank name before loading anything', async () => {
    const run = await cli(['push', 'scenarios', '--benchmark', ' '], { cwd: project(scenarios) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--benchmark <name>' argument ' ' is invalid. must be the name of a benchmark, not blank");
  });

  it('sends { results, benchmark } as JSON to Runloop', async () => {
    const fake = await startFakeRunloop();
    onTestFinished(() => fake.close());
    const run = await cli(['push', 'scenarios', '--benchmark', 'evals', '--json'], { cwd: project(scenarios), env: fake.env });
    expect(run.code).toBe(0);
    const { results, benchmark } = JSON.parse(run.stdout) as { results: { id: string }[]; benchmark: object };
    expect(benchmark).toEqual({ name: 'evals', action: 'create', id: fake.benchmarks[0]!.id, added: expect.any(Array), removed: [] });
    expect(fake.benchmarks[0]!.scenarioIds).toEqual(results.map((result) => result.id));
  }, 30_000);
});

describe('scenariokit plan --benchmark', () => {
  it('shows the benchmark change after the scenarios, and in --json', async () => {
    const dir = project(scenarios);
    const text = await cli(['plan', 'scenarios', '--benchmark', "bob's evals"], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('+ benchmark "bob\'s evals" (new): 4 scenarios\n    + fix-null (new)\n    + variant-a (new)\n    + variant-b (new)\n    + no-moment (new)\n');
    expect(text.stdout).toContain("\n4 to create, 0 to update, 0 unchanged; benchmark: to create.\nRun scenariokit push scenarios --benchmark 'bob'\\''s evals' to apply.\n");

    const json = await cli(['plan', 'scenarios', '--benchmark', 'evals', '--json'], { cwd: dir });
    const plan = JSON.parse(json.stdout) as { items: unknown[]; benchmark: { action: string; add: { name: string }[]; remove: string[] } };
    expect(plan.benchmark).toMatchObject({ name: 'evals', action: 'create', add: [{ name: 'fix-null' }, { name: 'variant-a' }, { name: 'variant-b' }, { name: 'no-moment' }], remove: [] });

    await cli(['push', 'scenarios', '--benchmark', 'evals'], { cwd: dir });
    const after = await cli(['plan', 'scenarios', '--benchmark', 'evals'], { cwd: dir });
    expect(after.stdout).toMatch(/\n= benchmark "evals" \(bmd_\w+\): 4 scenarios\n\n0 to create, 0 to update, 4 unchanged; benchmark: unchanged\.\n$/);
  }, 30_000);
});
