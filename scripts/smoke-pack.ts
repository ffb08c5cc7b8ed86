/**
 * The package as users get it: `npm pack`, install the tarball into an empty project (tarballs
 * from the npm cache that `npm ci` filled), then import it from ESM and CJS, check `instanceof` across its entries, verify a scenario with ast-grep (install scripts off), run the command, and
 * compile a TypeScript file against its types. `npm run smoke`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  // --prefer-offline: tarballs come from the cache npm ci filled; package metadata it may not hold (npm ci fetches none) from the registry
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `typescript@${packageJson.devDependencies.typescript}`, `@types/node@${packageJson.devDependencies['@types/node']}`]);
  step('installed it into an empty project, from the npm cache');

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

  // scenariokit/verify, with the ast-grep binary of @ast-grep/cli installed without its postinstall script (--ignore-scripts)
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  const verify = `
    const scenario = Scenario.define('smoke-verify').problem('p')
      .scorer(astGrep('console.log($$$ARGS)', { lang: 'javascript' }))
      .referenceOutput('echo "console.log(1, 2);" > a.js')
      .workspace(${JSON.stringify(workspace)});
    const report = await verifyScenario(scenario);
    if (report.verdict !== 'verified') throw new Error(JSON.stringify(report));
    console.log('ok');`;
  const verifyEsm = run(process.execPath, ['--input-type=module', '-e', `import { Scenario, astGrep } from 'scenariokit'; import { verifyScenario } from 'scenariokit/verify'; ${verify}`]);
  const verifyCjs = run(process.execPath, ['-e', `const { Scenario, astGrep } = require('scenariokit'); const { verifyScenario } = require('scenariokit/verify'); (async () => { ${verify} })().catch((e) => { console.error(e); process.exit(1); });`]);
  if (verifyEsm !== 'ok' || verifyCjs !== 'ok') throw new Error(`verify failed: ESM ${verifyEsm}, CJS ${verifyCjs}`);
  step('verified a scenario with an ast-grep scorer from ESM and CJS (the binary found without install scripts)');

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

  // each entry is bundled with its own copy of the core: an error thrown by a builder from scenariokit/import is still an instance of the class from scenariokit
  const crossUse = `
    const invalid = fromSweBench(${row}, { blueprintId: 'bpt_1', testCommand: 'pytest -rA', logParser: 'pytest' }).metadata({ stars: 5 });
    let thrown;
    try { invalid.build(); } catch (error) { thrown = error; }
    if (!(thrown instanceof ScenarioValidationError) || thrown.issues[0].inputPath !== 'metadata.stars') throw new Error('not a ScenarioValidationError: ' + String(thrown));
    console.log('ok');`;
  const crossEsm = run(process.execPath, ['--input-type=module', '-e', `import { ScenarioValidationError } from 'scenariokit'; import { fromSweBench } from 'scenariokit/import'; ${crossUse}`]);
  const crossCjs = run(process.execPath, ['-e', `const { ScenarioValidationError } = require('scenariokit'); const { fromSweBench } = require('scenariokit/import'); ${crossUse}`]);
  if (crossEsm !== 'ok' || crossCjs !== 'ok') throw new Error(`instanceof across entries failed: ESM ${crossEsm}, CJS ${crossCjs}`);
  step('an error thrown by a builder from scenariokit/import is instanceof ScenarioValidationError from scenariokit (ESM and CJS)');

  const version = run(join(dir, 'node_modules/.bin/scenariokit'), ['--version']);
  if (version !== packageJson.version) throw new Error(`scenariokit --version printed ${version}`);
  mkdirSync(join(dir, 'scenarios', 'nested'), { recursive: true });
  writeFileSync(join(dir, 'scenarios', 'nested', 'smoke.ts'), `import { Scenario, command } from 'scenariokit';\nexport const smoke = Scenario.define('smoke').problem('p').scorer(command('npm test'));\n`);
  const pushed = run(join(dir, 'node_modules/.bin/scenariokit'), ['push', 'scenarios', '--local']);
  if (pushed !== '1 was created, 0 were updated, 0 unchanged, 0 failed.') throw new Error(`scenariokit push printed ${pushed}`);
  step(`ran the command: scenariokit --version → ${version}; scenariokit push scenarios --local → ${pushed}`);

  writeFileSync(
    join(dir, 'smoke.ts'),
    `import { Scenario, command, type ScenarioCreatePayload, type ScenarioBuilder } from 'scenariokit';
import { startFakeRunloop, type FakeRunloop } from 'scenariokit/testing';
import { runCli } from 'scenariokit/cli';
import { verifyScenario, type ScenarioVerification } from 'scenariokit/verify';
import { fromHarborTask, type ImportResult, type SweBenchInstance } from 'scenariokit/import';
const imported: Promise<ScenarioBuilder> = fromHarborTask('tasks/hello-world', { blueprintId: 'bpt_1' });
const result: ImportResult<ScenarioBuilder> | undefined = undefined;
const row: Partial<SweBenchInstance> = { instance_id: 'x' };
const scenario = Scenario.define('smoke').problem('p').scorer(command('npm test'));
const payload: ScenarioCreatePayload = scenario.buildCreate();
const builders: ScenarioBuilder<any>[] = [scenario, Scenario.define()]; // ScenarioBuilder alone is a ready one
// @ts-expect-error create needs a problem and a scorer first
Scenario.define('x').buildCreate();
const report: Promise<ScenarioVerification> = verifyScenario(scenario, { workspace: '.', cases: ['noop'] });
export { payload, builders, startFakeRunloop, runCli, report, imported, result, row };
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
