/**
 * Where a command reads its environment and writes its output; `process` by default, fakes in tests.
 *
 * @example
 * ```ts
 * let out = '';
 * const io: CliIO = { stdout: { write: (text) => (out += text) }, stderr: process.stderr, env: {}, cwd: process.cwd() };
 * await runCli(['validate', 'scenarios/'], io);
 * ```
 */
export interface CliIO {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The real process's streams, environment and directory. */
export const processIO = (): CliIO => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
