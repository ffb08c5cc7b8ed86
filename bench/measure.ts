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

/**
 * Times in-process cases in alternating rounds: each round runs every case once, `iterations`
 * times over, the cases in one order on even rounds and the reverse on odd ones, so that a noisy
 * stretch of a shared machine (or a garbage collection left by the case before) falls on every
 * side alike. A case runs its own loop (`run(iterations)`), as a user's loop would: one loop
 * calling every case would make its call site megamorphic, and the engine would then inline no
 * case into it. Time is the process's CPU time (user + system, garbage collection threads
 * included), which other processes on the machine move much less than wall time. Returns, per
 * case, the mean microseconds of CPU per iteration of each round (warm-up rounds left out).
 */
export function alternatingRounds<Name extends string>(
  cases: Readonly<Record<Name, (iterations: number) => void>>,
  { rounds, iterations, warmupRounds = 3 }: { readonly rounds: number; readonly iterations: number; readonly warmupRounds?: number },
): Record<Name, number[]> {
  const names = Object.keys(cases) as Name[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = -warmupRounds; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const start = process.cpuUsage();
      cases[name](iterations);
      const used = process.cpuUsage(start);
      const microseconds = (used.user + used.system) / iterations;
      if (round >= 0) samples[name].push(microseconds);
    }
  }
  return samples;
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
