import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastLine } from './apply-reference.js';
import { findAstGrepBinary } from './ast-grep-binary.js';
import { runBash } from './run-bash.js';
import { shellQuote } from '../util/shell-quote.js';

/** What a scorer environment needs to run a helper command: where, with what, for how long. */
export interface HelperRun {
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly signal: AbortSignal | undefined;
}

/**
 * What the runs of one verification share: a temporary directory holding every run's
 * workspace, the ast-grep binary, the local Python's version, and installed requirements
 * (each found once, however many runs need it).
 */
export class VerifySession {
  readonly root: string;
  readonly #keep: boolean;
  readonly #installPythonRequirements: boolean;
  #astGrep: Promise<string> | undefined;
  #pythonVersion: Promise<string | undefined> | undefined;
  readonly #requirements = new Map<string, Promise<Readonly<Record<string, string>>>>();

  private constructor(root: string, keep: boolean, installPythonRequirements: boolean) {
    this.root = root;
    this.#keep = keep;
    this.#installPythonRequirements = installPythonRequirements;
  }

  /** Where sessions make their directory: the system's temporary directory (`TMPDIR`), read at each call. */
  static parentDirectory(): string {
    return tmpdir();
  }

  static async open(options: { readonly keep: boolean; readonly installPythonRequirements: boolean }): Promise<VerifySession> {
    const root = await mkdtemp(join(VerifySession.parentDirectory(), 'scenariokit-verify-'));
    return new VerifySession(root, options.keep, options.installPythonRequirements);
  }

  /** The directory of a scenario's runs: `<root>/<n>-<name>`. */
  async scenarioDirectory(index: number, name: string): Promise<string> {
    const directory = join(this.root, `${index + 1}-${name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}`);
    await mkdir(directory, { recursive: true });
    return directory;
  }

  astGrepBinary(): Promise<string> {
    return (this.#astGrep ??= Promise.resolve().then(findAstGrepBinary));
  }

  pythonVersion(run: HelperRun): Promise<string | undefined> {
    return (this.#pythonVersion ??= runBash({
      commandLine: `python3 -c ${shellQuote('import sys; print("%d.%d.%d" % sys.version_info[:3])')}`,
      cwd: this.root,
      ...run,
    }).then((outcome) => (outcome.exitCode === 0 ? outcome.stdout.trim() : undefined)));
  }

  /** Installs a requirements.txt once per verification (pip `--target`), when asked to; the variables that make it importable. */
  pythonRequirements(requirements: string, run: HelperRun): Promise<Readonly<Record<string, string>>> | undefined {
    if (!this.#installPythonRequirements) return undefined;
    let installed = this.#requirements.get(requirements);
    if (installed === undefined) {
      const directory = join(this.root, 'python-requirements', String(this.#requirements.size + 1));
      installed = (async () => {
        await mkdir(directory, { recursive: true });
        const file = join(directory, 'requirements.txt');
        await writeFile(file, requirements);
        const target = join(directory, 'site-packages');
        const outcome = await runBash({
          commandLine: `python3 -m pip install --disable-pip-version-check --no-input --quiet --target ${shellQuote(target)} -r ${shellQuote(file)}`,
          cwd: directory,
          ...run,
        });
        if (outcome.exitCode !== 0) {
          throw new Error(`pip could not install requirements_contents (${outcome.timedOut ? 'timed out' : `exit ${outcome.exitCode}`}): ${lastLine(outcome.output) ?? ''}`);
        }
        return { PYTHONPATH: target };
      })();
      this.#requirements.set(requirements, installed);
    }
    return installed;
  }

  /** Removes every run's directory, unless they are kept. */
  async close(): Promise<void> {
    if (!this.#keep) await rm(this.root, { recursive: true, force: true });
  }
}
