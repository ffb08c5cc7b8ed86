/**
 * `npm run bench`: runs every benchmark in one process, one after the other, and writes
 * bench/RESULTS.md with the machine and the date.
 */
import { writeFileSync } from 'node:fs';
import { buildBenchmark } from './build.bench.js';
import { bundleSizeBenchmark } from './bundle-size.bench.js';
import { coldStartBenchmark } from './cold-start.bench.js';
import { type BenchReport, machine } from './measure.js';
import { pushBenchmark } from './push.bench.js';
import { storePushBenchmark } from './store-push.bench.js';
import { typecheckBenchmark } from './typecheck.bench.js';
import { verifyBenchmark } from './verify.bench.js';

const benchmarks: [string, () => Promise<BenchReport>][] = [
  ['build', buildBenchmark],
  ['cold start', coldStartBenchmark],
  ['type-check', typecheckBenchmark],
  ['bundle size', bundleSizeBenchmark],
  ['push', pushBenchmark],
  ['store', storePushBenchmark],
  ['verify', verifyBenchmark],
];

const only = process.argv.slice(2);
const reports: BenchReport[] = [];
for (const [name, run] of benchmarks) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.error(`running ${name}…`);
  const report = await run();
  console.error(`${report.body}\n`);
  reports.push(report);
}

if (only.length === 0) {
  const date = new Date().toISOString().slice(0, 10);
  const sections = reports.map((report, index) => `## ${index + 1}. ${report.title} ${report.met ? '✓' : '✗'}\n\n${report.body}\n`);
  writeFileSync(
    new URL('RESULTS.md', import.meta.url),
    `# Benchmark results\n\n${date}, ${machine()}.\nReproduce with \`npm run bench\` (it builds first); \`npm run bench -- push\` runs one.\n\n${sections.join('\n')}`,
  );
  console.error('wrote bench/RESULTS.md');
}
