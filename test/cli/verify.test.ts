import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { calibrationScenario } from '../../src/verify/index.js';
import { meanFix, scratch } from '../verify/fixtures.js';
import { cli, project, root, srcIndex } from './cli-helpers.js';

/** py-calc: `mean([])` divides by zero; {@link meanFix} makes it return 0.0. */
const pyCalc = join(root, 'test/fixtures/verify/py-calc');
const env = { PATH: process.env.PATH!, HOME: process.env.HOME! };

/** A scenario module on py-calc: the DSL of src/ (with the scorer factories the header lacks) and the workspace path. */
const module = (body: string) => `import { bashScript, custom } from ${JSON.stringify(srcIndex)};
const pyCalc = ${JSON.stringify(pyCalc)};
const meanFix = ${JSON.stringify(meanFix)};
${body}`;

/** Verified: the fix scores 1.0, doing nothing 0.25. Scorers are greps, so that the tests stay fast. */
const verified = module(`
export const fix = Scenario.define('mean-fix')
  .problem('mean([]) divides by zero')
  .scorer(command('grep -q "if not values" calc/core.py', { name: 'fixed' }), 3)
  .scorer(command('test -f calc/core.py', { name: 'still-there' }), 1)
  .referenceOutput(meanFix)
  .workspace(pyCalc);`);

/** One that passes with no change, and one with no reference output. */
const unverified = module(`
export const passes = Scenario.define('passes-anyway').problem('p').scorer(command('true')).referenceOutput('true').workspace(pyCalc);
export const noReference = Scenario.define('no-reference').problem('p').scorer(command('true')).workspace(pyCalc);`);

