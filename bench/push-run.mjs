// One run of the push benchmark, on the built package in plain Node (as users run it):
// `node bench/push-run.mjs <suite|workers|loop> <count> <latencyMs> <concurrency>` prints
// { ms, requests, failed }. It warms up against one fake, then measures against a fresh one.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Runloop } from '@runloop/api-client';
import { astGrep, command, defineSuite, Scenario, testBased } from '../dist/index.js';

const [mode, count, latencyMs, concurrency] = [process.argv[2], ...process.argv.slice(3).map(Number)];

async function fakeServer() {
  const child = spawn(process.execPath, [new URL('fake-server.mjs', import.meta.url).pathname, String(latencyMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const { baseURL, apiKey } = JSON.parse((await lines.next()).value);
  return {
    client: new Runloop({ baseURL, bearerToken: apiKey, maxRetries: 0 }),
    async close() {
      child.stdin.end();
      const { requests } = JSON.parse((await lines.next()).value);
      await once(child, 'exit');
      return requests;
    },
  };
}

const template = Scenario.define()
  .env({ blueprintId: 'bpt_123', workingDirectory: '/home/user/repo' })
  .scorer(astGrep('if ($X == null) { $$$ }', { searchDirectory: 'src', lang: 'typescript' }), 2)
  .scorer(testBased({ command: 'npm test -- parser', files: { 'test/null.test.ts': 'it()' } }), 1)
  .scorer(command('npm run lint'), 1);
const scenarios = (n, prefix) => Array.from({ length: n }, (_, i) => template.name(`${prefix}-${i}`).problem(`Problem ${i}`));

async function push(client, list) {
  if (mode === 'suite') {
    const { results } = await defineSuite('bench', list).push({ client, concurrency });
    return results.filter((result) => result.error !== undefined).length;
  }
  const payloads = list.map((scenario) => scenario.validateCreate().data);
  // `workers`: the SDK alone at the same concurrency, the floor any push on this transport sees
  const workers = mode === 'workers' ? concurrency : 1;
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < payloads.length) await client.scenarios.create(payloads[next++]);
  }));
  return 0;
}

const warm = await fakeServer();
await push(warm.client, scenarios(Math.min(count, 200), 'warm-up'));
await warm.close();

const fake = await fakeServer();
const start = performance.now();
const failed = await push(fake.client, scenarios(count, 'bench'));
const ms = performance.now() - start;
const requests = await fake.close();
process.stdout.write(`${JSON.stringify({ ms, requests, failed })}\n`);
