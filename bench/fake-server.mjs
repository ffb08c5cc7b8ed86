// The fake Runloop as a server of its own, as Runloop's servers are, running the built package
// (plain Node, no TypeScript loader): `node bench/fake-server.mjs <latencyMs>` prints
// { baseURL, apiKey } as a JSON line, serves until its stdin closes, then prints { requests }.
import { startFakeRunloop } from '../dist/testing.js';

const fake = await startFakeRunloop({ latencyMs: Number(process.argv[2] ?? 0) });
process.stdout.write(`${JSON.stringify({ baseURL: fake.baseURL, apiKey: fake.apiKey })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write(`${JSON.stringify({ requests: fake.requests.length })}\n`);
  void fake.close().then(() => process.exit(0));
});
