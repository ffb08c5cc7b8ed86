import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startFakeRunloop } from '../../src/testing/index.js';
import { command, Scenario } from '../../src/index.js';
import { cli, project, scenarios } from './cli-helpers.js';

describe('--help of every command', () => {
  it.each(['plan', 'push', 'pull'])('%s says where it sends and what its exit codes mean', async (name) => {
    const run = await cli([name, '--help'], { cwd: project({}) });
    expect(run.code).toBe(0);
    for (const text of ['RUNLOOP_API_KEY set', 'RUNLOOP_BASE_URL', '.scenariokit/runloop.json', '--local', 'CI set, no key', 'Exit codes:\n  0  ', '\n  1  ', '\n  2  ']) {
      expect(run.stdout).toContain(text);
    }
  });

  it.each([
    ['validate', 'it reads the files only'],
    ['build', 'it reads the files, and writes the payload files with --out'],
    ['schema', 'it reads no file, and writes the schema with --out'],
    ['verify', "it runs the scenarios' commands on this machine (launch commands, the reference, the scorers), each run in a copy of the workspace in the temporary directory"],
  ])('%s says that it sends nothing, what it does here instead, and its exit codes', async (name, locally) => {
    const run = await cli([name, '--help'], { cwd: project({}) });
    expect(run.stdout).toContain(`Where it sends: nowhere; ${locally} (no account, no network).`);
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 {2}.+\n( {2}1 {2}.+\n)? {2}2 {2}.+/);
    expect(run.stdout).not.toContain('--local');
  });

  it('shows no meaningless default: verify --custom-scorer starts with none', async () => {
    const run = await cli(['verify', '--help'], { cwd: project({}) });
    expect(run.stdout).toMatch(/--custom-scorer <type=script> +run custom scorers of this type with a bash\n +script reading \$RL_SCORER_CONTEXT \(repeatable\)\n/);
    expect(run.stdout).not.toContain('(default: {})');
  });

  it('schema names every command that reads payload files', async () => {
    const run = await cli(['schema', '--help'], { cwd: project({}) });
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('the payload files (.json, .yaml, .yml) that validate, build, verify, plan and push read beside modules');
  });
});

describe('counts in messages', () => {
  it('are in the singular for one', async () => {
    const dir = project({ 'one.ts': "export const one = Scenario.define('one').problem('p').scorer(command('t'));" });
    expect((await cli(['validate', 'scenarios'], { cwd: dir })).stdout).toBe('1 scenario is valid.\n');
    expect((await cli(['build', 'scenarios', '--out', 'out'], { cwd: dir })).stdout).toBe('Wrote 1 payload to out.\n');
    expect((await cli(['push', 'scenarios'], { cwd: dir })).stdout).toBe('1 was created, 0 were updated, 0 unchanged, 0 failed.\n');
  });
});

describe('build --out', () => {
  const long = 'x'.repeat(300);

  it('checks every file name first and writes nothing when one is too long for the file system', async () => {
    const dir = project({
      'names.ts': `export const a = Scenario.define('a-first').problem('p').scorer(command('t'));
export const b = Scenario.define('${long}').problem('p').scorer(command('t'));`,
    });
    const run = await cli(['build', 'scenarios', '--out', 'out/payloads'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`1 scenario name would make a file name longer than 255 bytes (the name, URL-encoded, plus .json): "${'x'.repeat(60)}…"`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a name holding a lone surrogate, which no file name carries, naming it and writing nothing', async () => {
    const dir = project({ 'names.ts': "export const a = Scenario.define('b\\uD800x').problem('p').scorer(command('t'));" });
    const run = await cli(['build', 'scenarios', '--out', 'out'], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('1 scenario name holds half of a UTF-16 surrogate pair, which no file name can carry: "b\\ud800x"; fix the name, or print the payloads without --out. Nothing was written.\n');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('leaves an existing folder as it was when a payload cannot take its place', async () => {
    const dir = project(scenarios);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'keep.txt'), 'mine');
    mkdirSync(join(dir, 'out', 'no-moment.json')); // a folder where a payload should go
    const run = await cli(['build', 'scenarios', '--out', 'out'], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('out/no-moment.json exists and is not a file, so it cannot be replaced') });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['keep.txt', 'no-moment.json']);
  });

  it('refuses an --out that is a file, or lies under one, as a usage error naming it', async () => {
    const dir = project(scenarios);
    writeFileSync(join(dir, 'payloads'), 'mine');
    for (const [out, named] of [['payloads', 'payloads'], ['payloads/more', 'payloads'], [join(dir, 'payloads', 'x'), join(dir, 'payloads')]] as const) {
      const run = await cli(['build', 'scenarios', '--out', out], { cwd: dir });
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr.split('\n').at(-2)).toBe(`${named} is a file, not a directory, so nothing can be written in it; move it, or choose another --out. Nothing was written.`);
    }
    expect(readFileSync(join(dir, 'payloads'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['payloads', 'scenarios']);
  });

  it('leaves no staging folder behind, and replaces payloads written before', async () => {
    const dir = project(scenarios);
    expect((await cli(['build', 'scenarios', '--out', 'out'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'out', 'fix-null.json'), 'stale');
    expect((await cli(['build', 'scenarios', '--out', 'out'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['fix-null.json', 'no-moment.json', 'variant-a.json', 'variant-b.json']);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'fix-null.json'), 'utf8'))).toMatchObject({ name: 'fix-null' });
  });
});

describe('pull --out', () => {
  it('refuses to overwrite a file unless --force, naming it', async () => {
    const fake = await startFakeRunloop();
    onTestFinished(() => fake.close());
    const view = await Scenario.define('pulled').problem('p').scorer(command('t')).create({ client: fake.client() });
    const dir = project({});
    writeFileSync(join(dir, 'scenarios', 'pulled.ts'), '// my edits\n');
    const requestsBefore = fake.requests.length;

    const refused = await cli(['pull', view.id, '--out', 'scenarios/pulled.ts'], { cwd: dir, env: fake.env });
    expect(refused).toMatchObject({ code: 2, stderr: 'scenarios/pulled.ts already exists; pass --force to overwrite it, or choose another --out file. Nothing was written.\n' });
    expect(readFileSync(join(dir, 'scenarios', 'pulled.ts'), 'utf8')).toBe('// my edits\n');
    expect(fake.requests).toHaveLength(requestsBefore); // refused before anything was read

    const forced = await cli(['pull', view.id, '--out', 'scenarios/pulled.ts', '--force'], { cwd: dir, env: fake.env });
    expect(forced).toMatchObject({ code: 0, stdout: 'Wrote scenarios/pulled.ts.\n' });
    expect(readFileSync(join(dir, 'scenarios', 'pulled.ts'), 'utf8')).toContain("Scenario.define('pulled')");
  });
});
