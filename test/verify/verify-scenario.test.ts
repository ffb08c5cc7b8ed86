import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bashScript, command, Scenario, ScenarioValidationError } from '../../src/index.js';
import { verifyScenario, VerifyInputError } from '../../src/verify/index.js';
import { env, fixture, meanBreak, meanFix, pyCalc, scratch } from './fixtures.js';

const python = fixture('py-calc');
/** A scenario of bash scorers on py-calc (any directory would do), cheap to run. */
const quick = (name: string) => Scenario.define(name).problem('p').workspace(python);
/** py-calc with one cheap scorer (no pytest): whether mean([]) is 0.0. */
const pyCalcQuick = Scenario.define('py-calc-quick')
  .problem('mean([]) raises ZeroDivisionError; make it return 0.0.')
  .scorer(command('python3 -c "from calc import mean; assert mean([]) == 0.0"', { name: 'empty-mean' }))
  .workspace(python);

describe('verifyScenario on a Python repository with pytest', () => {
  it('verifies a scenario whose reference scores 1.0 and whose no-op scores below', async () => {
    const report = await verifyScenario(pyCalc, { env });
    expect(report).toMatchObject({ name: 'py-calc-empty-mean', verdict: 'verified', problems: [] });
    expect(report.cases.gold).toEqual({
      score: 1,
      flaky: false,
      runs: [
        {
          score: 1,
          scoring_function_results: [
            { scoring_function_name: 'hidden-tests', score: 1, output: expect.stringContaining('1 passed'), state: 'complete' },
            { scoring_function_name: 'existing-tests', score: 1, output: expect.stringContaining('2 passed'), state: 'complete' },
          ],
        },
      ],
    });
    // no-op: the hidden test fails (weight 3/4), the existing tests pass (1/4)
    expect(report.cases.noop).toEqual({
      score: 0.25,
      flaky: false,
      runs: [
        {
          score: 0.25,
          scoring_function_results: [
            { scoring_function_name: 'hidden-tests', score: 0, output: expect.stringContaining('ZeroDivisionError'), state: 'complete' },
            { scoring_function_name: 'existing-tests', score: 1, output: expect.stringContaining('2 passed'), state: 'complete' },
          ],
        },
      ],
    });
  });

  it('fails a gold run below 1.0 and says which scorer failed, with its exit status', async () => {
    const report = await verifyScenario(pyCalc.replaceScorer('existing-tests', command('python3 -m pytest -q tests/test_core.py -k nothing-matches')), { env, cases: ['gold'] });
    expect(report.verdict).toBe('failed');
    expect(report.problems).toEqual(['gold scored 0.75: scorer existing-tests failed (exit 5)']);
  });

  it('catches a scenario that passes with no change', async () => {
    const report = await verifyScenario(pyCalc.removeScorer('hidden-tests'), { env });
    expect(report.verdict).toBe('failed');
    expect(report.cases.gold?.score).toBe(1);
    expect(report.problems).toEqual(['no-op scored 1.0: the scenario passes with no change']);
  });

  it('applies a REVERSE scenario’s reference reversed (-R)', async () => {
    // the workspace is the broken code; the reference is the diff that broke it
    const reversed = pyCalcQuick.referenceOutput(meanBreak).validation('REVERSE');
    expect(await verifyScenario(reversed, { env })).toMatchObject({ verdict: 'verified', cases: { gold: { score: 1 }, noop: { score: 0 } } });
    const byMetadata = pyCalcQuick.referenceOutput(meanBreak).metadata({ reference_patch_direction: 'reverse' });
    expect((await verifyScenario(byMetadata, { env, cases: ['gold'] })).verdict).toBe('verified');
    // forward, the same diff does not apply
    expect((await verifyScenario(pyCalcQuick.referenceOutput(meanBreak), { env, cases: ['gold'] })).problems).toEqual([
      'reference_output does not apply: calc/core.py looks patched already: is the diff reversed (validation REVERSE)?',
    ]);
  });
});

