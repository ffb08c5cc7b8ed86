import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `code` as an ES module in a fresh Node process where loading @runloop/api-client throws. */
async function withoutSdk(code: string) {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--import', './test/fixtures/forbid-sdk.mjs', '--input-type=module', '-e', code],
    // a key, so that push() goes as far as loading the SDK; an address nothing answers, should it get further
    { cwd: root, env: { ...process.env, RUNLOOP_API_KEY: 'rl_key', RUNLOOP_BASE_URL: 'http://127.0.0.1:9' } },
  );
  return stdout.trim();
}

describe('loading the SDK lazily', () => {
  it('imports scenariokit and builds payloads without loading @runloop/api-client', async () => {
    const out = await withoutSdk(`
      import { Scenario, command } from './src/index.ts';
      const payload = Scenario.define('x').problem('p').scorer(command('npm test')).buildCreate();
      console.log(payload.name);`);
    expect(out).toBe('x');
  });

  it('loads it in the terminals (the check above can fail)', async () => {
    const out = await withoutSdk(`
      import { Scenario, command } from './src/index.ts';
      const result = await Scenario.define('x').push('scn_1').catch((error) => error.message);
      console.log(result);`);
    expect(out).toBe('@runloop/api-client was loaded');
  });
});
