/**
 * Benchmark 5: pushing 1,000 scenarios to the fake with 20 ms of latency per request, at
 * concurrency 16, against the ideal (requests × latency ÷ concurrency) and against a sequential
 * loop of creates. Both sides run the built package in plain Node, each in a process of its own
 * (bench/push-run.mjs, bench/fake-server.mjs).
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type BenchReport, verdict } from './measure.js';

const COUNT = 1000;
const LATENCY_MS = 20;
const CONCURRENCY = 16;

function run(mode: 'suite' | 'workers' | 'loop'): { ms: number; requests: number; failed: number } {
  const script = fileURLToPath(new URL('push-run.mjs', import.meta.url));
  const out = execFileSync(process.execPath, [script, mode, String(COUNT), String(LATENCY_MS), String(CONCURRENCY)], { encoding: 'utf8' });
  return JSON.parse(out) as { ms: number; requests: number; failed: number };
}

export async function pushBenchmark(): Promise<BenchReport> {
  const suite = run('suite');
  const workers = run('workers');
  const loop = run('loop');
  const idealMs = (suite.requests * LATENCY_MS) / CONCURRENCY;
  const toIdeal = verdict(suite.ms / idealMs, 1.25, '≤');
  const speedup = verdict(loop.ms / suite.ms, 10, '≥');
  const body = [
    `| ${COUNT.toLocaleString('en')} scenarios, ${LATENCY_MS} ms per request | wall time | requests |`,
    '| --- | --- | --- |',
    `| ideal: requests × latency ÷ ${CONCURRENCY} | ${idealMs.toFixed(0)} ms | ${suite.requests} |`,
    `| \`suite.push({ concurrency: ${CONCURRENCY} })\` | ${suite.ms.toFixed(0)} ms (${suite.failed} failed) | ${suite.requests} |`,
    `| ${CONCURRENCY} workers calling \`client.scenarios.create\` (the SDK alone) | ${workers.ms.toFixed(0)} ms | ${workers.requests} |`,
    `| sequential loop of \`client.scenarios.create\` | ${loop.ms.toFixed(0)} ms | ${loop.requests} |`,
    `| push ÷ ideal | ${toIdeal.text} | |`,
    `| push ÷ the SDK alone | ${(suite.ms / workers.ms).toFixed(2)}× | |`,
    `| loop ÷ push | ${speedup.text} | |`,
    '',
    "Against `startFakeRunloop({ latencyMs: 20 })` on 127.0.0.1 in a process of its own, as Runloop's servers are, through the real SDK on its default transport (HTTP/2); the pushing side is the built package in plain Node, warmed up on 200 scenarios first. The push's requests are one listing (to match names) and one create per scenario.",
    '',
    `**Why the ideal may be missed.** The ideal counts only the 20 ms of latency. Each request also costs CPU on both sides (the SDK builds and sends it, the fake checks it against the OpenAPI schema and stores it; about ${(loop.ms / loop.requests - LATENCY_MS).toFixed(1)} ms per request here, seen in the sequential loop), and 16 requests released by the same timer tick queue behind each other's CPU work on this machine's ${cpus().length} cores. The row "the SDK alone" measures that floor: 16 workers calling \`client.scenarios.create\` directly, with no planning, no validation and no pool; the suite's push is ${(suite.ms / workers.ms).toFixed(2)}× of it, so its own work (the listing, planning, bounded concurrency, progress and results) adds little to what the transport itself costs.`,
  ].join('\n');
  return { title: 'Pushing a suite', body, met: toIdeal.met && speedup.met && suite.failed === 0 };
}