describe('the reference output', () => {
  const twoHunks = `--- a/calc/core.py
+++ b/calc/core.py
@@ -1,4 +1,4 @@
-"""Small numeric helpers."""
+"""Numeric helpers."""
 
 
 def add(a, b):
@@ -9,3 +9,3 @@
 def mean(values):
     """The arithmetic mean of some numbers."""
-    return sum(values) / max(len(values), 1)
+    return sum(values) / len(values) if values else 0.0
`;

  it('fails when a diff does not apply, naming the file and hunk, and applies none of it', async () => {
    const report = await verifyScenario(pyCalcQuick.referenceOutput(twoHunks), { env, cases: ['gold'], keep: true });
    expect(report.verdict).toBe('failed');
    expect(report.problems).toEqual(['reference_output does not apply: hunk 2 of calc/core.py']);
    expect(report.cases.gold).toBeUndefined(); // nothing was scored
    // hunk 1 applies on its own, but the dry run kept it from being applied
    expect(report.kept).toHaveLength(1);
    expect(readFileSync(join(report.kept![0]!, 'calc/core.py'), 'utf8')).toBe(readFileSync(join(python, 'calc/core.py'), 'utf8'));
    rmSync(join(report.kept![0]!, '../../..'), { recursive: true });
  });

  it('names a file that does not exist, and says when a diff is not a patch at all', async () => {
    const missingFile = meanFix.replaceAll('calc/core.py', 'calc/stats.py');
    expect((await verifyScenario(pyCalcQuick.referenceOutput(missingFile), { env, cases: ['gold'] })).problems).toEqual([
      'reference_output does not apply: calc/stats.py does not exist',
    ]);
    // the hunk header promises 8 new lines, the body has 5 (the mistake examples/swe-bug-fix.ts once had)
    const badCounts = meanFix.replace('@@ -8,4 +8,6 @@', '@@ -8,4 +8,9 @@');
    expect((await verifyScenario(pyCalcQuick.referenceOutput(badCounts), { env, cases: ['gold'] })).problems).toEqual([
      'reference_output is not a valid patch: malformed patch at line 10',
    ]);
  });

  it('runs anything but a diff as a bash script, and fails when it fails', async () => {
    const script = `python3 - <<'EOF'
import re
path = "calc/core.py"
source = open(path).read()
open(path, "w").write(source.replace('    return sum(values)', '    if not values:\\n        return 0.0\\n    return sum(values)'))
EOF`;
    expect((await verifyScenario(pyCalcQuick.referenceOutput(script), { env, cases: ['gold'] })).verdict).toBe('verified');
    expect((await verifyScenario(pyCalcQuick.referenceOutput('echo cannot fix this >&2; exit 3'), { env, cases: ['gold'] })).problems).toEqual([
      'reference_output (a bash script) failed (exit 3): cannot fix this',
    ]);
  });
});

describe('runs', () => {
  it('catches a flaky scorer with runs: 3', async () => {
    const counter = join(scratch(), 'count');
    const flaky = bashScript(`n=$(( $(cat ${counter} 2>/dev/null || echo 0) + 1 )); echo $n > ${counter}; if [ $n -eq 2 ]; then echo 0.5; else echo 1.0; fi`, { name: 'flaky' });
    const scenario = quick('flaky').scorer(flaky).scorer(command('test -f fixed', { name: 'fixed' })).referenceOutput('touch fixed');
    const report = await verifyScenario(scenario, { env, runs: 3 });
    expect(report.verdict).toBe('failed');
    expect(report.problems).toEqual(['flaky: gold scored 1.0, 0.75, 1.0 (run 2: scorer flaky scored 0.5)']);
    expect(report.cases.gold).toMatchObject({ score: 0.75, flaky: true });
    expect(report.cases.gold?.runs.map((run) => run.score)).toEqual([1, 0.75, 1]);
    expect(report.cases.noop).toMatchObject({ score: 0.5, flaky: false });
    expect(report.cases.noop?.runs).toHaveLength(3);
  });

  it('verifies a steady scenario over several runs, each on a fresh copy of the workspace', async () => {
    // the scorer would fail on a second run in the same directory
    const scenario = quick('fresh').scorer(command('test ! -e mark && touch mark && test -f fixed')).referenceOutput('touch fixed');
    const report = await verifyScenario(scenario, { env, runs: 2 });
    expect(report).toMatchObject({ verdict: 'verified', cases: { gold: { score: 1, flaky: false }, noop: { score: 0, flaky: false } } });
  });

  it('totals the scores with the normalised weights', async () => {
    const scenario = quick('weights')
      .scorer(bashScript('echo 1.0', { name: 'full' }), 2)
      .scorer(bashScript('echo score=0.5', { name: 'half' }), 1)
      .scorer(command('false', { name: 'none' }), 1)
      .scorer(command('false', { name: 'weightless' }), 0)
      .referenceOutput('true');
    const report = await verifyScenario(scenario, { env });
    // 0.5 × 1 + 0.25 × 0.5 + 0.25 × 0 + 0 × 0
    expect(report.cases.gold?.score).toBe(0.625);
    expect(report.problems).toEqual(['gold scored 0.625: scorer half scored 0.5, scorer none failed (exit 1)']);
  });

  it('counts a total within WEIGHT_TOLERANCE of 1 as 1.0, as exact weights may sum to 1 within it', async () => {
    const scenario = quick('exact-weights')
      .weights('exact')
      .scorer(command('test -f fixed', { name: 'a' }), 0.5)
      .scorer(command('test -f fixed', { name: 'b' }), 0.4999995)
      .referenceOutput('touch fixed');
    expect(scenario.validateCreate().success).toBe(true);
    const report = await verifyScenario(scenario, { env });
    expect(report).toMatchObject({ verdict: 'verified', cases: { gold: { score: 1 } } });
  });
});

