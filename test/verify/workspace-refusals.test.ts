import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { command, Scenario } from '../../src/index.js';
import { workspaceProblem } from '../../src/verify/copy-workspace.js';
import { verifyScenario, VerifyInputError } from '../../src/verify/index.js';
import { cli, project } from '../cli/cli-helpers.js';
import { env, fixture, scratch } from './fixtures.js';

const scenario = Scenario.define('s').problem('p').scorer(command('true')).referenceOutput('true');

/** A workspace (a copy of py-calc) whose `tmp/` is made the temporary directory (TMPDIR) for the test. */
function workspaceHoldingTmp(): { workspace: string; tmp: string } {
  const workspace = join(scratch(), 'w');
  cpSync(fixture('py-calc'), workspace, { recursive: true });
  const tmp = join(workspace, 'tmp');
  mkdirSync(tmp);
  vi.stubEnv('TMPDIR', tmp);
  onTestFinished(() => void vi.unstubAllEnvs());
  return { workspace, tmp };
}

describe('a workspace verify cannot copy', () => {
  it('is refused, before anything runs, when it holds the temporary directory the copies go to', async () => {
    const { workspace, tmp } = workspaceHoldingTmp();
    const error = await verifyScenario(scenario, { env, workspace }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerifyInputError);
    expect((error as VerifyInputError).problems).toEqual([
      `scenario "s": its workspace ${workspace} holds the temporary directory ${tmp}, where verify copies the workspace for each run, so it would be copied into itself; give a directory that does not hold it, or set TMPDIR to a directory outside the workspace`,
    ]);
    expect(readdirSync(tmp)).toEqual([]); // no session was opened
  });

  it('is refused on the command line too (exit code 2, nothing ran)', async () => {
    const dir = project({ 's.ts': "export const s = Scenario.define('s').problem('p').scorer(command('true')).referenceOutput('true');" });
    const { workspace, tmp } = workspaceHoldingTmp();
    const run = await cli(['verify', 'scenarios', '--workspace', workspace], { cwd: dir, env: { PATH: process.env.PATH! } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`its workspace ${workspace} holds the temporary directory ${tmp}`);
    expect(run.stderr).toContain('Nothing ran.');
    expect(readdirSync(tmp).filter((name) => name.startsWith('scenariokit-verify-'))).toEqual([]); // (tsx keeps its cache there)
  });

  it('is refused when it is the home directory', async () => {
    const home = scratch();
    vi.stubEnv('HOME', home);
    onTestFinished(() => void vi.unstubAllEnvs());
    await expect(verifyScenario(scenario, { env, workspace: home })).rejects.toThrow(
      `scenario "s": its workspace ${home} is the home directory, which verify would copy whole for every run; give the project's directory`,
    );
  });

  it('names the root directory and the temporary directory itself, and lets any other directory be', async () => {
    const dir = scratch();
    expect(await workspaceProblem('/', join(dir, 'tmp'))).toBe("its workspace / is the root directory, which verify would copy whole for every run; give the project's directory");
    expect(await workspaceProblem(dir, dir)).toMatch(/^its workspace .+ holds the temporary directory/);
    expect(await workspaceProblem(join(dir, 'project'), dir)).toBeUndefined(); // inside the temporary directory is fine
    expect(await workspaceProblem(dir, join(dir, '..', 'elsewhere'))).toBeUndefined();
  });
});
