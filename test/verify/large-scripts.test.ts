import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bashScript, command, pythonScript, Scenario } from '../../src/index.js';
import { verifyScenario } from '../../src/verify/index.js';
import { createScorerRuntime } from '../../src/verify/local-scorer-runtime.js';
import { VerifySession } from '../../src/verify/verify-session.js';
import { env, scratch } from './fixtures.js';

/** A bash comment of about `bytes` bytes: more than one process argument may hold (128 KiB on Linux). */
const padding = (bytes: number) => `# ${'x'.repeat(bytes)}\n`;

describe('scripts larger than a process argument', () => {
  it('verify runs a 200 KB reference script and a 200 KB bash scorer, as bash -c would', async () => {
    const workspace = scratch();
    const seen = join(scratch(), 'seen');
    const scenario = Scenario.define('large')
      .problem('p')
      .scorer(bashScript(`${padding(200_000)}echo "$0 $# $(pwd)" > ${seen}; test -f fixed && echo 1.0 || echo 0.0`))
      .scorer(command(`${padding(200_000)}test -f fixed`, { name: 'also-large' }))
      .referenceOutput(`${padding(200_000)}touch fixed`);
    const result = await verifyScenario(scenario, { env, workspace, cases: ['gold'] });
    expect(result).toMatchObject({ verdict: 'verified', cases: { gold: { runs: [{ score: 1 }] } } });
    const [zero, count, cwd] = readFileSync(seen, 'utf8').trim().split(' ');
    expect([zero, count]).toEqual(['bash', '0']); // $0 and the positional parameters of bash -c
    expect(cwd).toMatch(/\/gold-1\/workspace$/); // the run's copy of the workspace
  });

  it('keeps what bash -c gives a command: $?, line numbers, trailing backslashes, and no variable of its own', async () => {
    const session = await VerifySession.open({ keep: false, installPythonRequirements: false });
    onTestFinished(() => session.close());
    const runtime = createScorerRuntime({ workspace: scratch(), env: { PATH: process.env.PATH! }, timeoutSeconds: 30, signal: undefined, session, customScorers: {} });
    const outcome = await runtime.bash('echo "$? $LINENO ${__scenariokit_command-unset}"\necho $LINENO \\\n');
    expect(outcome).toMatchObject({ exitCode: 0, stdout: '0 1 unset\n2\n' });
  });

  it('runs a 200 KB Python script as python3 -c would: argv, the working directory on sys.path, the environment', async () => {
    const session = await VerifySession.open({ keep: false, installPythonRequirements: false });
    onTestFinished(() => session.close());
    const workspace = scratch();
    writeFileSync(join(workspace, 'helper.py'), 'ANSWER = 42\n');
    const runtime = createScorerRuntime({ workspace, env: { PATH: process.env.PATH! }, timeoutSeconds: 30, signal: undefined, session, customScorers: {} });
    const script = `${padding(200_000)}import os, sys, helper\nprint(sys.argv, repr(sys.path[0]), __name__, '__file__' in globals(), helper.ANSWER, os.environ['EXTRA'], os.getcwd() == ${JSON.stringify(workspace)})\n`;
    const outcome = await runtime.python(script, { env: { EXTRA: 'yes' } });
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "['-c'] '' __main__ False 42 yes True\n" });
    const failing = await runtime.python('import sys\nsys.exit(3)\n');
    expect(failing.exitCode).toBe(3);
  });

  it('verify runs a 200 KB Python scorer', async () => {
    const scenario = Scenario.define('large-python')
      .problem('p')
      .scorer(pythonScript(`${padding(200_000)}import os\nprint(1.0 if os.path.exists('fixed') else 0.0)\n`))
      .referenceOutput('touch fixed');
    const result = await verifyScenario(scenario, { env, workspace: scratch() });
    expect(result).toMatchObject({ verdict: 'verified', cases: { gold: { score: 1 }, noop: { score: 0 } } });
  });
});
