import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { runCli, type CliIO } from '../../src/cli/index.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const srcIndex = join(root, 'src/index.ts');

/** The first line of every scenario module of a test project: the DSL from src/. */
export const IMPORT_DSL = `import { Scenario, command, astGrep, defineSuite } from ${JSON.stringify(srcIndex)};\n`;

/**
 * A temporary directory holding scenario modules under `scenarios/`, as a user's project would;
 * removed when the test finishes. `files` maps paths under `scenarios/` to module bodies (the DSL
 * import is prepended). `packageJson` is written to the project's root when given.
 */
export function project(files: Record<string, string>, options: { packageJson?: object } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenariokit-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'scenarios'));
  if (options.packageJson) writeFileSync(join(dir, 'package.json'), JSON.stringify(options.packageJson));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'scenarios', name)), { recursive: true });
    writeFileSync(join(dir, 'scenarios', name), `${IMPORT_DSL}${body}\n`);
  }
  return dir;
}

/** What a run of the command printed and returned. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in this process with captured streams; `env` is all the environment it sees. */
export async function cli(args: string[], options: { cwd: string; env?: Record<string, string>; tty?: boolean }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const stream = (write: (text: string) => void, isTTY: boolean) =>
    Object.assign({ write: (text: string) => (write(text), true), isTTY }, isTTY ? { cursorTo: () => true, clearLine: () => true, moveCursor: () => true, columns: 80 } : {});
  const io: CliIO = {
    stdout: stream((text) => (stdout += text), false),
    stderr: stream((text) => (stderr += text), options.tty === true),
    env: options.env ?? {},
    cwd: options.cwd,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Scenario modules used by many tests: 4 scenarios in 2 files, a template, a helper. */
export const scenarios = {
  'parser.ts': `
export const fixNull = Scenario.define('fix-null').problem('parse(null) crashes').scorer(command('npm test'));
export const template = Scenario.define().scorer(command('npm test')); // not a scenario: no name
export const variants = ['a', 'b'].map((v) => template.name('variant-' + v).problem('Fix ' + v));`,
  'refactor.ts': `
export const suite = defineSuite('refactors', [Scenario.define('no-moment').problem('Use dayjs').scorer(astGrep('dayjs($$$)'))]);
export const helper = 42;`,
};
