/**
 * Benchmark 2: cold start. In a fresh Node process, `import('scenariokit')` (the built package)
 * plus one build(), against importing zod alone; and proof that @runloop/api-client stays unloaded.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchReport, median, verdict } from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 25;

const scenariokit = `
  const start = performance.now();
  const { Scenario, command } = await import('./dist/index.js');
  Scenario.define('x').problem('p').scorer(command('npm test')).build();
  console.log(performance.now() - start);`;
const zodAlone = `
  const start = performance.now();
  await import('zod');
  console.log(performance.now() - start);`;

const timeIn = (code: string, ...flags: string[]) =>
  Number(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' }));

export async function coldStartBenchmark(): Promise<BenchReport> {
  const ours: number[] = [];
  const zod: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // alternate, so that a noisy moment hurts both sides alike
    ours.push(timeIn(scenariokit));
    zod.push(timeIn(zodAlone));
  }
  // The same run again, where loading @runloop/api-client throws: it must not be loaded.
  let sdkLoaded = false;
  try {
    timeIn(scenariokit, '--import', './test/fixtures/forbid-sdk.mjs');
  } catch {
    sdkLoaded = true;
  }
  const ratio = verdict(median(ours) / median(zod), 1.3, '≤');
  const body = [
    '| import + first build() | median of ' + RUNS + ' fresh processes |',
    '| --- | --- |',
    `| \`import('zod')\` alone | ${median(zod).toFixed(1)} ms |`,
    `| \`import('scenariokit')\` + one \`build()\` | ${median(ours).toFixed(1)} ms |`,
    `| ratio | ${ratio.text} |`,
    `| \`@runloop/api-client\` loaded | ${sdkLoaded ? 'yes ✗' : 'no ✓'} |`,
    '',
    'Measured inside each process with `performance.now()` around the import (Node start-up itself is the same for both and left out). scenariokit is the built ESM entry, `dist/index.js`; its import includes importing zod.',
  ].join('\n');
  return { title: 'Cold start', body, met: ratio.met && !sdkLoaded };
}
