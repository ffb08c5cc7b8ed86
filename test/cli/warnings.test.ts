import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meanFix } from '../verify/fixtures.js';
import { cli, project, root } from './cli-helpers.js';

/** A scenario with two warnings (a scorer name used twice, an environment variable listed twice), and one without. */
const modules = {
  'bugs.ts': `
export const dup = Scenario.define('dup').problem('p').scorer(command('npm test', { name: 'tests' })).scorer(command('npm run e2e', { name: 'tests' })).requiredEnv(['CI', 'CI']);
export const clean = Scenario.define('clean').problem('p').scorer(command('npm test'));`,
};

/** The same warning in a payload file, at line 9 of the file. */
const yaml = `- name: yaml-dup
  input_context:
    problem_statement: p
  scoring_contract:
    scoring_function_parameters:
      - name: tests
        weight: 0.5
        scorer: { type: command_scorer, command: npm test }
      - name: tests
        weight: 0.5
        scorer: { type: command_scorer, command: npm run e2e }
`;

const WARNINGS = [
  "3 warnings in 2 scenarios (scenariokit's checks beyond the API; --strict makes them fail):",
  '  dup (scenarios/bugs.ts, export dup): scorer[1].name: scorer name "tests" is used twice [duplicate-scorer-name]',
  '  dup (scenarios/bugs.ts, export dup): requiredEnv[1]: environment variable "CI" is listed twice [duplicate-entry]',
  '  yaml-dup (scenarios/more.yaml:9): scoring_contract.scoring_function_parameters[1].name: scorer name "tests" is used twice [duplicate-scorer-name]',
  '',
].join('\n');

function warned(): string {
  const dir = project(modules);
  writeFileSync(join(dir, 'scenarios', 'more.yaml'), yaml);
  return dir;
}

/** The warnings as --json prints them. */
const jsonWarnings = [
  expect.objectContaining({ scenario: 'dup', origin: 'scenarios/bugs.ts, export dup', severity: 'warning', code: 'duplicate-scorer-name', inputPath: 'scorer[1].name', path: ['scoring_contract', 'scoring_function_parameters', 1, 'name'] }),
  expect.objectContaining({ scenario: 'dup', code: 'duplicate-entry', inputPath: 'requiredEnv[1]', message: 'environment variable "CI" is listed twice' }),
  expect.objectContaining({ scenario: 'yaml-dup', origin: 'scenarios/more.yaml:9', code: 'duplicate-scorer-name', inputPath: 'scoring_contract.scoring_function_parameters[1].name' }),
];

describe('warnings on the command line', () => {
  it('validate lists them (payload files by file and line) and exits 0; --strict fails on them, exit 2', async () => {
    const dir = warned();
    expect(await cli(['validate', 'scenarios'], { cwd: dir })).toEqual({ code: 0, stdout: '3 scenarios are valid, with 3 warnings (above).\n', stderr: WARNINGS });
    const strict = await cli(['validate', 'scenarios', '--strict'], { cwd: dir });
    expect(strict).toMatchObject({ code: 2, stdout: '' });
    expect(strict.stderr).toContain('Suite "scenarios": 2 scenarios are invalid; fix them before anything is sent.\n  "dup" (scenarios/bugs.ts, export dup):\n    - warning scorer[1].name: scorer name "tests" is used twice\n');
    expect(strict.stderr).toContain('  "yaml-dup" (scenarios/more.yaml:1, [0]):\n');
    expect(strict.stderr).toMatch(/\(--strict: warnings fail like errors\.\)\n$/);
    expect(await cli(['validate', 'scenarios/bugs.ts', '--strict'], { cwd: project({ 'bugs.ts': modules['bugs.ts'].replace("'npm run e2e', { name: 'tests' }", "'npm run e2e', { name: 'e2e' }").replace("['CI', 'CI']", "['CI']") }) })).toEqual({
      code: 0,
      stdout: '2 scenarios are valid.\n',
      stderr: '',
    });
  });

  it('build prints the payloads, the warnings on stderr; --strict writes nothing', async () => {
    const dir = warned();
    const build = await cli(['build', 'scenarios'], { cwd: dir });
    expect(build).toMatchObject({ code: 0, stderr: WARNINGS });
    expect(JSON.parse(build.stdout).map((payload: { name: string }) => payload.name)).toEqual(['clean', 'dup', 'yaml-dup']);
    expect(await cli(['build', 'scenarios', '--out', 'out', '--strict'], { cwd: dir })).toMatchObject({ code: 2, stdout: '' });
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('plan and push carry them in --json, and --strict sends nothing', async () => {
    const dir = warned();
    for (const command of ['plan', 'push']) {
      const strict = await cli([command, 'scenarios', '--strict'], { cwd: dir });
      expect(strict).toMatchObject({ code: 2, stdout: '' });
      expect(strict.stderr).toContain('(--strict: warnings fail like errors.)');
    }
    expect(existsSync(join(dir, '.scenariokit'))).toBe(false); // the target was never opened

    const plan = await cli(['plan', 'scenarios', '--json'], { cwd: dir });
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain(WARNINGS);
    expect(JSON.parse(plan.stdout)).toMatchObject({ items: [{ action: 'create' }, { action: 'create' }, { action: 'create' }], warnings: jsonWarnings });
    const push = await cli(['push', 'scenarios', '--json'], { cwd: dir });
    expect(push.code).toBe(0);
    expect(JSON.parse(push.stdout)).toEqual({ results: expect.any(Array), warnings: jsonWarnings });
    expect(JSON.parse(push.stdout).results.map((result: { action: string }) => result.action)).toEqual(['create', 'create', 'create']);
  }, 30_000);

  it('verify lists them and verifies (exit 0), carries them in --json, and runs nothing with --strict', async () => {
    const dir = project({
      'mean.ts': `
export const fix = Scenario.define('mean-fix')
  .problem('mean([]) divides by zero')
  .scorer(command('grep -q "if not values" calc/core.py', { name: 'fixed' }), 3)
  .scorer(command('test -f calc/core.py', { name: 'fixed' }), 1)
  .referenceOutput(${JSON.stringify(meanFix)})
  .workspace(${JSON.stringify(join(root, 'test/fixtures/verify/py-calc'))});`,
    });
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME! };
    const warning = '  mean-fix (scenarios/mean.ts, export fix): scorer[1].name: scorer name "fixed" is used twice [duplicate-scorer-name]';
    const run = await cli(['verify', 'scenarios'], { cwd: dir, env });
    expect(run).toMatchObject({ code: 0, stdout: 'verified 1 of 1 scenario: 0 failed, 0 not verifiable\n' });
    expect(run.stderr).toBe(`1 warning in 1 scenario (scenariokit's checks beyond the API; --strict makes them fail):\n${warning}\n[1/1] mean-fix: verified (gold 1.0, no-op 0.25)\n`);
    const json = await cli(['verify', 'scenarios', '--json'], { cwd: dir, env });
    expect(JSON.parse(json.stdout)).toMatchObject({ results: [{ name: 'mean-fix', verdict: 'verified' }], warnings: [{ scenario: 'mean-fix', code: 'duplicate-scorer-name' }] });
    const strict = await cli(['verify', 'scenarios', '--strict'], { cwd: dir, env });
    expect(strict).toMatchObject({ code: 2, stdout: '' });
    expect(strict.stderr).not.toContain('[1/1]');
  });
});
