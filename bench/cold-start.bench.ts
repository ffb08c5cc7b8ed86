/**
 * Benchmark 2: cold start. In a fresh Node process, `import('scenariokit')` (the built package)
 * plus one build(), against importing zod alone; and proof that @runloop/api-client stays unloaded.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchReport, load, median, medianRatio, verdict } from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 41;

/** Wall and CPU milliseconds (user + system) spent in `work`, measured inside a fresh process. */
const measured = (work: string) => `
  const wall = performance.now();
  const cpu = process.cpuUsage();
  ${work}
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 }));`;
const scenariokit = measured(`
  const { Scenario, command } = await import('./dist/index.js');
  Scenario.define('x').problem('p').scorer(command('npm test')).build();`);
const zodAlone = measured(`await import('zod');`);

const timeIn = (code: string, ...flags: string[]) =>
  JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' })) as {
    wall: number;
    cpu: number;
  };

export async function coldStartBenchmark(): Promise<BenchReport> {
  const ours: { wall: number; cpu: number }[] = [];
  const zod: { wall: number; cpu: number }[] = [];
  const loadBefore = load();
  for (let run = 0; run < RUNS; run++) {
    // alternate (the order too), so that a noisy moment hurts both sides alike
    if (run % 2 === 0) {
      ours.push(timeIn(scenariokit));
      zod.push(timeIn(zodAlone));
    } else {
      zod.push(timeIn(zodAlone));
      ours.push(timeIn(scenariokit));
    }
  }
  const loadAfter = load();
  const med = (runs: typeof ours, key: 'wall' | 'cpu') => median(runs.map((run) => run[key]));
  // The same run again, where loading @runloop/api-client throws: it must not be loaded.
  let sdkLoaded = false;
  try {
    timeIn(scenariokit, '--import', './test/fixtures/forbid-sdk.mjs');
  } catch {
    sdkLoaded = true;
  }
  // each pair's ratio, then their median: a noisy moment falls on both processes of a pair
  const ratioOf = (key: 'wall' | 'cpu') => medianRatio(ours.map((run) => run[key]), zod.map((run) => run[key]));
  const ratio = verdict(ratioOf('cpu'), 1.3, '≤');
  const body = [
    `| median of ${RUNS} fresh processes | CPU time | wall time |`,
    '| --- | --- | --- |',
    `| \`import('zod')\` alone | ${med(zod, 'cpu').toFixed(1)} ms | ${med(zod, 'wall').toFixed(1)} ms |`,
    `| \`import('scenariokit')\` + one \`build()\` | ${med(ours, 'cpu').toFixed(1)} ms | ${med(ours, 'wall').toFixed(1)} ms |`,
    `| ratio (median of the pairs' ratios) | ${ratio.text} | ${ratioOf('wall').toFixed(2)}× |`,
    '',
    `\`@runloop/api-client\` loaded: ${sdkLoaded ? 'yes ✗' : 'no ✓'} (the same run with a loader hook that throws on it).`,
    '',
    `Measured inside each process around the import (Node start-up itself is the same for both and left out). The target is judged on CPU time (user + system), which the scheduling noise of a shared machine moves less than wall time. scenariokit is the built ESM entry, \`dist/index.js\`; its import includes importing zod. The two alternate process by process (the order reversed every other pair); the ratio is the median of the pairs' ratios. Machine load: ${loadBefore} before, ${loadAfter} after.`,
  ].join('\n');
  return { title: 'Cold start', body, met: ratio.met && !sdkLoaded };
}
