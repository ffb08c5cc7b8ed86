import type { OutputStream } from './output.js';

/** What a command reports of one event: the scenario it concerns and, for a step done, how many are done and the line saying how it went. */
export interface ProgressStep {
  /** The scenario's name (shown next to the bar). */
  readonly name: string;
  /** Set when the event finishes a step: steps done so far, and the plain line (or lines) for it. */
  readonly done?: { readonly count: number; readonly line: string };
}

/** A command's progress display: feed it every event, stop it before printing results. */
export interface ProgressReport<Event> {
  update(event: Event): void;
  stop(): void;
}

/**
 * Shows a command's progress over `total` steps on stderr: a bar (`<verb> [███░░] 3/10 <name>`)
 * on a terminal, otherwise one `[3/10] <line>` per step done; nothing when `quiet` (`--json`).
 * `step` says what an event is worth showing.
 */
export async function reportProgress<Event>(
  stderr: OutputStream,
  options: { readonly total: number; readonly quiet: boolean; readonly verb: string; readonly step: (event: Event) => ProgressStep },
): Promise<ProgressReport<Event>> {
  const { total, quiet, verb, step } = options;
  if (quiet) return { update: () => {}, stop: () => {} };
  if (!stderr.isTTY) {
    return {
      update: (event) => {
        const { done } = step(event);
        if (done !== undefined) stderr.write(`[${done.count}/${total}] ${done.line}\n`);
      },
      stop: () => {},
    };
  }
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { stream: stderr as NodeJS.WriteStream, format: `${verb} [{bar}] {value}/{total} {name}`, hideCursor: true, clearOnComplete: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0, { name: '' });
  let stopped = false;
  return {
    update: (event) => {
      if (stopped) return;
      const { name, done } = step(event);
      if (done === undefined) bar.update({ name });
      else bar.update(done.count, { name });
    },
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