describe('scenariokit verify', () => {
  it('exits 0 when every scenario verifies: a line per scenario on stderr, the summary on stdout', async () => {
    const run = await cli(['verify', 'scenarios'], { cwd: project({ 'verified.ts': verified }), env });
    expect(run).toEqual({
      code: 0,
      stderr: '[1/1] mean-fix: verified (gold 1.0, no-op 0.25)\n',
      stdout: 'verified 1 of 1 scenario: 0 failed, 0 not verifiable\n',
    });
  });

  it('exits 1 when a scenario fails or is not verifiable, each saying why', async () => {
    const run = await cli(['verify', 'scenarios', '--concurrency', '1'], { cwd: project({ 'a.ts': unverified, 'b.ts': verified }), env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        '[1/3] no-reference: not verifiable',
        '  - no reference_output, so the gold case cannot run: set .referenceOutput(diff or script), or verify the no-op case alone',
        '[2/3] passes-anyway: failed (gold 1.0, no-op 1.0)',
        '  - no-op scored 1.0: the scenario passes with no change',
        '[3/3] mean-fix: verified (gold 1.0, no-op 0.25)',
        '',
      ].join('\n'),
    );
    expect(run.stdout).toBe('verified 1 of 3 scenarios: 1 failed, 1 not verifiable\n');
  });

  it('shows a bar on a terminal, then the scenarios that did not verify and the summary', async () => {
    const run = await cli(['verify', 'scenarios'], { cwd: project({ 'a.ts': unverified }), env, tty: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('verifying [');
    expect(run.stderr).not.toContain('[1/2]');
    expect(run.stdout).toContain('passes-anyway: failed (gold 1.0, no-op 1.0)\n  - no-op scored 1.0: the scenario passes with no change\n');
    expect(run.stdout).toContain('no-reference: not verifiable\n  - no reference_output');
    expect(run.stdout).toMatch(/\nverified 0 of 2 scenarios: 1 failed, 1 not verifiable\n$/);
  });

  it('prints { results, warnings } with --json, the library’s reports, and no progress', async () => {
    const run = await cli(['verify', 'scenarios', '--json'], { cwd: project({ 'verified.ts': verified }), env });
    expect(run.stderr).toBe('');
    const run1 = (fixed: number) => ({
      score: fixed === 1 ? 1 : 0.25,
      scoring_function_results: [
        { scoring_function_name: 'fixed', score: fixed, output: '', state: 'complete' },
        { scoring_function_name: 'still-there', score: 1, output: '', state: 'complete' },
      ],
    });
    expect(JSON.parse(run.stdout)).toEqual({
      results: [
        {
          name: 'mean-fix',
          verdict: 'verified',
          problems: [],
          cases: { gold: { score: 1, flaky: false, runs: [run1(1)] }, noop: { score: 0.25, flaky: false, runs: [run1(0)] } },
        },
      ],
      warnings: [],
    });
    expect(run.code).toBe(0);
  });

  it('runs one case with --case', async () => {
    const dir = project({ 'verified.ts': verified });
    const run = await cli(['verify', 'scenarios', '--case', 'noop', '--json'], { cwd: dir, env });
    expect(Object.keys(JSON.parse(run.stdout).results[0].cases)).toEqual(['noop']);
    expect((await cli(['verify', 'scenarios', '--case', 'noop'], { cwd: dir, env })).stderr).toBe('[1/1] mean-fix: verified (no-op 0.25)\n');
    const bad = await cli(['verify', 'scenarios', '--case', 'nop'], { cwd: dir, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--case <case>' argument 'nop' is invalid. Allowed choices are gold, noop.");
  });

  it('catches a flaky scorer with --runs 3', async () => {
    const counter = join(scratch(), 'runs');
    const dir = project({
      'flaky.ts': module(`
export const flaky = Scenario.define('flaky').problem('p')
  .scorer(command('n=$(cat ${counter} 2>/dev/null || echo 0); echo $((n + 1)) > ${counter}; [ $((n % 2)) -eq 0 ]', { name: 'every-other' }))
  .referenceOutput('true')
  .workspace(pyCalc);`),
    });
    const run = await cli(['verify', 'scenarios', '--runs', '3', '--case', 'gold'], { cwd: dir, env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[1/1] flaky: failed (gold flaky 1.0/0.0/1.0)\n  - flaky: gold scored 1.0, 0.0, 1.0');
    expect(readFileSync(counter, 'utf8')).toBe('3\n');
    for (const runs of ['0', '1.5', 'x']) {
      expect(await cli(['verify', 'scenarios', '--runs', runs], { cwd: dir, env })).toMatchObject({ code: 2, stderr: expect.stringContaining('must be a whole number of at least 1') });
    }
  });

  it('takes --workspace over every scenario’s own, relative to the current directory', async () => {
    const dir = project({
      'anywhere.ts': module(`
export const anywhere = Scenario.define('anywhere').problem('p').scorer(command('grep -q "if not values" calc/core.py')).referenceOutput(meanFix);
export const elsewhere = anywhere.name('elsewhere').workspace('/nonexistent/checkout');`),
    });
    cpSync(pyCalc, join(dir, 'checkout'), { recursive: true });
    const without = await cli(['verify', 'scenarios/anywhere.ts', '--concurrency', '1'], { cwd: dir, env });
    expect(without.code).toBe(2); // elsewhere's workspace does not exist
    expect(without.stderr).toContain('scenario "elsewhere": its workspace /nonexistent/checkout is not a directory');
    const run = await cli(['verify', 'scenarios', '--workspace', 'checkout', '--concurrency', '1'], { cwd: dir, env });
    expect(run.stderr).toBe('[1/2] anywhere: verified (gold 1.0, no-op 0.0)\n[2/2] elsewhere: verified (gold 1.0, no-op 0.0)\n');
    expect(run.code).toBe(0);
  });

  it('resolves a relative .workspace() against the file it loaded, in a CommonJS project (tsx runs the module from a data: URL)', async () => {
    // package.json without "type": tsx loads scenarios/nested/relative.ts as CommonJS, and the call stack does not name it
    const dir = project(
      {
        'nested/relative.ts': `
export const relative = Scenario.define('relative').problem('p').scorer(command('grep -q "if not values" calc/core.py')).referenceOutput(${JSON.stringify(meanFix)}).workspace('./checkout');`,
      },
      { packageJson: {} },
    );
    cpSync(pyCalc, join(dir, 'scenarios/nested/checkout'), { recursive: true });
    const run = await cli(['verify', 'scenarios/nested/relative.ts', '--no-setup'], { cwd: dir, env });
    expect(run).toEqual({ code: 0, stderr: '[1/1] relative: verified (gold 1.0, no-op 0.0)\n', stdout: 'verified 1 of 1 scenario: 0 failed, 0 not verifiable\n' });
  });

  it('skips the launch commands with --no-setup', async () => {
    const dir = project({
      'setup.ts': module(`
export const needsNetwork = Scenario.define('needs-network').problem('p')
  .env({ launch: { launchCommands: ['echo no network >&2; exit 7'] } })
  .scorer(command('grep -q "if not values" calc/core.py'))
  .referenceOutput(meanFix)
  .workspace(pyCalc);`),
    });
    const withSetup = await cli(['verify', 'scenarios'], { cwd: dir, env });
    expect(withSetup.code).toBe(1);
    expect(withSetup.stderr).toContain('  - setup failed: launch command "echo no network >&2; exit 7" failed (exit 7): no network');
    expect(await cli(['verify', 'scenarios', '--no-setup'], { cwd: dir, env })).toMatchObject({ code: 0, stderr: '[1/1] needs-network: verified (gold 1.0, no-op 0.0)\n' });
  });

  it('keeps every run’s directory with --keep and prints where', async () => {
    const run = await cli(['verify', 'scenarios', '--keep'], { cwd: project({ 'verified.ts': verified }), env });
    expect(run.code).toBe(0);
    const kept = [...run.stdout.matchAll(/^ {2}mean-fix: (.+)$/gm)].map((match) => match[1]!);
    onTestFinished(() => rmSync(dirname(dirname(dirname(kept[0]!))), { recursive: true, force: true }));
    expect(run.stdout).toContain('Kept the directory of every run (--keep):\n');
    expect(kept.map((path) => path.split('/').slice(-2).join('/'))).toEqual(['gold-1/workspace', 'noop-1/workspace']);
    expect(readFileSync(join(kept[0]!, 'calc/core.py'), 'utf8')).toContain('if not values'); // the gold run, fixed
    expect(readFileSync(join(kept[1]!, 'calc/core.py'), 'utf8')).not.toContain('if not values');
  });

  it('runs custom scorers with --custom-scorer <type>=<script>, relative to the current directory', async () => {
    const dir = project({
      'custom.ts': module(`
export const checked = Scenario.define('custom-checked').problem('p')
  .scorer(custom('fixed-check', { name: 'fixed', params: { file: 'calc/core.py' } }))
  .referenceOutput(meanFix)
  .workspace(pyCalc);`),
    });
    mkdirSync(join(dir, 'scorers'));
    writeFileSync(join(dir, 'scorers/fixed.sh'), 'echo "context: $RL_SCORER_CONTEXT"\nif grep -q "if not values" calc/core.py; then echo 1.0; else echo 0.0; fi\n');
    const run = await cli(['verify', 'scenarios', '--custom-scorer', 'fixed-check=scorers/fixed.sh', '--json'], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0].cases.gold.runs[0].scoring_function_results[0]).toEqual({
      scoring_function_name: 'fixed',
      score: 1,
      output: 'context: {"file":"calc/core.py"}\n1.0\n',
      state: 'complete',
    });

    const without = await cli(['verify', 'scenarios'], { cwd: dir, env });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('custom scorer of type "fixed-check", which has no local implementation');
    const missing = await cli(['verify', 'scenarios', '--custom-scorer', 'fixed-check=scorers/missing.sh'], { cwd: dir, env });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain(`${join(dir, 'scorers/missing.sh')} is not a file`);
    for (const flag of ['fixed-check', '=scorers/fixed.sh', 'fixed-check=']) {
      const bad = await cli(['verify', 'scenarios', '--custom-scorer', flag], { cwd: dir, env });
      expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('must be <type>=<script path>') });
    }
    const twice = await cli(['verify', 'scenarios', '--custom-scorer', 'a=x.sh', '--custom-scorer', 'a=y.sh'], { cwd: dir, env });
    expect(twice).toMatchObject({ code: 2, stderr: expect.stringContaining('the custom scorer type "a" is given twice') });
  });

  it('exits 2 before anything runs when a secret is missing, naming it', async () => {
    const marker = join(scratch(), 'ran');
    const dir = project({
      'secret.ts': module(`
export const fine = Scenario.define('fine').problem('p').scorer(command('touch ${marker}')).referenceOutput('true').workspace(pyCalc);
export const needsSecret = fine.name('needs-secret').requiredSecrets(['SERVICE_TOKEN']).requiredEnv(['SERVICE_URL']);`),
    });
    const run = await cli(['verify', 'scenarios'], { cwd: dir, env: { ...env, SERVICE_URL: 'http://127.0.0.1:1' } });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cannot verify (1 problem):\n  - scenario "needs-secret" needs secret SERVICE_TOKEN, not set in the environment\nNothing ran.\n',
    });
    expect(existsSync(marker)).toBe(false);
  });

  it('exits 2 for an invalid scenario, and for a call with nothing to verify', async () => {
    const dir = project({ 'bad.ts': `export const bad = Scenario.define('bad').problem('p');` });
    expect(await cli(['verify', 'scenarios'], { cwd: dir, env })).toMatchObject({ code: 2, stderr: expect.stringContaining('scoring_contract') });
    expect(await cli(['verify'], { cwd: dir, env })).toMatchObject({
      code: 2,
      stderr: 'name the files to verify (scenariokit verify <files...>), or print the calibration scenario with --calibration\n',
    });
  });

  it('never prints the API key, even when a scorer or a launch command echoes it', async () => {
    const key = 'rl_verify_secret_4f1d2c';
    const dir = project({
      'leak.ts': module(`
export const scorerLeaks = Scenario.define('scorer-leaks').problem('p')
  .requiredEnv(['RUNLOOP_API_KEY'])
  .scorer(bashScript('echo "key: $RUNLOOP_API_KEY"; echo score=0', { name: 'leaks' }))
  .referenceOutput('true')
  .workspace(pyCalc);
export const setupLeaks = scorerLeaks.name('setup-leaks').env({ launch: { launchCommands: ['echo "key: $RUNLOOP_API_KEY"; exit 1'] } });`),
    });
    for (const flags of [[], ['--json'], ['--keep', '--json']]) {
      const run = await cli(['verify', 'scenarios', ...flags], { cwd: dir, env: { ...env, RUNLOOP_API_KEY: key } });
      if (flags.includes('--keep')) for (const result of JSON.parse(run.stdout).results) rmSync(dirname(dirname(dirname(result.kept[0]))), { recursive: true, force: true });
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).not.toContain(key);
      expect(`${run.stdout}${run.stderr}`).toContain('key: ****');
    }
  });

  it('prints the calibration scenario with --calibration, and takes no files then', async () => {
    const dir = project({});
    const run = await cli(['verify', '--calibration'], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(calibrationScenario().buildCreate());
    expect(await cli(['verify', 'scenarios', '--calibration'], { cwd: dir, env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--calibration prints the calibration scenario and verifies nothing'),
    });
  });

  it('says in --help that it sends nothing, and what its exit codes mean', async () => {
    const run = await cli(['verify', '--help'], { cwd: project({}), env });
    expect(run.stdout).toContain('Where it sends: nowhere');
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 {2}every scenario is verified.+\n {2}1 {2}.+\n {2}2 {2}.+/);
    expect(run.stdout).toContain('--custom-scorer <type=script>');
    expect(run.stdout).not.toContain('--local');
  });
});

describe('scenariokit verify, interrupted', () => {
  /** tsx's loader, by absolute URL: the command runs as a process of its own, to receive a real SIGINT. */
  const TSX = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;

  it.each(['SIGINT', 'SIGTERM'] as const)('kills the running scorers on %s, removes its directories, and exits 1', async (signal) => {
    const pidFile = join(scratch(), 'pid');
    const cwdFile = join(scratch(), 'cwd');
    const tmp = scratch();
    const dir = project({
      'slow.ts': module(`
export const slow = Scenario.define('slow').problem('p').scorer(command('pwd > ${cwdFile}; echo $$ > ${pidFile}; sleep 60')).referenceOutput('true').workspace(pyCalc);`),
    });
    const child = spawn(process.execPath, ['--import', TSX, join(root, 'src/cli/bin.ts'), 'verify', 'scenarios'], {
      cwd: dir,
      env: { ...env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8') === '') await new Promise((resolve) => setTimeout(resolve, 50));
    const scorer = Number(readFileSync(pidFile, 'utf8'));
    child.kill(signal);
    expect(await exited).toBe(1);
    expect(stderr).toContain(`Interrupted (${signal}): killing the running scorers; nothing more runs.`);
    // its process group is gone (once the system has reaped the killed processes)
    await vi.waitFor(() => expect(() => process.kill(-scorer, 0)).toThrow(), { timeout: 5_000, interval: 20 });
    const workspace = readFileSync(cwdFile, 'utf8').trim();
    expect(workspace.startsWith(`${tmp}/scenariokit-verify-`)).toBe(true);
    expect(existsSync(workspace)).toBe(false);
    expect(readdirSync(tmp).filter((name) => name.startsWith('scenariokit-verify-'))).toEqual([]);
  }, 30_000);
});
