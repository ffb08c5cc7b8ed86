import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { astGrep, bashScript, command, custom, pythonScript, Scenario } from '../../src/index.js';
import { verifyScenario, VerifyInputError, type ScoringFunctionResult } from '../../src/verify/index.js';
import { createScorerRuntime } from '../../src/verify/local-scorer-runtime.js';
import { VerifySession } from '../../src/verify/verify-session.js';
import { customScorers, env, fixture, jsSlug, scratch, slugFix } from './fixtures.js';

/** A no-op run's results, as [name, score, state]. */
const scored = (results: readonly ScoringFunctionResult[] | undefined) => results?.map((r) => [r.scoring_function_name, r.score, r.state]);

/** Whether a process is alive: it exists and is not a zombie (a killed orphan waits there for its reaper). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
};

const quick = (name: string) => Scenario.define(name).problem('p').workspace(fixture('js-slug'));

describe('a scorer of every kind, on a JavaScript repository', () => {
  it('verifies the scenario, and scores each kind by its own rule', async () => {
    const report = await verifyScenario(jsSlug, { env, customScorers });
    expect(report).toMatchObject({ verdict: 'verified', problems: [], cases: { gold: { score: 1, flaky: false } } });
    expect(scored(report.cases.gold?.runs[0]?.scoring_function_results)).toEqual([
      ['throws-type-error', 1, 'complete'],
      ['hidden-tests', 1, 'complete'],
      ['existing-tests', 1, 'complete'],
      ['mentions-type-error', 1, 'complete'],
      ['checks-type', 1, 'complete'],
      ['still-exported', 1, 'complete'],
    ]);
    expect(scored(report.cases.noop?.runs[0]?.scoring_function_results)).toEqual([
      ['throws-type-error', 0, 'complete'], // ast-grep: no match
      ['hidden-tests', 0, 'complete'], // test-based: exit 1
      ['existing-tests', 1, 'complete'], // command: exit 0
      ['mentions-type-error', 0.5, 'complete'], // bash: score=0.5
      ['checks-type', 0, 'complete'], // python: 0.0
      ['still-exported', 1, 'complete'], // custom, by scorers/exports.sh
    ]);
    expect(report.cases.noop?.score).toBeCloseTo(2.5 / 6, 12);
  });
});

describe('bash and python scorers', () => {
  it('read `score=<f>` or a bare float from the last such line of stdout, whatever the exit status; anything else is an error', async () => {
    const scenario = quick('printed-scores')
      .scorer(bashScript('echo score=0.25', { name: 'bash-score-equals' }))
      .scorer(bashScript('echo 1.0', { name: 'bash-bare' }))
      .scorer(bashScript('echo hi', { name: 'bash-none' }))
      .scorer(bashScript('echo 0.7; exit 1', { name: 'bash-then-exit-1' }))
      .scorer(bashScript('echo score=0.1; echo tests done; echo 0.9; echo bye', { name: 'bash-last-wins' }))
      .scorer(bashScript('echo score=1.5', { name: 'bash-out-of-range' }))
      .scorer(bashScript('echo 0.5 >&2', { name: 'bash-stderr-only' }))
      .scorer(pythonScript('print("score=0.25")', { name: 'python-score-equals' }))
      .scorer(pythonScript('print(1.0)', { name: 'python-bare' }))
      .scorer(pythonScript('print("hi")', { name: 'python-none' }))
      .scorer(pythonScript('raise SystemExit("crashed")', { name: 'python-crash' }));
    const report = await verifyScenario(scenario, { env, cases: ['noop'] });
    const results = report.cases.noop!.runs[0]!.scoring_function_results;
    expect(scored(results)).toEqual([
      ['bash-score-equals', 0.25, 'complete'],
      ['bash-bare', 1, 'complete'],
      ['bash-none', 0, 'error'],
      ['bash-then-exit-1', 0.7, 'complete'],
      ['bash-last-wins', 0.9, 'complete'],
      ['bash-out-of-range', 0, 'error'],
      ['bash-stderr-only', 0, 'error'],
      ['python-score-equals', 0.25, 'complete'],
      ['python-bare', 1, 'complete'],
      ['python-none', 0, 'error'],
      ['python-crash', 0, 'error'],
    ]);
    expect(results.find((r) => r.scoring_function_name === 'python-crash')?.output).toBe('crashed\n');
    // Σ over 11 equal weights
    expect(report.cases.noop!.score).toBeCloseTo((0.25 + 1 + 0.7 + 0.9 + 0.25 + 1) / 11, 12);
  });

  it('note a Python version constraint the local python3 does not satisfy, and run anyway', async () => {
    const local = execFileSync('python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).trim();
    const scenario = quick('python-versions')
      .scorer(pythonScript('print(1.0)', { name: 'unsatisfied', pythonVersion: '<3' }))
      .scorer(pythonScript('print(1.0)', { name: 'satisfied', pythonVersion: `>=3,==${local.split('.').slice(0, 2).join('.')}.*` }));
    const [unsatisfied, satisfied] = (await verifyScenario(scenario, { env, cases: ['noop'] })).cases.noop!.runs[0]!.scoring_function_results;
    expect(unsatisfied).toEqual({
      scoring_function_name: 'unsatisfied',
      score: 1,
      state: 'complete',
      output: `[scenariokit] python_version_constraint <3 is not satisfied by the local python3 ${local}; ran with it anyway\n1.0\n`,
    });
    expect(satisfied?.output).toBe('1.0\n');
  });

  it('install requirements_contents only when asked to', async () => {
    const wheel = buildWheel(scratch());
    // offline: pip reads the requirement from a local wheel and never asks an index
    const scenario = quick('python-requirements').scorer(pythonScript('import skdemo; print(skdemo.VALUE)', { requirements: ['--no-index', wheel] }));
    const [without] = (await verifyScenario(scenario, { env, cases: ['noop'] })).cases.noop!.runs[0]!.scoring_function_results;
    expect(without).toMatchObject({ score: 0, state: 'error' });
    expect(without!.output).toMatch(/^\[scenariokit\] requirements_contents were not installed \(installPythonRequirements is off\).*\n[\s\S]*ModuleNotFoundError: No module named 'skdemo'/);
    const [installed] = (await verifyScenario(scenario, { env, cases: ['noop'], installPythonRequirements: true })).cases.noop!.runs[0]!
      .scoring_function_results;
    expect(installed).toEqual({ scoring_function_name: 'python-script', score: 0.75, state: 'complete', output: '0.75\n' });
  });
});

describe('ast-grep scorers', () => {
  it('pass the stored pattern inside double quotes through bash, as Runloop does, and score by the match list', async () => {
    const escaped = astGrep('throw new TypeError($$$ARGS)', { name: 'escaped', searchDirectory: 'src', lang: 'javascript' });
    // the same pattern stored without escaping: bash expands $$ to its process id, so ast-grep never sees $$$ARGS
    const unescaped = astGrep('throw new TypeError($$$ARGS)', { name: 'unescaped', searchDirectory: 'src', lang: 'javascript', escaped: true });
    const scenario = quick('ast-grep-escaping').scorer(escaped).scorer(unescaped).referenceOutput(slugFix);
    expect(scenario.build().scoring_contract?.scoring_function_parameters.map((fn) => fn.scorer)).toEqual([
      { type: 'ast_grep_scorer', pattern: 'throw new TypeError(\\$\\$\\$ARGS)', search_directory: 'src', lang: 'javascript' },
      { type: 'ast_grep_scorer', pattern: 'throw new TypeError($$$ARGS)', search_directory: 'src', lang: 'javascript' },
    ]);
    const [found, missed] = (await verifyScenario(scenario, { env, cases: ['gold'] })).cases.gold!.runs[0]!.scoring_function_results;
    expect(found).toMatchObject({ score: 1, state: 'complete' });
    expect(JSON.parse(found!.output)).toEqual([expect.objectContaining({ text: 'throw new TypeError(`slug() takes a string, got ${typeof text}`);', file: 'src/slug.js' })]);
    expect(missed).toEqual({ scoring_function_name: 'unescaped', score: 0, state: 'complete', output: '[]\n' });
  });

  it('say why there was no match list, or no match', async () => {
    const scenario = quick('ast-grep-failures')
      .scorer(astGrep('slug($$$)', { name: 'bad-lang', searchDirectory: 'src', lang: 'klingon' }), 1)
      .scorer(astGrep('slug($$$)', { name: 'no-directory', searchDirectory: 'lib', lang: 'javascript' }), 1)
      .referenceOutput('true');
    const report = await verifyScenario(scenario, { env, cases: ['gold'] });
    expect(scored(report.cases.gold?.runs[0]?.scoring_function_results)).toEqual([
      ['bad-lang', 0, 'error'],
      ['no-directory', 0, 'complete'],
    ]);
    expect(report.problems).toEqual([
      "gold scored 0.0: scorer bad-lang printed no match list (exit 2: error: invalid value 'klingon' for '--lang <LANG>': klingon is not supported!), scorer no-directory found no match (ast-grep: lib: No such file or directory (os error 2))",
    ]);
  });
});

describe('custom scorers', () => {
  const scenario = quick('custom').scorer(custom('similarity', { params: { expected: 'slug' } })).referenceOutput('true');

  it('run a local function with the params, like a script reading $RL_SCORER_CONTEXT', async () => {
    const calls: unknown[] = [];
    const report = await verifyScenario(scenario, {
      env,
      cases: ['gold'],
      customScorers: {
        similarity: ({ params, workspace, env: scorerEnv }) => {
          calls.push([params, JSON.parse(scorerEnv.RL_SCORER_CONTEXT!), readFileSync(join(workspace, 'src/slug.js'), 'utf8').includes(String(params.expected))]);
          return 0.5;
        },
      },
    });
    expect(calls).toEqual([[{ expected: 'slug' }, { expected: 'slug' }, true]]);
    expect(report.cases.gold?.runs[0]?.scoring_function_results[0]).toEqual({ scoring_function_name: 'custom', score: 0.5, state: 'complete', output: '0.5\n' });
  });

  it('are an error when the function throws', async () => {
    const report = await verifyScenario(scenario, { env, cases: ['gold'], customScorers: { similarity: () => Promise.reject(new Error('no model')) } });
    expect(report.cases.gold?.runs[0]?.scoring_function_results[0]).toMatchObject({ score: 0, state: 'error', output: expect.stringContaining('Error: no model') });
  });

  it('make a scenario not verifiable without a local implementation, and a missing script is bad input', async () => {
    expect(await verifyScenario(scenario, { env })).toMatchObject({
      verdict: 'not-verifiable',
      problems: ['scorer custom is a custom scorer of type "similarity", which has no local implementation: pass customScorers: { "similarity": script or function }'],
    });
    await expect(verifyScenario(scenario, { env, customScorers: { similarity: 'no/such/script.sh' } })).rejects.toThrow(
      `options.customScorers.similarity: ${join(process.cwd(), 'no/such/script.sh')} is not a file`,
    );
  });
});

describe('the scorer timeout', () => {
  it('kills the whole process group of a scorer that runs too long, and is an error', async () => {
    const dir = scratch();
    const scenario = quick('slow')
      .scorer(command(`sleep 30 & echo $! > ${dir}/background.pid; echo $$ > ${dir}/shell.pid; sleep 30`, { name: 'slow' }))
      .scorerTimeout(1);
    const started = Date.now();
    const report = await verifyScenario(scenario, { env, cases: ['noop'] });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report.cases.noop?.runs[0]?.scoring_function_results[0]).toMatchObject({ score: 0, state: 'error' });
    for (const file of ['background.pid', 'shell.pid']) expect(alive(Number(readFileSync(join(dir, file), 'utf8')))).toBe(false);
    const gold = await verifyScenario(scenario.referenceOutput('true'), { env, cases: ['gold'] });
    expect(gold.problems).toEqual(['gold scored 0.0: scorer slow timed out after 1 s']);
  });

  it('does not let a scorer’s background processes outlive it', async () => {
    const dir = scratch();
    const report = await verifyScenario(quick('background').scorer(command(`sleep 30 & echo $! > ${dir}/background.pid`)), { env, cases: ['noop'] });
    expect(report.cases.noop?.score).toBe(1);
    expect(alive(Number(readFileSync(join(dir, 'background.pid'), 'utf8')))).toBe(false);
  });
});

describe('aborting', () => {
  it('kills the running process group and rejects with the reason', async () => {
    const dir = scratch();
    const abort = new AbortController();
    const scenario = quick('aborted').scorer(command(`echo $$ > ${dir}/shell.pid; sleep 30`)).scorer(command(`touch ${dir}/second-scorer`));
    const verifying = verifyScenario(scenario, { env, cases: ['noop'], signal: abort.signal, keep: false });
    while (!existsSync(join(dir, 'shell.pid'))) await new Promise((resolve) => setTimeout(resolve, 20));
    abort.abort(new Error('stop'));
    await expect(verifying).rejects.toThrow('stop');
    expect(alive(Number(readFileSync(join(dir, 'shell.pid'), 'utf8')))).toBe(false);
    expect(existsSync(join(dir, 'second-scorer'))).toBe(false);
  });

  it('does not call a custom scorer function when the signal was aborted before the call', async () => {
    const session = await VerifySession.open({ keep: false, installPythonRequirements: false });
    onTestFinished(() => session.close());
    const calls: unknown[] = [];
    const scorers = { similarity: (call: { params: unknown }) => (calls.push(call.params), 0.5) };
    const signal = AbortSignal.abort(new Error('early'));
    const runtime = createScorerRuntime({ workspace: scratch(), env: { PATH: process.env.PATH! }, timeoutSeconds: 30, signal, session, customScorers: scorers });
    await expect(runtime.customScorer('similarity')!({ expected: 'slug' })).rejects.toThrow('early');
    expect(calls).toEqual([]);
  });

  it('runs nothing when aborted before the call', async () => {
    await expect(verifyScenario(quick('pre-aborted').scorer(command('true')), { env, signal: AbortSignal.abort(new Error('early')) })).rejects.toThrow('early');
  });
});

/** A wheel of a one-module package `skdemo` (VALUE = 0.75), built with Python's zipfile. */
function buildWheel(dir: string): string {
  const wheel = join(dir, 'skdemo-1.0-py3-none-any.whl');
  const script = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("skdemo/__init__.py", "VALUE = 0.75\\n")
    z.writestr("skdemo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\\nName: skdemo\\nVersion: 1.0\\n")
    z.writestr("skdemo-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
    z.writestr("skdemo-1.0.dist-info/RECORD", "skdemo/__init__.py,,\\nskdemo-1.0.dist-info/METADATA,,\\nskdemo-1.0.dist-info/WHEEL,,\\nskdemo-1.0.dist-info/RECORD,,\\n")
`;
  execFileSync('python3', ['-c', script, wheel]);
  return wheel;
}