describe('setup', () => {
  const needsSetup = quick('setup').env({ launch: { launchCommands: ['echo ok > prepared'] } }).scorer(command('test -f prepared && test -f fixed')).referenceOutput('touch fixed');

  it('runs the launch commands in the workspace before the reference and the scorers', async () => {
    expect((await verifyScenario(needsSetup, { env })).verdict).toBe('verified');
  });

  it('skips them with setup: false', async () => {
    const report = await verifyScenario(needsSetup, { env, setup: false });
    expect(report.problems).toEqual(['gold scored 0.0: scorer command failed (exit 1)']);
  });

  it('reports a failing launch command as a setup failure, not a score, and stops', async () => {
    const failing = needsSetup.env({ launch: { launchCommands: ['echo ok > prepared', 'echo no network >&2; exit 7'] } });
    const report = await verifyScenario(failing, { env, runs: 2 });
    expect(report).toEqual({
      name: 'setup',
      verdict: 'failed',
      problems: ['setup failed: launch command "echo no network >&2; exit 7" failed (exit 7): no network (gold run 1)'],
      cases: {},
    });
  });
});

describe('the scorer environment', () => {
  it('holds PATH, HOME and the required variables and secrets, and nothing else of the caller’s', async () => {
    const scenario = quick('environment')
      .requiredEnv(['SK_REGION'])
      .requiredSecrets(['SK_TOKEN'])
      .scorer(bashScript('env | cut -d= -f1 | sort | tr "\\n" " "; echo; echo 0'))
      .scorer(command('test "$SK_TOKEN" = hunter2-very-secret && test "$SK_REGION" = eu', { name: 'has-values' }));
    const report = await verifyScenario(scenario, {
      env: { ...env, SK_REGION: 'eu', SK_TOKEN: 'hunter2-very-secret', SK_UNRELATED: 'x' },
      cases: ['noop'],
    });
    const [listing, values] = report.cases.noop!.runs[0]!.scoring_function_results;
    const names = listing!.output.split('\n')[0]!.trim().split(' ');
    expect(names.filter((name) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(name))).toEqual(['HOME', 'PATH', 'SK_REGION', 'SK_TOKEN']);
    expect(values!.score).toBe(1);
  });

  it('never reports a secret’s value', async () => {
    const scenario = quick('leaky').requiredSecrets(['SK_TOKEN']).scorer(command('echo "token is $SK_TOKEN"; exit 1', { name: 'leaks' })).referenceOutput('true');
    const report = await verifyScenario(scenario, { env: { ...env, SK_TOKEN: 'hunter2-very-secret' } });
    const text = JSON.stringify(report);
    expect(text).not.toContain('hunter2');
    expect(report.cases.gold?.runs[0]?.scoring_function_results[0]?.output).toBe('token is ****\n');
  });

  it('removes a short secret only as a whole word, and a secret’s JSON-escaped and URL-encoded forms', async () => {
    const secret = 'a/b+c"d e';
    const scenario = quick('short-secret')
      .requiredSecrets(['SK_TOKEN', 'SK_QUOTED'])
      .requiredEnv(['SK_JSON', 'SK_URL']) // the secret's forms, as a server or a JSON document would echo them
      .scorer(command('echo "score 10 of 100, token $SK_TOKEN"; echo "$SK_JSON ?q=$SK_URL"; exit 1', { name: 'prints' }))
      .referenceOutput('true');
    const forms = { SK_JSON: JSON.stringify({ q: secret }), SK_URL: encodeURIComponent(secret) };
    const report = await verifyScenario(scenario, { env: { ...env, SK_TOKEN: '1', SK_QUOTED: secret, ...forms }, cases: ['gold'] });
    expect(report.cases.gold?.runs[0]?.scoring_function_results[0]?.output).toBe('score 10 of 100, token ****\n{"q":"****"} ?q=****\n');
  });

  it('refuses to start when a required variable or secret is missing, before anything runs', async () => {
    const marker = join(scratch(), 'ran');
    const scenario = quick('needs-secrets')
      .requiredEnv(['SK_REGION'])
      .requiredSecrets(['SK_TOKEN', 'SK_OTHER'])
      .env({ launch: { launchCommands: [`touch ${marker}`] } })
      .scorer(command(`touch ${marker}`))
      .referenceOutput(`touch ${marker}`);
    const error = await verifyScenario(scenario, { env: { ...env, SK_OTHER: 'set' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerifyInputError);
    expect((error as VerifyInputError).problems).toEqual(['scenario "needs-secrets" needs environment variable SK_REGION, secret SK_TOKEN, not set in the environment']);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('what cannot be verified', () => {
  it('is a scenario without a reference output, or without a workspace, and nothing runs', async () => {
    const marker = join(scratch(), 'ran');
    const noReference = quick('no-reference').scorer(command(`touch ${marker}`));
    expect(await verifyScenario(noReference, { env })).toEqual({
      name: 'no-reference',
      verdict: 'not-verifiable',
      problems: ['no reference_output, so the gold case cannot run: set .referenceOutput(diff or script), or verify the no-op case alone'],
      cases: {},
    });
    const noWorkspace = Scenario.define('no-workspace').problem('p').scorer(command(`touch ${marker}`)).referenceOutput('true');
    expect((await verifyScenario(noWorkspace, { env })).problems).toEqual([
      'no local workspace: give the scenario .workspace(dir), or pass a workspace (--workspace)',
    ]);
    expect(existsSync(marker)).toBe(false);
    // the no-op case alone needs no reference
    expect((await verifyScenario(noReference, { env, cases: ['noop'] })).verdict).toBe('failed');
  });

  it('takes the workspace option over the scenario’s own, and refuses one that does not exist', async () => {
    const elsewhere = scratch();
    writeFileSync(join(elsewhere, 'here'), '');
    const scenario = quick('override').scorer(command('test -f here')).referenceOutput('true');
    expect((await verifyScenario(scenario, { env, workspace: elsewhere, cases: ['gold'] })).verdict).toBe('verified');
    await expect(verifyScenario(scenario, { env, workspace: join(elsewhere, 'missing') })).rejects.toThrow(
      `scenario "override": its workspace ${join(elsewhere, 'missing')} is not a directory`,
    );
  });

  it('refuses a relative workspace whose calling file the call stack did not name, saying how to give it', async () => {
    const ran = join(scratch(), 'ran');
    // code run by eval: no file in the caller's frame, as for a module tsx runs as CommonJS
    const scenario = new Function('s', "return s.workspace('./py-calc')")(quick('unplaced').scorer(command(`touch ${ran}`)).referenceOutput('true')) as typeof pyCalcQuick;
    const error = await verifyScenario(scenario, { env }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerifyInputError);
    expect((error as VerifyInputError).problems).toEqual([
      'scenario "unplaced": its .workspace("./py-calc") is relative, and the call stack did not name the file that called .workspace() (a module tsx runs as CommonJS, code run by eval), ' +
        'so it cannot be resolved: give an absolute path or a file URL (.workspace(new URL("./py-calc", import.meta.url)), or path.join(__dirname, "./py-calc") in CommonJS), or the workspace option',
    ]);
    expect(existsSync(ran)).toBe(false);
  });

  it('refuses an invalid scenario, and bad options, before anything runs', async () => {
    // @ts-expect-error a scenario without a scorer cannot be created; verify refuses it at run time too, for untyped code
    await expect(verifyScenario(Scenario.define('invalid').problem('p'), { env })).rejects.toBeInstanceOf(ScenarioValidationError);
    const error = await verifyScenario(pyCalc, { env, runs: 0, cases: ['gold', 'nop'], wrokspace: '.' } as never).catch((caught: unknown) => caught);
    expect((error as VerifyInputError).problems).toEqual([
      'options.runs: must be a positive integer',
      'options.cases[1]: must be "gold" or "noop"',
      'unknown option "wrokspace" — did you mean "workspace"?',
    ]);
    await expect(verifyScenario(pyCalc, { env, concurrency: 2 } as never)).rejects.toThrow('unknown option "concurrency" (verifySuite takes it)');
    await expect(verifyScenario(pyCalc, { env: { PATH: 1 } } as never)).rejects.toThrow('options.env: must be an object of strings');
  });

  it('takes process.env as the environment (not a plain object)', async () => {
    const scenario = quick('process-env').scorer(command('test -n "$PATH"')).referenceOutput('true');
    expect((await verifyScenario(scenario, { env: process.env, workspace: scratch(), cases: ['gold'] })).verdict).toBe('verified');
  });
});
