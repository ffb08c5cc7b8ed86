import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { MAX_TIMER_MS, runBash, runPython } from './run-bash.js';
import { shellQuote } from '../util/shell-quote.js';
import type { CommandOutcome, CustomScorerHook, ScorerRuntime } from '../scorers/scorer-runtime.js';
import type { CustomScorerFunction } from './verify-options.js';
import type { VerifySession } from './verify-session.js';

/** One run of one scenario, as the runtime serves it. */
export interface RunContext {
  /** The run's workspace, an absolute path. */
  readonly workspace: string;
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly signal: AbortSignal | undefined;
  readonly session: VerifySession;
  /** Custom scorer implementations: absolute script paths or functions. */
  readonly customScorers: Readonly<Record<string, string | CustomScorerFunction>>;
}

/** The {@link ScorerRuntime} of a local run: processes in the run's workspace, through bash (the command or script read from a temporary file), in their own process groups. */
export function createScorerRuntime(context: RunContext): ScorerRuntime {
  const { workspace, env, timeoutSeconds, signal, session, customScorers } = context;
  const withEnv = (extra: Readonly<Record<string, string>> | undefined) => (extra === undefined ? env : { ...env, ...extra });
  const bash = (commandLine: string, extra?: Readonly<Record<string, string>>) => runBash({ commandLine, cwd: workspace, env: withEnv(extra), timeoutSeconds, signal });
  return {
    timeoutSeconds,
    bash: (commandLine, options) => bash(commandLine, options?.env),
    python: (script, options) => runPython({ script, cwd: workspace, env: withEnv(options?.env), timeoutSeconds, signal }),
    async writeFile(path, contents) {
      const target = resolve(workspace, path);
      const inside = relative(workspace, target);
      if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`)) throw new Error(`${JSON.stringify(path)} is not a file inside the working directory`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, contents);
    },
    astGrepBinary: () => session.astGrepBinary(),
    pythonVersion: () => session.pythonVersion({ env, timeoutSeconds, signal }),
    pythonRequirements: async (requirements) => session.pythonRequirements(requirements, { env, timeoutSeconds, signal }),
    customScorer(type): CustomScorerHook | undefined {
      const implementation = Object.hasOwn(customScorers, type) ? customScorers[type] : undefined;
      if (implementation === undefined) return undefined;
      if (typeof implementation === 'string') {
        return (params) => bash(`bash ${shellQuote(implementation)}`, { RL_SCORER_CONTEXT: JSON.stringify(params) });
      }
      return (params) => callCustomScorer(implementation, { params, workspace, env: { ...env, RL_SCORER_CONTEXT: JSON.stringify(params) }, timeoutSeconds, signal });
    },
  };
}

/**
 * Calls a custom scorer function as if it were a script: its score is what it "printed"; a
 * throw is a failure with the error as output; the timeout and an abort end the wait (and
 * abort the signal it was given).
 */
async function callCustomScorer(
  fn: CustomScorerFunction,
  call: { params: Readonly<Record<string, unknown>>; workspace: string; env: Readonly<Record<string, string>>; timeoutSeconds: number; signal: AbortSignal | undefined },
): Promise<CommandOutcome> {
  // an abort before the call has already fired: the listener below would never hear of it
  call.signal?.throwIfAborted();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${call.timeoutSeconds} s`));
  }, Math.min(call.timeoutSeconds * 1000, MAX_TIMER_MS));
  const onAbort = () => controller.abort(call.signal?.reason);
  call.signal?.addEventListener('abort', onAbort, { once: true });
  const ended = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
  ended.catch(() => {}); // an abort after the function returned is nobody's concern
  try {
    const score = await Promise.race([Promise.resolve().then(() => fn({ params: call.params, workspace: call.workspace, env: call.env, signal: controller.signal })), ended]);
    const printed = `${String(score)}\n`;
    return { exitCode: 0, signal: null, timedOut: false, stdout: printed, output: printed };
  } catch (error) {
    if (call.signal?.aborted) throw call.signal.reason;
    if (timedOut) return { exitCode: null, signal: null, timedOut: true, stdout: '', output: '' };
    const output = `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
    return { exitCode: 1, signal: null, timedOut: false, stdout: '', output };
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onAbort);
  }
}
