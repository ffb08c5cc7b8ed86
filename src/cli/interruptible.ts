/** The signals that ask a command to stop: Ctrl-C (SIGINT), `kill` or a CI runner's cancel (SIGTERM), a closed terminal (SIGHUP). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What a command was doing when a stop signal came: the reason its abort signal carries. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';

  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted (${signal})`);
  }
}

/**
 * Runs `work` so that a stop signal (SIGINT, SIGTERM or SIGHUP) does not end the process in the
 * middle of it: the first one prints `Interrupted (<signal>): <doing>` on stderr and aborts the
 * signal `work` is given, and `work` winds down (finishes the writes under way, kills what it
 * started) and runs its `finally` blocks, so that the embedded target is closed: its store
 * flushed, its lock released. A second signal ends the process as the signal does. What `work`
 * throws once aborted is replaced by the {@link Interrupted} reason, whatever it was (the SDK's
 * "Request was aborted.", say).
 */
export async function interruptible<T>(note: (text: string) => void, doing: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    release();
    note(`\nInterrupted (${signal}): ${doing}`);
    controller.abort(new Interrupted(signal));
  };
  const release = () => STOP_SIGNALS.forEach((signal) => process.off(signal, stop));
  STOP_SIGNALS.forEach((signal) => process.on(signal, stop));
  try {
    return await work(controller.signal);
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    release();
  }
}
