import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { importHarborTasks, importSweBenchFile } from '../../src/import/index.js';
import { isSuite, type ScenarioBuilder, type Suite } from '../../src/index.js';
import { startDualProtocolServer, type WireReply } from '../../src/testing/dual-protocol-server.js';
import { typeCheck } from '../fixtures/type-check.js';
import { cli, root } from './cli-helpers.js';

const SWE = join(root, 'test/fixtures/swe-bench');
const HARBOR = join(root, 'test/fixtures/harbor');
const KEY = 'rl_live_SECRET_import_never_print_4c3b2a';

/**
 * A fresh directory under test/.tmp (where a generated module's `import … from 'scenariokit'`
 * resolves to src/, as in a project that depends on scenariokit), removed after the tests.
 */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function workdir(): string {
  mkdirSync(join(root, 'test/.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, 'test/.tmp/import-'));
  made.push(dir);
  return dir;
}

/** The exports of a generated module, loaded as a user's code would load it. */
async function load(file: string): Promise<{ builders: ScenarioBuilder[]; suite: Suite }> {
  const module = (await import(file)) as Record<string, unknown>;
  const { default: suite, ...builders } = module;
  if (!isSuite(suite)) throw new Error('the module has no default suite');
  return { builders: Object.values(builders) as ScenarioBuilder[], suite };
}

/** The modules the tests wrote, type-checked together by the last test (one program: type-checking is the cost). */
const generated = new Map<string, string>();
const keep = (name: string, file: string) => generated.set(join(root, 'test/.generated', `${name}.ts`), readFileSync(file, 'utf8'));

const payloads = (builders: readonly ScenarioBuilder[]) => builders.map((builder) => builder.buildCreate());
const sweOptions = { blueprintId: (row: { instance_id: string }) => `bpt_${row.instance_id}`, dataset: 'princeton-nlp/SWE-bench_Lite' };

describe('scenariokit import swe-bench', () => {
  it('writes a module that type-checks and whose exports build exactly the imported payloads, in both encodings', async () => {
    const dir = workdir();
    const json = await cli(['import', 'swe-bench', join(SWE, 'swe-bench-lite-test.json'), '--blueprint', 'bpt_{instance_id}', '--dataset', 'princeton-nlp/SWE-bench_Lite', '--out', 'lite.ts'], { cwd: dir });
    expect(json).toMatchObject({ code: 0, stdout: 'Wrote lite.ts: 5 scenarios imported.\n', stderr: '' });
    const jsonl = await cli(['import', 'swe-bench', join(SWE, 'swe-bench-lite-test.hf-string-form.jsonl'), '--blueprint', 'bpt_{instance_id}', '--dataset', 'princeton-nlp/SWE-bench_Lite', '--out', 'gen/lite-hf.ts'], { cwd: dir });
    expect(jsonl.code).toBe(0);

    const expected = payloads((await importSweBenchFile(join(SWE, 'swe-bench-lite-test.json'), sweOptions)).builders);
    expect(expected.map((payload) => payload.environment_parameters?.blueprint_id)).toEqual([
      'bpt_django__django-16255',
      'bpt_sympy__sympy-13031',
      'bpt_pytest-dev__pytest-11143',
      'bpt_scikit-learn__scikit-learn-13584',
      'bpt_django__django-15781',
    ]);
    for (const file of ['lite.ts', 'gen/lite-hf.ts']) {
      const { builders, suite } = await load(join(dir, file));
      expect(payloads(builders)).toEqual(expected);
      expect(suite.builders).toEqual(builders);
      expect(suite.name).toBe(file === 'lite.ts' ? 'lite' : 'lite-hf');
    }
    const code = readFileSync(join(dir, 'lite.ts'), 'utf8');
    expect(code).toContain('/** SWE-bench instance django__django-16255, from ');
    expect(code).toContain("export const djangoDjango16255 = Scenario.define('django__django-16255')\n  .env({ blueprintId: 'bpt_django__django-16255', workingDirectory: '/testbed' })");
    expect(code).toContain('export default defineSuite(');
    keep('lite', join(dir, 'lite.ts'));
    keep('lite-hf', join(dir, 'gen/lite-hf.ts'));
  }, 60_000);

  it('reports every bad row as source: field: message, imports the others, and exits 1', async () => {
    const dir = workdir();
    const [good, other] = JSON.parse(readFileSync(join(SWE, 'swe-bench-lite-test.json'), 'utf8')) as Record<string, unknown>[];
    const missing: Record<string, unknown> = { ...other!, instance_id: 'acme__broken-1' };
    delete missing.FAIL_TO_PASS;
    writeFileSync(join(dir, 'rows.jsonl'), [JSON.stringify(good), JSON.stringify(missing), '{not json', JSON.stringify(other)].join('\n'));
    const run = await cli(['import', 'swe-bench', 'rows.jsonl', '--blueprint', 'bpt_1', '--out', 'rows.ts'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        '2 problems: 2 rows not imported:',
        '  rows.jsonl line 3: (row): is not JSON: ' + JSON.parse(JSON.stringify(errorOf('{not json'))),
        '  rows.jsonl line 2 (acme__broken-1): FAIL_TO_PASS: is missing; every SWE-bench row has it (a list of test names, or that list JSON-encoded)',
        '',
      ].join('\n'),
    );
    expect(run.stdout).toBe('Wrote rows.ts: 2 scenarios imported; 2 rows not (see above).\n');
    expect(payloads((await load(join(dir, 'rows.ts'))).builders).map((payload) => payload.name)).toEqual(['django__django-16255', 'sympy__sympy-13031']);
  });

  it('prints the module without --out, and names an option by its flag', async () => {
    const dir = workdir();
    const run = await cli(['import', 'swe-bench', join(SWE, 'swe-bench-dev-easy_first_only.json'), '--blueprint', 'bpt_{repo}', '--max-script-bytes', '100'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^1 problem: 1 row not imported:\n {2}swe-bench-dev-easy_first_only\.json row 1 \([\w-]+\): --max-script-bytes: the generated scorer script is \d+ bytes/);
    expect(run.stderr).toContain('Nothing was imported, so nothing was printed.');

    const printed = await cli(['import', 'swe-bench', join(SWE, 'swe-bench-dev-easy_first_only.json'), '--blueprint', 'bpt_{repo}', '--working-directory', '/repo'], { cwd: dir });
    expect(printed).toMatchObject({ code: 0, stderr: '1 scenario imported.\n' });
    expect(printed.stdout).toMatch(/^\/\*\*\n \* SWE-bench instances of .*swe-bench-dev-easy_first_only\.json, imported by `scenariokit import swe-bench`\.\n/);
    expect(printed.stdout).toMatch(/\.env\(\{ blueprintId: 'bpt_[\w-]+\/[\w-]+', workingDirectory: '\/repo' \}\)/);
    expect(printed.stdout).toContain('export default defineSuite(\'swe-bench-dev-easy_first_only\', [');
  });

  it('refuses to overwrite --out without --force (before importing), and overwrites with it', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'lite.ts'), '// mine\n');
    const args = ['import', 'swe-bench', join(SWE, 'swe-bench-lite-test.json'), '--blueprint', 'bpt_1', '--out', 'lite.ts'];
    const refused = await cli(args, { cwd: dir });
    expect(refused).toMatchObject({ code: 2, stdout: '', stderr: 'lite.ts already exists; pass --force to overwrite it, or choose another --out file. Nothing was imported.\n' });
    expect(readFileSync(join(dir, 'lite.ts'), 'utf8')).toBe('// mine\n');
    expect((await cli([...args, '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'lite.ts'), 'utf8')).toContain('export const djangoDjango16255');
  });

  it('exits 2 on usage errors: no --blueprint, a template naming an unknown field, a missing file, --local', async () => {
    const dir = workdir();
    const file = join(SWE, 'swe-bench-lite-test.json');
    const noBlueprint = await cli(['import', 'swe-bench', file], { cwd: dir });
    expect(noBlueprint).toMatchObject({ code: 2, stderr: expect.stringContaining("required option '--blueprint <id-or-template>' not specified") });
    const typo = await cli(['import', 'swe-bench', file, '--blueprint', 'bpt_{instance}'], { cwd: dir });
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toBe(
      '--blueprint "bpt_{instance}": {instance} is not a field it can name; did you mean {instance_id}? The fields are {instance_id}, {repo}, {version}, {base_commit}, {environment_setup_commit}\n',
    );
    expect((await cli(['import', 'swe-bench', file, '--blueprint', 'bpt_{repo'], { cwd: dir })).stderr).toContain('a brace that is not part of a placeholder');
    expect(await cli(['import', 'swe-bench', 'nowhere.jsonl', '--blueprint', 'b'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'nowhere.jsonl: no such file. Nothing was imported.\n' });
    expect((await cli(['import', 'swe-bench', file, '--blueprint', 'b', '--local'], { cwd: dir })).code).toBe(2);
    expect((await cli(['import', 'swe-bench', file, '--blueprint', 'b', '--log-parser', 'jest'], { cwd: dir })).code).toBe(2);
    expect(existsSync(join(dir, '.scenariokit'))).toBe(false);
  });
});

describe('scenariokit import harbor', () => {
  it('imports a folder of task folders: the module type-checks and rebuilds the payloads; a multi-step task is reported, exit 1', async () => {
    const dir = workdir();
    const run = await cli(['import', 'harbor', HARBOR, '--blueprint', 'bpt_{folder}', '--out', 'tasks.ts'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('Wrote tasks.ts: 4 scenarios imported; 1 task folder not (see above).\n');
    expect(run.stderr).toMatch(new RegExp(`^1 problem: 1 task folder not imported:\n  ${join(HARBOR, 'multi-step')}: task\\.toml \\[\\[steps\\]\\]: multi-step tasks are not imported \\([^\n]+\n$`));
    const folders = ['dns-blacklisting', 'hello-world', 'multi-reward', 'simple-task'];
    const expected = await importHarborTasks(
      folders.map((name) => join(HARBOR, name)),
      { blueprintId: (task) => `bpt_${task.dir.split('/').at(-1)}` },
    );
    expect(expected.warnings).toEqual([]); // the synthetic tasks have them: see the warnings test
    const { builders, suite } = await load(join(dir, 'tasks.ts'));
    expect(payloads(builders)).toEqual(payloads(expected.builders));
    expect(suite.name).toBe('tasks');
    keep('tasks', join(dir, 'tasks.ts'));
  }, 30_000);

  it('prints what it changed as warnings, source: field: message, and exits 0', async () => {
    const dir = workdir();
    const run = await cli(['import', 'harbor', join(HARBOR, 'synthetic/answer-file'), '--blueprint', 'bpt_1', '--out', 'answer.ts'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: 'Wrote answer.ts: 1 scenario imported.\n' });
    const source = join(HARBOR, 'synthetic/answer-file');
    expect(run.stderr).toBe(
      [
        '3 warnings (imported, with these changes):',
        `  ${source}: task.toml [environment].cpus: 3 rounded up to 4 cpus (Runloop takes 0.5, 1 or an even number up to 16, with 2 to 8 GiB of memory per cpu)`,
        `  ${source}: task.toml [environment].memory_mb: 3000 MB (2.93 GiB) rounded up to 8 GiB (Runloop takes at least 2 GiB per cpu for 4 cpus)`,
        `  ${source}: task.toml [environment].storage_mb: 5000 MB (4.88 GiB) rounded up to 6 GiB (Runloop takes an even number of GiB from 2 to 64)`,
        '',
      ].join('\n'),
    );
  });

  it('with --create-blueprints, builds a blueprint per task on the embedded target, and finds them again the next time, creating nothing', async () => {
    const dir = workdir();
    const args = ['import', 'harbor', join(HARBOR, 'hello-world'), join(HARBOR, 'dns-blacklisting'), '--create-blueprints', '--out', 'tasks.ts'];
    const first = await cli(args, { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('No RUNLOOP_API_KEY set: using the embedded local target (.scenariokit/runloop.json).');
    expect(first.stderr).toMatch(/^harbor\/hello-world: created blueprint harbor-harbor-hello-world-[0-9a-f]{12} \(bpt_\w+\)$/m);
    expect(first.stderr).toMatch(/^dns-blacklisting: created blueprint harbor-dns-blacklisting-[0-9a-f]{12} \(bpt_\w+\)$/m);
    const ids = payloads((await load(join(dir, 'tasks.ts'))).builders).map((payload) => payload.environment_parameters?.blueprint_id);
    const store = () => JSON.parse(readFileSync(join(dir, '.scenariokit/runloop.json'), 'utf8')) as { blueprints?: unknown[] };

    const second = await cli([...args, '--force'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('created blueprint');
    expect(second.stderr.match(/found blueprint/g)).toHaveLength(2);
    const again = (await import(`${join(dir, 'tasks.ts')}?again`)) as Record<string, ScenarioBuilder>;
    expect([again.harborHelloWorld!, again.dnsBlacklisting!].map((builder) => builder.buildCreate().environment_parameters?.blueprint_id)).toEqual(ids);
    expect(JSON.stringify(store())).toContain(ids[0]!);
  }, 60_000);

  it('exits 2 without a blueprint, with both --blueprint and --create-blueprints, and for a folder that does not exist', async () => {
    const dir = workdir();
    const hello = join(HARBOR, 'hello-world');
    expect((await cli(['import', 'harbor', hello], { cwd: dir })).stderr).toContain('name the blueprint of the scenarios: --blueprint <id-or-template>, or --create-blueprints');
    expect((await cli(['import', 'harbor', hello, '--blueprint', 'b', '--create-blueprints'], { cwd: dir })).code).toBe(2);
    expect(await cli(['import', 'harbor', 'nowhere', hello, '--blueprint', 'b'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('nowhere: no such folder\n') });
    expect((await cli(['import', 'harbor', hello, '--blueprint', 'b', '--local'], { cwd: dir })).code).toBe(2);
    expect(existsSync(join(dir, '.scenariokit'))).toBe(false);
  });

  it('never prints the API key, even when the server echoes it in the error a task reports', async () => {
    const server = await startDualProtocolServer(async (request): Promise<WireReply> => ({
      kind: 'respond',
      status: 400,
      headers: { 'content-type': 'application/json', 'x-should-retry': 'false' },
      body: JSON.stringify({ message: `rejected Authorization: ${request.headers.authorization}; key=${request.headers.authorization?.slice(7)}` }),
    }));
    onTestFinished(() => server.close());
    const run = await cli(['import', 'harbor', join(HARBOR, 'hello-world'), '--create-blueprints'], {
      cwd: workdir(),
      env: { RUNLOOP_API_KEY: KEY, RUNLOOP_BASE_URL: `http://${server.host}:${server.port}` },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(HARBOR, 'hello-world')}: --create-blueprints: the function threw: 400`);
    expect(run.stderr).toContain('key=****');
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });
});

describe('the modules import writes', () => {
  it('type-check with the project’s compiler options (tsc in-process), scenariokit resolved as a user’s project resolves it', () => {
    expect([...generated.keys()].map((file) => file.split('/').at(-1))).toEqual(['lite.ts', 'lite-hf.ts', 'tasks.ts']);
    const errors = [...typeCheck(generated)].flatMap(([name, found]) => found.map((error) => `${name}: ${error}`));
    expect(errors).toEqual([]);
  }, 30_000);
});

/** The message JSON.parse gives for `text`. */
function errorOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}
