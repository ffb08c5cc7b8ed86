// One run of the store benchmark, on the built package in plain Node, as the command runs it:
// `node bench/store-push-run.mjs <count>` pushes <count> scenarios at concurrency 8 (the
// command's default) to the embedded local target — a fake Runloop in this process, persisting
// to a fresh .scenariokit/runloop.json — closes it (the last write), and prints
// { ms, bytesWritten, fileBytes }. bytesWritten counts every byte this process wrote (Linux).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astGrep, command, defineSuite, Scenario, testBased } from '../dist/index.js';
import { startFakeRunloop } from '../dist/testing.js';

const count = Number(process.argv[2]);
const written = () => (existsSync('/proc/self/io') ? Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))[1]) : Number.NaN);

const template = Scenario.define()
  .env({ blueprintId: 'bpt_123', workingDirectory: '/home/user/repo' })
  .scorer(astGrep('if ($X == null) { $$$ }', { searchDirectory: 'src', lang: 'typescript' }), 2)
  .scorer(testBased({ command: 'npm test -- parser', files: { 'test/null.test.ts': 'it()' } }), 1)
  .scorer(command('npm run lint'), 1);
const suite = defineSuite('bench', Array.from({ length: count }, (_, i) => template.name(`store-${i}`).problem(`Problem ${i}`)));
suite.scenarios(); // validated before the clock starts, as the command does before it opens the target

// warm up (JIT, the SDK's connection code) on a fake that keeps nothing, so that both sizes are measured warm
const warm = await startFakeRunloop();
await defineSuite('warm-up', Array.from({ length: 300 }, (_, i) => template.name(`warm-${i}`).problem('p'))).push({ client: warm.client(), concurrency: 8 });
await warm.close();

const dir = mkdtempSync(join(tmpdir(), 'scenariokit-store-bench-'));
const file = join(dir, '.scenariokit', 'runloop.json');
try {
  const fake = await startFakeRunloop({ persistTo: file });
  const bytesBefore = written();
  const start = performance.now();
  const { results } = await suite.push({ client: fake.client(), concurrency: 8 });
  await fake.close();
  const ms = performance.now() - start;
  const failed = results.filter((result) => result.error !== undefined).length;
  process.stdout.write(`${JSON.stringify({ ms, failed, bytesWritten: written() - bytesBefore, fileBytes: statSync(file).size })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
