/**
 * The package as users get it: `npm pack`, install the tarball into an empty project (offline,
 * from the npm cache that `npm ci` filled), then import it from ESM and CJS, run the command, and
 * compile a TypeScript file against its types. `npm run smoke`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'scenariokit-smoke-'));
const run = (command: string, args: string[], cwd = dir) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const step = (text: string) => console.error(`smoke: ${text}`);

try {
  const tarball = join(dir, run('npm', ['pack', '--silent', '--pack-destination', dir], root).split('\n').pop()!);
  step(`packed ${tarball}`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `typescript@${packageJson.devDependencies.typescript}`, `@types/node@${packageJson.devDependencies['@types/node']}`]);
  step('installed it offline into an empty project');

  const use = `
    const payload = Scenario.define('smoke').problem('p').scorer(command('npm test')).buildCreate();
    const fake = await startFakeRunloop();
    const view = await Scenario.define('smoke').problem('p').scorer(command('npm test')).create({ client: fake.client() });
    await fake.close();
    if (payload.name !== 'smoke' || view.name !== 'smoke' || !view.id.startsWith('scn_')) throw new Error('unexpected result');
    console.log('ok');`;
  const esm = run(process.execPath, ['--input-type=module', '-e', `import { Scenario, command } from 'scenariokit'; import { startFakeRunloop } from 'scenariokit/testing'; ${use}`]);
  const cjs = run(process.execPath, ['-e', `const { Scenario, command } = require('scenariokit'); const { startFakeRunloop } = require('scenariokit/testing'); (async () => { ${use} })().catch((e) => { console.error(e); process.exit(1); });`]);
  if (esm !== 'ok' || cjs !== 'ok') throw new Error(`imports failed: ESM ${esm}, CJS ${cjs}`);
  step('imported it from ESM and CJS, built a payload, created a scenario on the fake (the SDK loaded lazily)');

  const row = JSON.stringify({
    instance_id: 'acme__calc-1', repo: 'acme/calc', base_commit: '68349cb4', patch: 'diff --git a/calc.py b/calc.py\n', problem_statement: 'add() subtracts',
    test_patch: 'diff --git a/tests/test_calc.py b/tests/test_calc.py\n--- a/tests/test_calc.py\n+++ b/tests/test_calc.py\n@@ -1 +1 @@\n-x\n+y\n',
    FAIL_TO_PASS: '["tests/test_calc.py::test_add"]', PASS_TO_PASS: [],
  });
  const importUse = `
    const scenario = fromSweBench(${row}, { blueprintId: 'bpt_1', testCommand: 'pytest -rA', logParser: 'pytest' });
    if (scenario.buildCreate().name !== 'acme__calc-1' || typeof importHarborTasks !== 'function') throw new Error('unexpected import result');
    console.log('ok');`;
  const importEsm = run(process.execPath, ['--input-type=module', '-e', `import { fromSweBench, importHarborTasks } from 'scenariokit/import'; ${importUse}`]);
  const importCjs = run(process.execPath, ['-e', `const { fromSweBench, importHarborTasks } = require('scenariokit/import'); ${importUse}`]);
  if (importEsm !== 'ok' || importCjs !== 'ok') throw new Error(`scenariokit/import failed: ESM ${importEsm}, CJS ${importCjs}`);
  step('imported scenariokit/import from ESM and CJS and imported a SWE-bench row');

  const version = run(join(dir, 'node_modules/.bin/scenariokit'), ['--version']);
  if (version !== packageJson.version) throw new Error(`scenariokit --version printed ${version}`);
  step(`ran the command: scenariokit --version → ${version}`);

  writeFileSync(
    join(dir, 'smoke.ts'),
    `import { Scenario, command, type ScenarioCreatePayload, type ScenarioBuilder } from 'scenariokit';
import { startFakeRunloop, type FakeRunloop } from 'scenariokit/testing';
import { runCli } from 'scenariokit/cli';
import { fromHarborTask, type ImportResult, type SweBenchInstance } from 'scenariokit/import';
const imported: Promise<ScenarioBuilder> = fromHarborTask('tasks/hello-world', { blueprintId: 'bpt_1' });
const result: ImportResult<ScenarioBuilder> | undefined = undefined;
const row: Partial<SweBenchInstance> = { instance_id: 'x' };
const scenario = Scenario.define('smoke').problem('p').scorer(command('npm test'));
const payload: ScenarioCreatePayload = scenario.buildCreate();
const builders: ScenarioBuilder[] = [scenario, Scenario.define()];
// @ts-expect-error create needs a problem and a scorer first
Scenario.define('x').buildCreate();
export { payload, builders, startFakeRunloop, runCli, imported, result, row };
export type { FakeRunloop };
`,
  );
  for (const moduleResolution of ['nodenext', 'bundler']) {
    const module = moduleResolution === 'bundler' ? 'esnext' : 'nodenext';
    run(join(dir, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--skipLibCheck', 'false', '--types', 'node', '--target', 'es2022', '--module', module, '--moduleResolution', moduleResolution, 'smoke.ts']);
  }
  step('compiled a TypeScript file against its types (nodenext and bundler resolution, libraries checked)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
