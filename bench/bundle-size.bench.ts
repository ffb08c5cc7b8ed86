/**
 * Benchmark 4: the size of the core entry, minified and gzipped, its dependencies excluded.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { type BenchReport } from './measure.js';

const TARGET_BYTES = 12 * 1024;

export async function bundleSizeBenchmark(): Promise<BenchReport> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    external: Object.keys(packageJson.dependencies),
  });
  const code = result.outputFiles[0]!.contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const met = gzipped <= TARGET_BYTES;
  const body = [
    '| core entry (`scenariokit`) | bytes |',
    '| --- | --- |',
    `| minified | ${code.length.toLocaleString('en')} |`,
    `| minified + gzip | ${gzipped.toLocaleString('en')} (${(gzipped / 1024).toFixed(1)} KB; target ≤ 12 KB) ${met ? '✓' : '✗ missed'} |`,
    '',
    'esbuild bundle of `src/index.ts`, every dependency external (zod, @runloop/api-client, and those loaded lazily by terminals).',
  ].join('\n');
  return { title: 'Bundle size', body, met };
}
