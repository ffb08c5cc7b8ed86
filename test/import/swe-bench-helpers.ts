import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioBuilder, Step } from '../../src/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/swe-bench/', import.meta.url));

export const readJson = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** The rows of a fixture file (a JSON list). */
export const rowsOf = (name: string) => readJson(name) as Record<string, unknown>[];

/** The one scorer's bash script of an imported scenario. */
export function scriptOf(builder: ScenarioBuilder<Step>): string {
  const scorer = builder.buildCreate().scoring_contract.scoring_function_parameters[0]!.scorer;
  if (scorer.type !== 'bash_script_scorer') throw new Error(`expected a bash scorer, got ${scorer.type}`);
  return scorer.bash_script;
}

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
};

export function run(command: string, args: string[], cwd: string, input?: string) {
  const result = spawnSync(command, args, { cwd, input, encoding: 'utf8', env: { ...process.env, ...GIT_IDENTITY }, timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
}

/**
 * A git repository made from the plain files of test/fixtures/swe-bench/synthetic-calc/repo, with
 * one commit whose hash is the fixture rows' `base_commit` (fixed identity and dates).
 */
export function makeCalcRepo(): { dir: string; commit: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scenariokit-calc-'));
  cpSync(join(FIXTURES, 'synthetic-calc', 'repo'), dir, { recursive: true });
  for (const args of [['init', '-q', '.'], ['add', '-A'], ['commit', '-qm', 'base']]) {
    const result = run('git', args, dir);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  }
  return { dir, commit: run('git', ['rev-parse', 'HEAD'], dir).stdout.trim() };
}

/** Runs a scorer as Runloop would (`bash -c <script>` in the working directory); its score line and output. */
export function runScorer(script: string, cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  if (result.error) throw result.error;
  const scores = result.stdout.split('\n').filter((line) => /^score=/.test(line));
  return { score: scores.at(-1), stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Applies a patch to a checkout, as the reference solution would be. */
export function applyPatch(dir: string, patch: string): void {
  const result = run('git', ['apply', '-'], dir, patch);
  if (result.status !== 0) throw new Error(`git apply: ${result.stderr}`);
}
