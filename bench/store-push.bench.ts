/**
 * Benchmark 6: the embedded local target's store. Pushes 1,000 and 5,000 scenarios to it, each
 * run a process of its own (bench/store-push-run.mjs), alternating the two sizes round by round,
 * and compares the cost per scenario: persisting must grow with the number of scenarios, not
 * with its square.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchReport, median, verdict } from './measure.js';

const SMALL = 1000;
const LARGE = 5000;
const ROUNDS = 5;

interface Run {
  ms: number;
  failed: number;
  bytesWritten: number;
  fileBytes: number;
}

function run(count: number): Run {
  const script = fileURLToPath(new URL('store-push-run.mjs', import.meta.url));
  return JSON.parse(execFileSync(process.execPath, [script, String(count)], { encoding: 'utf8' })) as Run;
}

export async function storePushBenchmark(): Promise<BenchReport> {
  const small: Run[] = [];
  const large: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    small.push(run(SMALL));
    large.push(run(LARGE));
  }
  const perScenario = (runs: Run[], count: number) => median(runs.map((r) => r.ms / count));
  // the ratio of each round, then their median: a noisy stretch of the machine hits both sizes of a round alike
  const ratio = median(small.map((s, i) => large[i]!.ms / LARGE / (s.ms / SMALL)));
  const target = verdict(ratio, 1.5, '≤');
  const failed = [...small, ...large].reduce((sum, r) => sum + r.failed, 0);
  const mb = (bytes: number) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
  const row = (count: number, runs: Run[]) =>
    `| ${count.toLocaleString('en')} | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${(perScenario(runs, count) * 1000).toFixed(0)} µs | ${mb(median(runs.map((r) => r.bytesWritten)))} | ${mb(median(runs.map((r) => r.fileBytes)))} |`;
  const body = [
    `| scenarios pushed (median of ${ROUNDS}) | wall time | per scenario | bytes written | store file |`,
    '| --- | --- | --- | --- | --- |',
    row(SMALL, small),
    row(LARGE, large),
    `| per scenario, ${LARGE.toLocaleString('en')} ÷ ${SMALL.toLocaleString('en')} (median of the rounds' ratios) | ${target.text} | | | |`,
    '',
    `Each run is a fresh process of the built package, warmed up by a push of 300 scenarios to a fake that keeps nothing, that then does what \`scenariokit push\` does on the embedded local target: it starts the fake Runloop in the process with \`persistTo\` (left out of the time: the same for both sizes), pushes a suite at concurrency 8 through the SDK (one listing, one create per scenario), and closes it (the last write); the time runs from the push's start to the end of \`close()\`. The two sizes alternate round by round. "Bytes written" is everything the process wrote meanwhile (Linux \`/proc/self/io\`), nearly all of it store rewrites. ${failed} pushes failed.`,
    '',
    '**How it stays linear.** The store is rewritten whole (a temporary file, `fsync`, rename), so a rewrite costs in proportion to the scenarios stored. Rewrites are coalesced: after one that took *t*, the next waits at least 4*t*, so rewriting takes at most a fifth of the time whatever the size, and the views are serialised as stored, without a copy. Before this (one rewrite per turn of the event loop, every scenario deep-copied each time), one run of this script on the same machine (without the warm-up) took 1.73 s for 1,000 scenarios and 46.6 s for 5,000: 5.4× per scenario, with 80 MiB and 1.9 GiB written.',
  ].join('\n');
  return { title: 'Pushing to the embedded local target', body, met: target.met && failed === 0 };
}
