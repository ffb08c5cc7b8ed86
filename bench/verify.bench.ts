/**
 * Benchmark 6: local verification. `verifySuite` (the built package) against the same commands
 * run by bash in a loop (for each scenario and case: the reference for gold, then each scorer
 * through `bash -c`): 50 scenarios with trivial scorers give the overhead per scorer run and the
 * speed-up from concurrency where verify's own work weighs most; 12 scenarios whose scorer
 * works the CPU for a while, as test suites do, give the speed-up where the scorers weigh most.
 * The same loops split over as many bash processes as there are cores show what the machine
 * allowed in the same run. Alternating rounds, medians.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchReport, median, verdict } from './measure.js';

const REFERENCE = 'touch fixed';

/** A verification workload: scenarios of identical command scorers, each case of each scenario run once. */
interface Workload {
  readonly scenarios: number;
  readonly scorers: readonly string[];
  readonly rounds: number;
}

const TRIVIAL: Workload = { scenarios: 50, scorers: ['test -f fixed', 'echo score=1'], rounds: 7 };
const BUSY: Workload = { scenarios: 12, scorers: ['i=0; while [ $i -lt 30000 ]; do i=$((i + 1)); done; test -f fixed'], rounds: 5 };

/** Scorer runs per verification: every scorer in the gold and the no-op case of every scenario. */
const scorerRuns = (workload: Workload) => workload.scenarios * 2 * workload.scorers.length;

/** The same commands in bash, in one directory: per scenario and case, the reference (gold), then each scorer with its output captured. */
function bashLoop(workspace: string, scenarios: number, scorers: readonly string[]): string {
  const run = scorers.map((scorer) => `out=$(bash -c '${scorer}' 2>&1)`).join('; ');
  return `set -u
cd '${workspace}'
for i in $(seq ${scenarios}); do
  for kase in gold noop; do
    rm -f fixed
    if [ $kase = gold ]; then bash -c '${REFERENCE}'; fi
    ${run}
  done
done
rm -f fixed`;
}

/** CPU milliseconds used so far by this process and by its children that ended (Linux: /proc/self/stat). */
function cpuMs(): number {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const children = (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime, in 1/100 s
  return (own.user + own.system) / 1000 + children;
}

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}
type Side = 'bash' | 'bashSplit' | 'one' | 'all';
const SIDES: readonly Side[] = ['bash', 'bashSplit', 'one', 'all'];

async function timed(work: () => unknown): Promise<Sample> {
  const started = performance.now();
  const cpu = cpuMs();
  await work();
  return { wall: performance.now() - started, cpu: cpuMs() - cpu };
}

