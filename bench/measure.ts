/** Small helpers shared by the benchmarks: medians and the machine they ran on. */
import { cpus, loadavg, totalmem, type } from 'node:os';

/** The median of some samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median of the rounds' ratios `numerators[i] / denominators[i]`: two cases measured in the
 * same round meet the same noise, so their ratio is steadier than the ratio of their medians.
 */
export function medianRatio(numerators: readonly number[], denominators: readonly number[]): number {
  return median(numerators.map((numerator, round) => numerator / denominators[round]!));
}

/** The load average over the last minute, with the core count: how busy the machine was. */
export function load(): string {
  return `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
}

/** A line naming the machine, for RESULTS.md. */
export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${type()} ${process.arch}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** A benchmark's outcome, as one section of RESULTS.md. */
export interface BenchReport {
  readonly title: string;
  /** Markdown: a table of figures and what they mean. */
  readonly body: string;
  /** Whether every target of this benchmark was met. */
  readonly met: boolean;
}

/** Formats a ratio with a target, e.g. `0.62× (target ≥ 0.5×) ✓`. */
export function verdict(ratio: number, target: number, direction: '≥' | '≤'): { text: string; met: boolean; ratio: number } {
  const met = direction === '≥' ? ratio >= target : ratio <= target;
  return { text: `${ratio.toFixed(2)}× (target ${direction} ${target}×) ${met ? '✓' : '✗ missed'}`, met, ratio };
}
