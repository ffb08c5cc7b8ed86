import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command, defineSuite, Scenario } from '../../src/index.js';
import { cli, IMPORT_DSL, project } from './cli-helpers.js';

const ESM = { packageJson: { type: 'module' } };
const ok = (name: string) => `Scenario.define('${name}').problem('p').scorer(command('t'))`;

describe('a module that fails to load', () => {
  it('is reported naming the file (syntax error, throwing import, missing export), the other files are still read, exit code 2', async () => {
    const dir = project(
      {
        'a-syntax.ts': 'export const broken = (;',
        'b-throws.ts': `import './helpers/boom.ts';\nexport const fine = ${ok('fine-but-importing-boom')};`,
        'helpers/boom.ts': 'export const x = 1;\nthrow new Error("the database is not configured");',
        'c-missing.ts': `import { nothing } from './d-good.ts';\nexport const uses = nothing;`,
        'd-good.ts': `export const good = ${ok('good')};\nexport const invalid = Scenario.define('invalid').problem('p').scorer(command('t')).scorerTimeout(0);`,
      },
      ESM,
    );
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('4 problems with the files (5 files read); nothing was sent:');
    expect(lines[1]).toBe('  - scenarios/a-syntax.ts: could not be loaded: scenarios/a-syntax.ts:2:23: ERROR: Unexpected ";"');
    expect(lines[2]).toMatch(/^ {2}- scenarios\/b-throws\.ts: could not be loaded: the database is not configured \(at scenarios\/helpers\/boom\.ts:\d+:\d+\)$/);
    expect(lines[3]).toBe("  - scenarios/c-missing.ts: could not be loaded: SyntaxError: The requested module './d-good.ts' does not provide an export named 'nothing' (at scenarios/c-missing.ts:2)");
    expect(lines[4]).toMatch(/^ {2}- scenarios\/helpers\/boom\.ts: could not be loaded: the database is not configured \(at scenarios\/helpers\/boom\.ts:\d+:\d+\)$/);
    // the file that loads is still checked, and its invalid scenario reported in the same run
    expect(run.stderr).toContain('1 scenario is invalid; fix it before anything is sent.\n  "invalid" (scenarios/d-good.ts, export invalid):\n    - error scorerTimeout: must be at least 1 second');
  });

  it('exits 2 for a syntax error alone', async () => {
    const run = await cli(['validate', 'scenarios'], { cwd: project({ 'x.ts': 'export const = 1;' }, ESM) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('scenarios/x.ts: could not be loaded: scenarios/x.ts:2:13: ERROR: Expected identifier but found "="');
  });
});

describe('directories', () => {
  it('are read with their subdirectories, leaving out node_modules and dot folders', async () => {
    const dir = project({
      'top.ts': `export const top = ${ok('top')};`,
      'nested/sub/deep.ts': `export const deep = ${ok('deep')};`,
      'node_modules/pkg/index.ts': `export const vendored = ${ok('vendored')};`,
      '.cache/old.ts': `export const cached = ${ok('cached')};`,
      'nested/types.d.ts': 'export declare const x: number;',
    });
    const run = await cli(['build', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { name: string }[]).map((payload) => payload.name)).toEqual(['deep', 'top']);
  });

  it('leave out subfolders holding a project of their own (workspaces), unless a file in them is named', async () => {
    const dir = project({
      'top.ts': `export const top = ${ok('top')};`,
      'workspaces/app/setup.py': '',
      'workspaces/app/src/index.ts': 'throw new Error("a workspace\'s code ran");',
      'workspaces/py/pyproject.toml': '',
      'workspaces/js/package.json': '',
      'workspaces/js/index.ts': 'throw new Error("a workspace\'s code ran");',
      'workspaces/py/conftest.ts': 'throw new Error("a workspace\'s code ran");',
      'workspaces/scenarios-here/x.ts': `export const x = ${ok('x')};`,
    });
    const run = await cli(['build', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { name: string }[]).map((payload) => payload.name)).toEqual(['top', 'x']);
    const named = await cli(['build', 'scenarios/workspaces/app/src/index.ts'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("a workspace's code ran");
  });

  it('name both files when two of them use one scenario name', async () => {
    const dir = project({ 'a.ts': `export const first = ${ok('same')};`, 'more/b.ts': `export const second = ${ok('same')};` });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '"same" (scenarios/more/b.ts, export second):\n    - error name: scenario #1 (scenarios/a.ts, export first) has the same name; names identify scenarios in a suite',
    );
  });
});

describe('what counts as scenarios: the same rule for the command and defineSuite', () => {
  const sources = `
const one = ${ok('one')};
export const inArray = [one, [${ok('two')}]];
export const inSet = new Set([${ok('three')}]);
export function* generated() { yield ${ok('four')}; yield ${ok('five')}; }
export const generatorObject = (function* () { yield ${ok('six')}; })();
export const suite = defineSuite('s', [one, ${ok('seven')}]);
export const plainFunction = () => ${ok('never-called')};
export const data = [1, 2, 3];
export const words = 'not scenarios';
export default one;`;

  it('takes builders, arrays, sets, generator functions and objects, and suites; each builder once', async () => {
    const run = await cli(['build', 'scenarios'], { cwd: project({ 'all.ts': sources }, ESM) });
    expect(run.code).toBe(0);
    // exports in name order: data, default, generated, generatorObject, inArray, inSet, plainFunction, suite, words
    expect((JSON.parse(run.stdout) as { name: string }[]).map((p) => p.name)).toEqual(['one', 'four', 'five', 'six', 'two', 'three', 'seven']);

    const one = Scenario.define('one').problem('p').scorer(command('t'));
    const suite = defineSuite('same-source', [one, [one.name('two')], new Set([one.name('three')]), function* () { yield one.name('four'); }, defineSuite('s', [one])]);
    expect(suite.scenarios().map((scenario) => scenario.name)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('skips an exported template with a note, but an unnamed builder inside an export is an invalid scenario, as in defineSuite', async () => {
    const template = Scenario.define().problem('p').scorer(command('t'));
    const run = await cli(['validate', 'scenarios'], {
      cwd: project({ 't.ts': `export const template = Scenario.define().problem('p').scorer(command('t'));\nexport const list = [${ok('named')}, template];` }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('skipped scenarios/t.ts, export template: a builder without a name is a template, not a scenario');
    expect(run.stderr).toContain('#2 (unnamed) (scenarios/t.ts, export list[1]):\n    - error name: a scenario needs a name to be created');
    // @ts-expect-error an unnamed builder is not ready to be created; defineSuite also reports it at run time, for untyped code
    expect(() => defineSuite('x', [template]).scenarios()).toThrow(/#1 \(unnamed\):\n {4}- error name: a scenario needs a name to be created/);
  });

  it('reports an export that mixes builders with other values, naming where', async () => {
    const run = await cli(['validate', 'scenarios'], { cwd: project({ 'mixed.ts': `export const cases = [${ok('a')}, 'oops', undefined];` }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('scenarios/mixed.ts, export cases: holds scenario builders and other values (at [1], [2])');
  });

  it('defineSuite names the place of a value that is not a scenario', () => {
    expect(() => defineSuite('bad', [[Scenario.define('a'), 'oops'] as never])).toThrow('got the string "oops" at [0][1]');
  });
});

describe('a file given twice', () => {
  it('is read once', async () => {
    const dir = project({ 'a.ts': `export const a = ${ok('a')};` });
    writeFileSync(join(dir, 'scenarios', 'b.ts'), `${IMPORT_DSL}export const b = ${ok('b')};`);
    expect(await cli(['validate', 'scenarios', 'scenarios/a.ts'], { cwd: dir })).toMatchObject({ code: 0, stdout: '2 scenarios are valid.\n' });
  });
});