/** Runs a workload's four sides in alternating rounds; the median wall and CPU time of each. */
async function measure(workload: Workload, cores: number): Promise<Record<Side, Sample>> {
  const { Scenario, command, defineSuite } = await import('../dist/index.js');
  const { verifySuite } = await import('../dist/verify.js');
  const root = mkdtempSync(join(tmpdir(), 'scenariokit-bench-verify-'));
  const workspace = join(root, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'README'), 'a one-file workspace\n');
  const loop = join(root, 'loop.sh');
  writeFileSync(loop, bashLoop(workspace, workload.scenarios, workload.scorers));
  // what the machine allows: the same loop split over `cores` bash processes, each in a directory of its own
  const parts = Array.from({ length: cores }, (_, i) => {
    const directory = join(root, `workspace-${i}`);
    mkdirSync(directory);
    const count = Math.floor(workload.scenarios / cores) + (i < workload.scenarios % cores ? 1 : 0);
    writeFileSync(join(root, `loop-${i}.sh`), bashLoop(directory, count, workload.scorers));
    return `bash '${join(root, `loop-${i}.sh`)}' &`;
  });
  const split = join(root, 'split.sh');
  writeFileSync(split, `${parts.join('\n')}\nwait\n`);

  let template = Scenario.define().problem('p').referenceOutput(REFERENCE).workspace(workspace).scorer(command(workload.scorers[0]!));
  for (const scorer of workload.scorers.slice(1)) template = template.scorer(command(scorer));
  const suite = defineSuite('bench', Array.from({ length: workload.scenarios }, (_, i) => template.name(`s${i}`)));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const verify = (concurrency: number) =>
    timed(async () => {
      const { results } = await verifySuite(suite, { setup: false, concurrency, env });
      if (results.some((result) => result.verdict !== 'verified')) throw new Error('a benchmark scenario did not verify');
    });
  const bash = (script: string) => timed(() => execFileSync('bash', [script], { stdio: 'ignore' }));
  const run = (side: Side) => (side === 'bash' ? bash(loop) : side === 'bashSplit' ? bash(split) : verify(side === 'one' ? 1 : cores));

  const samples: Record<Side, Sample[]> = { bash: [], bashSplit: [], one: [], all: [] };
  try {
    await verify(cores); // warm-up: module loading, the first processes
    for (let round = 0; round < workload.rounds; round++) {
      // alternate the order, so that a noisy moment hurts every side alike
      for (const side of round % 2 === 0 ? SIDES : [...SIDES].reverse()) samples[side].push(await run(side));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const medianOf = (side: Side): Sample => ({ wall: median(samples[side].map((s) => s.wall)), cpu: median(samples[side].map((s) => s.cpu)) });
  return { bash: medianOf('bash'), bashSplit: medianOf('bashSplit'), one: medianOf('one'), all: medianOf('all') };
}

export async function verifyBenchmark(): Promise<BenchReport> {
  const cores = availableParallelism();
  const load = loadavg()[0]!;
  const trivial = await measure(TRIVIAL, cores);
  const busy = await measure(BUSY, cores);

  const runs = scorerRuns(TRIVIAL);
  const overheadMs = (trivial.one.wall - trivial.bash.wall) / runs;
  const overheadMet = overheadMs <= 30;
  const linear = 0.8 * cores;
  const speedup = (times: Record<Side, Sample>) => verdict(times.one.wall / times.all.wall, linear, '≥');
  const machine = (times: Record<Side, Sample>) => times.bash.wall / times.bashSplit.wall;
  const busySpeedup = speedup(busy);
  const trivialSpeedup = speedup(trivial);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const rows = (name: string, workload: Workload, times: Record<Side, Sample>) => [
    `| **${name}**: ${workload.scenarios} scenarios × 2 cases × ${workload.scorers.length} scorer${workload.scorers.length > 1 ? 's' : ''} (${scorerRuns(workload)} scorer runs), median of ${workload.rounds} | | | |`,
    `| the same commands by bash in a loop | ${ms(times.bash.wall)} | ${(times.bash.wall / scorerRuns(workload)).toFixed(2)} ms | ${ms(times.bash.cpu)} |`,
    `| \`verifySuite({ concurrency: 1 })\` | ${ms(times.one.wall)} | ${(times.one.wall / scorerRuns(workload)).toFixed(2)} ms | ${ms(times.one.cpu)} |`,
    `| \`verifySuite({ concurrency: ${cores} })\` (the default: the cores) | ${ms(times.all.wall)} | ${(times.all.wall / scorerRuns(workload)).toFixed(2)} ms | ${ms(times.all.cpu)} |`,
    `| the bash loop split over ${cores} processes at once | ${ms(times.bashSplit.wall)} | | ${ms(times.bashSplit.cpu)} |`,
    `| speed-up of verifySuite, ${cores} over 1 | ${speedup(times).text.replace(/target ≥ [\d.]+×/, `target ≥ ${linear.toFixed(1)}×, 80% of linear`)} | | |`,
    `| speed-up of the split bash loop (what the machine allowed) | ${machine(times).toFixed(2)}× | | |`,
  ];
  const body = [
    '| case | wall time | per scorer run | CPU time (all processes) |',
    '| --- | --- | --- | --- |',
    ...rows('trivial scorers', TRIVIAL, trivial),
    `| overhead per scorer run: verifySuite at concurrency 1 − bash loop | ${overheadMs.toFixed(2)} ms (target ≤ 30 ms) ${overheadMet ? '✓' : '✗ missed'} | | |`,
    ...rows('busy scorers', BUSY, busy),
    '',
    `Each scenario has a script reference (\`${REFERENCE}\`) and, with trivial scorers, a command scorer \`${TRIVIAL.scorers[0]}\` and \`${TRIVIAL.scorers[1]}\`; with busy scorers, one that counts to 30,000 in bash first (about ${((busy.bash.cpu / scorerRuns(BUSY)) | 0)} ms of CPU). The workspace is one file; launch commands are skipped (\`setup: false\`). The bash loop runs the same commands in one bash process, in one directory. The overhead is everything verifySuite adds per scorer run: a fresh copy of the workspace per run (made and removed by Node), each process spawned from Node as the leader of its own process group, its output kept and parsed, the weights totalled and the report written. CPU time is user + system of the benchmark process and of the processes it waited for (/proc/self/stat). The target is judged on the busy scorers, which is what scenarios run; the trivial ones show the floor.`,
    '',
    `**Why the speed-up may fall short of linear.** Concurrency overlaps the scenarios' processes; what does not overlap is the Node process, which spawns every process (a fork of Node, mostly system time) and copies every workspace on one thread: with trivial scorers that is ${((trivial.one.cpu - trivial.bash.cpu) / runs).toFixed(2)} ms of CPU per scorer run more than the bash loop, and it bounds their speed-up (${(trivial.one.wall / trivial.all.wall).toFixed(2)}×); with busy scorers it is a small part of the work. The machine's other load counts too: its load average was ${load.toFixed(1)} on ${cores} cores when the benchmark started; the split bash loop shows what the machine allowed the same commands in the same rounds.`,
  ].join('\n');
  return { title: 'Local verification', body, met: overheadMet && busySpeedup.met && trivialSpeedup.ratio > 1 };
}
