import type { SuitePushProgress } from '../suite/push-suite.js';
import type { OutputStream } from './output.js';

/** Shows a push's progress: a bar on a terminal, one plain line per scenario otherwise, nothing for `--json`. */
export async function reportProgress(stderr: OutputStream, total: number, quiet: boolean) {
  if (quiet) return { update: () => {}, stop: () => {} };
  if (!stderr.isTTY) {
    return {
      update: ({ done, result }: SuitePushProgress) => {
        const outcome = result.error ? `failed: ${result.error}` : result.action === 'unchanged' ? 'unchanged' : `${result.action}d`;
        stderr.write(`[${done}/${total}] ${result.name} ${outcome}${result.id ? ` (${result.id})` : ''}\n`);
      },
      stop: () => {},
    };
  }
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { stream: stderr as NodeJS.WriteStream, format: 'pushing [{bar}] {value}/{total} {name}', hideCursor: true, clearOnComplete: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0, { name: '' });
  let stopped = false;
  return {
    update: ({ done, result }: SuitePushProgress) => {
      if (!stopped) bar.update(done, { name: result.name });
    },
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
